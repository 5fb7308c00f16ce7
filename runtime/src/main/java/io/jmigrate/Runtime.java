package io.jmigrate;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.internal.cli.CommandLine;
import io.jmigrate.dialect.Dialect;
import io.jmigrate.engine.AppliedMigration;
import io.jmigrate.engine.Drift;
import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.engine.Status;
import io.jmigrate.engine.UpToDate;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The application's entry point: {@code Runtime.migrate(connection)} at start-up brings the
 * database to the latest version. The migrations are found through the index the processor
 * generated at compile time (one resource, {@link MigrationIndex#RESOURCE}; no class-path scanning).
 */
public final class Runtime {
  private static volatile Migrator cached;

  private Runtime() {}

  /**
   * Applies every pending migration in order and returns what it applied (empty when up to date).
   * An up-to-date database is recognised from the index alone (one query, no migration class
   * loaded, see {@link UpToDate}); the classes are loaded only when something is to be done or explained.
   */
  public static List<AppliedMigration> migrate(Connection connection) {
    if (cached == null && upToDate(connection, loader())) {
      return List.of();
    }
    return migrator().migrate(connection);
  }

  /** The start-up fast path: the history checked against the index, before any class is loaded. */
  private static boolean upToDate(Connection connection, ClassLoader loader) {
    return UpToDate.check(connection, loader).isPresent();
  }

  /**
   * Like {@link #migrate(Connection)}, on a connection taken from the pool and returned to it; the
   * lease lock, if chosen ({@code JMIGRATE_LOCK=lease}), takes its own connection from the pool too.
   */
  public static List<AppliedMigration> migrate(DataSource dataSource) {
    return migrate(dataSource, cached == null ? loader() : null, Runtime::migrator);
  }

  /**
   * Like {@link #migrate(DataSource)}, for the migrations indexed on {@code loader}'s class path, with
   * nothing cached between calls: for a framework that gives each start of the application a class
   * loader of its own (Quarkus dev mode, Spring DevTools), so that a restart sees the migrations the
   * last build wrote. The same start-up fast path: an up-to-date database loads no migration class.
   */
  public static List<AppliedMigration> migrate(DataSource dataSource, ClassLoader loader) {
    return migrate(dataSource, loader, () -> migrator(loader));
  }

  /** @param fastPath the class path whose index may show the database up to date, or null to skip that check */
  private static List<AppliedMigration> migrate(DataSource dataSource, ClassLoader fastPath, Supplier<Migrator> migrator) {
    try (Connection c = dataSource.getConnection()) {
      if (fastPath != null && upToDate(c, fastPath)) {
        return List.of();
      }
      Migrator m = migrator.get();
      if (m.leaseLock() != null) {
        m = m.withLeaseLock(m.leaseLock().lease(), dataSource::getConnection);
      }
      return m.migrate(c);
    } catch (SQLException e) {
      throw new MigrationException("could not get a connection: " + e.getMessage(), e);
    }
  }

  /** Moves the database forward or back to {@code version}; 0 reverts every migration. */
  public static List<AppliedMigration> migrateTo(Connection connection, int version) {
    return migrator().migrateTo(connection, version);
  }

  /** Applied and pending migrations, like Django's {@code showmigrations}. */
  public static Status status(Connection connection) {
    return migrator().status(connection);
  }

  /**
   * The SQL that would bring an empty database of the named dialect ({@code sqlite},
   * {@code postgresql}) to the latest version, without touching a database.
   */
  public static List<String> sql(String dialect) {
    return sql(dialect, 0, migrator().latestVersion());
  }

  /**
   * The SQL that moves a database of the named dialect from version {@code from} to {@code to}:
   * up, or, when {@code from} is above {@code to}, the reverse (newest migration first).
   */
  public static List<String> sql(String dialect, int from, int to) {
    return migrator().sql(Dialect.named(dialect), from, to);
  }

  /**
   * The SQL that {@link #migrate(Connection)} would run on this database now, exactly: its pending
   * migrations, with what depends on the live database (SQLite keeps a rebuilt table's triggers)
   * read from it.
   */
  public static List<String> sql(Connection connection) {
    return migrator().sql(connection);
  }

  /**
   * The SQL that {@link #migrateTo(Connection, int)} would run on this database now to reach
   * {@code version}: its pending migrations up to it, or the reverse of the applied ones above it.
   */
  public static List<String> sql(Connection connection, int version) {
    return migrator().sql(connection, version);
  }

  /**
   * Marks versions up to {@code version} as applied on a database whose schema already matches it;
   * validates first and refuses, showing the drift, when it does not.
   */
  public static void baseline(Connection connection, int version) {
    migrator().baseline(connection, version);
  }

  /** Compares the live schema with the one the applied migrations should have produced, table by table and column by column. */
  public static Drift validate(Connection connection) {
    return migrator().validate(connection);
  }

  /** The command line: {@code java -cp <app class path> io.jmigrate.Runtime migrate|status|sql|validate|baseline …}. */
  public static void main(String[] args) {
    System.exit(commandLine(System.out, System.err, Runtime::migrator, loader(), System.getenv(), args));
  }

  /**
   * The command line run in-process, as a build tool runs it: its output and its one-line errors go
   * to {@code out} and {@code err}, and it returns the exit code {@link #main} would (0 done, 1 a
   * migration or the database failed or validate found drift, 2 the command line is wrong).
   *
   * @param migrator the application's migrations, asked for only when needed
   * @param classes the application's class path, whose migration index may show the database up to
   *     date without loading a migration class; null to always ask {@code migrator}
   * @param env the environment ({@code JMIGRATE_URL}, …)
   */
  public static int commandLine(java.io.PrintStream out, java.io.PrintStream err,
      java.util.function.Supplier<Migrator> migrator, ClassLoader classes, java.util.Map<String, String> env,
      String... args) {
    return new CommandLine(out, err, migrator, classes, env).run(args);
  }

  /**
   * The migrator for the application's migrations, loaded once. Options go through it, e.g.
   * {@code Runtime.migrator().withLockTimeout(Duration.ofSeconds(30)).migrate(c)}: the lock wait
   * ({@link Migrator#withLockTimeout}), an older build on a newer database
   * ({@link Migrator#withAheadAllowed}), the lease lock
   * ({@code withLeaseLock(Duration.ofSeconds(30), dataSource::getConnection)}), how often waits and
   * long migrations are reported ({@link Migrator#withReportEvery}). The environment chooses them
   * too ({@code JMIGRATE_LOCK_TIMEOUT}, {@code JMIGRATE_ALLOW_AHEAD}, {@code JMIGRATE_LOCK}; see the README).
   */
  public static Migrator migrator() {
    Migrator m = cached;
    if (m == null) {
      m = new Migrator(load()).withUnmanaged(Unmanaged.find(loader()));
      cached = m;
    }
    return m;
  }

  /**
   * A new migrator (not cached) for the migrations indexed on {@code loader}'s class path: for a
   * framework with a class loader of its own per application (Spring Boot's, DevTools' restart loader).
   */
  public static Migrator migrator(ClassLoader loader) {
    return new Migrator(load(loader)).withUnmanaged(Unmanaged.find(loader));
  }

  private static List<Migration> load() {
    return load(loader());
  }

  private static ClassLoader loader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : Runtime.class.getClassLoader();
  }

  private static List<Migration> load(ClassLoader loader) {
    List<URL> indexes = MigrationIndex.find(loader);
    if (indexes.isEmpty()) {
      throw new MigrationException("no migrations found: the class path has no " + MigrationIndex.RESOURCE
          + ". Is jmigrate-processor on the compiler's annotation processor path, and was the project built "
          + "after adding @Table models?");
    }
    if (indexes.size() > 1) {
      throw new MigrationException("more than one migration index on the class path: " + indexes
          + ". Use one set of migrations per database, or build a Migrator from MigrationIndex.load(url, loader).");
    }
    return MigrationIndex.load(indexes.get(0), loader);
  }
}
