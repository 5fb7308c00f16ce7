package io.jmigrate.example.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The example as it ships (H2): the extension migrated the datasource before Hibernate ORM validated it,
 * the resource reads and writes through Hibernate, and the readiness check reports jmigrate.
 */
@QuarkusTest
class LibraryTest {
  @TestHTTPResource("/")
  URL base;

  @Inject
  AgroalDataSource dataSource;

  @Test
  void migratedBeforeHibernateAndServesRequests() throws Exception {
    assertEquals("Dune by Herbert", Http.post(base, "books?title=Dune&author=Herbert"));
    assertTrue(Http.get(base, "books").contains("Dune by Herbert"));
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("select max(version) from jmigrate_history where success")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }

  @Test
  void readinessReportsTheVersion() throws Exception {
    String health = Http.get(base, "q/health/ready");
    assertTrue(health.contains("\"jmigrate\"") && health.contains("database at version 1 of 1: up to date"), health);
  }
}
