package io.jmigrate.spring.boot.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A whole application with Hibernate on an in-memory H2: its EntityManagerFactory is created after
 * jmigrate has migrated (Hibernate's schema validation finds the tables, a start-up bean reads them
 * through JPA), and Spring Boot does not default ddl-auto to create-drop on a database jmigrate manages.
 */
class JpaOrderTest {
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** Reads the books through JPA in its constructor. */
  static class StartupReader {
    final List<String> titles;

    StartupReader(EntityManagerFactory emf) {
      var em = emf.createEntityManager();
      try {
        titles = em.createQuery("SELECT b.title FROM Book b ORDER BY b.id", String.class).getResultList();
      } finally {
        em.close();
      }
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    StartupReader startupReader(EntityManagerFactory emf) {
      return new StartupReader(emf);
    }
  }

  private static ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .properties("spring.datasource.url=jdbc:h2:mem:jpa" + NEXT.incrementAndGet()
            + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE")
        .properties(properties)
        .run();
  }

  @Test
  void hibernateValidatesTheMigratedSchemaAndAStartUpBeanReadsIt() {
    try (ConfigurableApplicationContext context = start("spring.jpa.hibernate.ddl-auto=validate")) {
      assertThat(context.getBean(StartupReader.class).titles).containsExactly("Dune");
    }
  }

  @Test
  void hibernateLeavesTheMigratedSchemaAloneByDefault() {
    // Without jmigrate's SchemaManagementProvider, Boot's default for an embedded H2 is create-drop:
    // Hibernate would drop the migrated book table and create an empty one.
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBean(StartupReader.class).titles).containsExactly("Dune");
      assertThat(context.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto")).isNull();
    }
  }
}
