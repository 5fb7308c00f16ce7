package io.jmigrate.example.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three datasources: the default one is migrated (the default), a named one because
 * {@code quarkus.jmigrate."audit".migrate-at-start=true} says so, and another named one is left alone.
 */
@QuarkusTest
@TestProfile(NamedDataSourcesTest.ThreeDataSources.class)
class NamedDataSourcesTest {
  public static class ThreeDataSources implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.jdbc.url", "jdbc:h2:mem:named-default;DB_CLOSE_DELAY=-1",
          "quarkus.datasource.audit.db-kind", "h2",
          "quarkus.datasource.audit.jdbc.url", "jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1",
          "quarkus.datasource.archive.db-kind", "h2",
          "quarkus.datasource.archive.jdbc.url", "jdbc:h2:mem:archive;DB_CLOSE_DELAY=-1",
          "quarkus.jmigrate.audit.migrate-at-start", "true");
    }
  }

  @Inject
  AgroalDataSource defaultDataSource;

  @Inject
  @DataSource("audit")
  AgroalDataSource audit;

  @Inject
  @DataSource("archive")
  AgroalDataSource archive;

  @Test
  void migratesTheDefaultAndTheNamedOnesConfigured() throws Exception {
    assertEquals(1, version(defaultDataSource));
    assertEquals(1, version(audit));
    assertFalse(hasHistory(archive), "archive was not to be migrated");
  }

  private static int version(AgroalDataSource ds) throws Exception {
    assertTrue(hasHistory(ds));
    try (Connection c = ds.getConnection();
        ResultSet rs = c.createStatement().executeQuery("select max(version) from jmigrate_history")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static boolean hasHistory(AgroalDataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, null,
            c.getMetaData().storesUpperCaseIdentifiers() ? "JMIGRATE_HISTORY" : "jmigrate_history", null)) {
      return rs.next();
    }
  }
}
