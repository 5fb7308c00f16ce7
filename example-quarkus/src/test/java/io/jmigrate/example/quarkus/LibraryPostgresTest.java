package io.jmigrate.example.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same application built for PostgreSQL (the database kind is a build-time choice in Quarkus). */
@QuarkusTest
@TestProfile(LibraryPostgresTest.Postgres.class)
class LibraryPostgresTest {
  public static class Postgres implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.datasource.db-kind", "postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
    }
  }

  @TestHTTPResource("/")
  URL base;

  @Inject
  AgroalDataSource dataSource;

  @Test
  void migratedBeforeHibernateAndServesRequests() throws Exception {
    assertEquals("Emma by Austen", Http.post(base, "books?title=Emma&author=Austen"));
    assertTrue(Http.get(base, "books").contains("Emma by Austen"));
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery(
            "select max(version), bool_and(success) from jmigrate_history")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
      assertTrue(rs.getBoolean(2));
    }
  }
}
