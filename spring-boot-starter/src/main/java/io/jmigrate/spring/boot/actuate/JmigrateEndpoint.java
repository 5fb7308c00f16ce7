package io.jmigrate.spring.boot.actuate;

import io.jmigrate.engine.Status;
import io.jmigrate.spring.boot.Jmigrate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/jmigrate}: the database's applied and pending migrations, like
 * {@code /actuator/flyway}, read from {@code jmigrate_history} on each request, in the states the
 * {@code status} command shows. Where jmigrate migrates several DataSources, it shows the first and
 * names them all; {@code /actuator/jmigrate/<bean name>} shows one of them.
 */
@Endpoint(id = "jmigrate")
public class JmigrateEndpoint {
  private final Supplier<List<Jmigrate>> jmigrates;

  public JmigrateEndpoint(Jmigrate jmigrate) {
    this(() -> List.of(jmigrate));
  }

  /** @param jmigrates the DataSources jmigrate migrates, in order (asked on each request) */
  public JmigrateEndpoint(Supplier<List<Jmigrate>> jmigrates) {
    this.jmigrates = jmigrates;
  }

  @ReadOperation
  public MigrationsDescriptor migrations() {
    List<Jmigrate> all = jmigrates.get();
    return all.isEmpty() ? null : describe(all.get(0), all);
  }

  /** One DataSource's migrations, by its bean name; null (404) for a name jmigrate does not migrate. */
  @ReadOperation
  public MigrationsDescriptor migrations(@Selector String dataSource) {
    List<Jmigrate> all = jmigrates.get();
    return all.stream().filter(j -> dataSource.equals(j.name())).findFirst().map(j -> describe(j, all)).orElse(null);
  }

  private static MigrationsDescriptor describe(Jmigrate jmigrate, List<Jmigrate> all) {
    Status status = jmigrate.status();
    List<MigrationDescriptor> migrations = status.entries().stream()
        .map(e -> new MigrationDescriptor(e.version(), e.description(), e.state(), e.appliedAt(),
            e.executionMillis() < 0 ? null : e.executionMillis(), e.irreversible(), e.problem(), e.progress()))
        .toList();
    return new MigrationsDescriptor(jmigrate.name(), all.size() > 1 ? all.stream().map(Jmigrate::name).toList() : null,
        status.currentVersion(), jmigrate.migrator().latestVersion(), jmigrate.targetVersion(), status.summary(),
        migrations);
  }

  /**
   * Which DataSource (its bean name; {@code dataSources}: all of them, when jmigrate migrates
   * several), where the database is, where the code goes, the {@code status} command's summary line,
   * and every version either knows.
   */
  public record MigrationsDescriptor(String dataSource, List<String> dataSources, int currentVersion,
      int latestVersion, Integer targetVersion, String summary, List<MigrationDescriptor> migrations)
      implements OperationResponseBody {}

  /**
   * One version, as the {@code status} command shows it (the runtime's {@link Status.Entry}):
   * {@code state} {@code APPLIED}, {@code PENDING} or {@code FAILED_PARTIAL} (some of its steps ran
   * and were not reverted; {@code progress} says which, where DDL commits by itself); when it was
   * applied, as {@code jmigrate_history} stores it, and how long it took; whether a step of it has no
   * reverse; {@code problem} says what is wrong with it (edited after it was applied, unknown to
   * this build, a gap, partly applied), or is null.
   */
  public record MigrationDescriptor(int version, String description, Status.State state, String appliedAt,
      Long durationMs, boolean irreversible, String problem, Status.Progress progress) {}
}
