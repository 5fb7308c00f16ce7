package io.jmigrate.spring.boot.slices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every slice with a database must see, on each Spring Boot line (the subclasses under boot3/
 * and boot4/ carry the line's slice annotation): the embedded H2 database the slice made, with Spring
 * Boot's own URL (H2 folding names to upper case), migrated by jmigrate before the test, and found by
 * unquoted SQL.
 */
public abstract class SliceChecks {
  @Autowired
  protected DataSource dataSource;

  @Autowired
  protected JdbcTemplate jdbc;

  @Test
  void theSlicesEmbeddedDatabaseIsMigratedBeforeTheTest() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getURL()).startsWith("jdbc:h2:mem:").doesNotContainIgnoringCase("DATABASE_TO_LOWER");
    }
    assertThat(jdbc.queryForList("SELECT version FROM jmigrate_history ORDER BY version", Integer.class))
        .containsExactly(1, 2, 3);
    assertThat(jdbc.queryForList("SELECT title FROM book", String.class)).containsExactly("Dune");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM shelf", Integer.class)).isNotNull();
  }
}
