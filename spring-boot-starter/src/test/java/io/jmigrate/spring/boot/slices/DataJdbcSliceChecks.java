package io.jmigrate.spring.boot.slices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/** A {@code @DataJdbcTest}: Spring Data JDBC writes and reads a migrated table by the names it derives. */
public abstract class DataJdbcSliceChecks extends SliceChecks {
  @Autowired
  JdbcAggregateTemplate aggregates;

  @Test
  void springDataJdbcWritesAndReadsTheMigratedTables() {
    aggregates.insert(new Shelf("bottom", 12));
    assertThat(aggregates.findAll(Shelf.class)).contains(new Shelf("bottom", 12));
  }
}
