package io.jmigrate.spring.boot.slices;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A {@code @DataJpaTest} with {@code ddl-auto=validate}: Hibernate finds the migrated tables and reads them. */
public abstract class JpaSliceChecks extends SliceChecks {
  @Autowired
  EntityManager entityManager;

  @Test
  void hibernateValidatesAndReadsTheMigratedTables() {
    assertThat(entityManager.createQuery("SELECT b.title FROM Book b", String.class).getResultList())
        .containsExactly("Dune");
  }
}
