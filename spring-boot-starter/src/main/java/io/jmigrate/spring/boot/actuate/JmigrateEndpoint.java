package io.jmigrate.spring.boot.actuate;

import io.jmigrate.engine.Status;
import io.jmigrate.spring.boot.Jmigrate;
import java.util.List;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/jmigrate}: the database's applied and pending migrations, like
 * {@code /actuator/flyway}, read from {@code jmigrate_history} on each request.
 */
@Endpoint(id = "jmigrate")
public class JmigrateEndpoint {
  private final Jmigrate jmigrate;

  public JmigrateEndpoint(Jmigrate jmigrate) {
    this.jmigrate = jmigrate;
  }

  @ReadOperation
  public MigrationsDescriptor migrations() {
    Status status = jmigrate.status();
    List<MigrationDescriptor> migrations = status.entries().stream()
        .map(e -> new MigrationDescriptor(e.version(), e.description(), e.applied() ? State.APPLIED : State.PENDING,
            e.appliedAt(), e.problem()))
        .toList();
    return new MigrationsDescriptor(status.currentVersion(), jmigrate.migrator().latestVersion(),
        jmigrate.targetVersion(), migrations);
  }

  /** Where the database is, where the code goes, and every version either knows. */
  public record MigrationsDescriptor(int currentVersion, int latestVersion, Integer targetVersion,
      List<MigrationDescriptor> migrations) implements OperationResponseBody {}

  /**
   * One version: applied (with when, as {@code jmigrate_history} stores it) or pending;
   * {@code problem} says what is wrong with it (edited after it was applied, unknown to this build,
   * a gap, not completed), or is null.
   */
  public record MigrationDescriptor(int version, String description, State state, String appliedAt, String problem) {}

  public enum State {
    APPLIED,
    PENDING
  }
}
