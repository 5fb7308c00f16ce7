package io.jmigrate.quarkus;

import io.agroal.api.AgroalDataSource;
import io.jmigrate.Runtime;
import io.jmigrate.engine.Migrator;
import io.jmigrate.engine.Status;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every datasource jmigrate migrates is at the latest version with nothing marked wrong (the same
 * states as the command line's {@code status}); down, with the summary line, when not. Registered only
 * when the application has SmallRye Health.
 */
@Readiness
@ApplicationScoped
public class JmigrateHealthCheck implements HealthCheck {
  @Inject
  JmigrateConfig config;

  /** Loaded at the first check: this bean lives as long as the application (a dev-mode restart makes a new one). */
  private volatile Migrator migrator;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("jmigrate").up();
    for (String name : AgroalDataSourceUtil.activeDataSourceNames()) {
      if (!config.migrates(name)) {
        continue;
      }
      Optional<AgroalDataSource> ds = AgroalDataSourceUtil.dataSourceIfActive(name);
      if (ds.isEmpty()) {
        continue;
      }
      String key = JmigrateRecorder.label(name);
      try (Connection c = ds.get().getConnection()) {
        Status status = migrator().status(c);
        response.withData(key, status.summary());
        if (!status.pending().isEmpty() || !status.problems().isEmpty()) {
          response.down();
        }
      } catch (Exception e) {
        response.withData(key, "status unknown: " + e.getMessage()).down();
      }
    }
    return response.build();
  }

  private Migrator migrator() {
    Migrator m = migrator;
    if (m == null) {
      m = Runtime.migrator(Thread.currentThread().getContextClassLoader());
      migrator = m;
    }
    return m;
  }
}
