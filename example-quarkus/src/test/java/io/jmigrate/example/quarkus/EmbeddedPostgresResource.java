package io.jmigrate.example.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;

/** A real PostgreSQL for the test, on loopback (no container runtime here, so no Dev Services). */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
  private EmbeddedPostgres postgres;

  @Override
  public Map<String, String> start() {
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the embedded PostgreSQL", e);
    }
    return Map.of(
        "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "postgres");
  }

  @Override
  public void stop() {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
