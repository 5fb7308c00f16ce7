package io.jmigrate.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.engine.WorkloadAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's commands, messages and exit codes, on a real SQLite file. */
class CommandLineTest {
  @TempDir Path dir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return run(WorkloadAccess.migrator(2), args);
  }

  int run(Migrator m, String... args) {
    out.reset();
    err.reset();
    return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        () -> m, Map.of()).run(args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void migrateStatusValidate() {
    String url = "--url=jdbc:sqlite:" + dir.resolve("cli.db");
    assertEquals(CommandLine.OK, run("sql", url));
    assertTrue(out().contains("does not exist yet") && out().contains("CREATE TABLE"), out());
    for (String reading : new String[] {"status", "validate"}) {
      assertEquals(CommandLine.FAILED, run(reading, url), reading);
      assertEquals("jmigrate: no SQLite database at " + dir.resolve("cli.db").toAbsolutePath().normalize()
          + " (nothing was created): check --url; migrate creates the file\n", err(), reading);
    }
    assertEquals(CommandLine.FAILED, run("baseline", "1", url));
    assertFalse(java.nio.file.Files.exists(dir.resolve("cli.db")), "reading a missing file does not create it");
    assertEquals(CommandLine.OK, run("migrate", url));
    assertTrue(out().contains("applied V0006 add x6"), out());
    assertEquals(CommandLine.OK, run("status", url));
    assertTrue(out().contains("[X] V0001 create t"), out());
    assertEquals(CommandLine.OK, run("migrate", url));
    assertTrue(out().contains("up to date at version 6"), out());
    assertEquals(CommandLine.OK, run("validate", url));
    assertTrue(out().contains("no drift"), out());
    assertEquals(CommandLine.OK, run("migrate-to", "4", url));
    assertTrue(out().contains("reverted V0006 add x6") && out().contains("reverted V0005 add x5"), out());
    assertEquals(CommandLine.FAILED, run("migrate-to", "3", url));
    assertTrue(err().contains("V0004 rename b, drop c is irreversible"), err());
  }

  @Test
  void lockLeaseTakesTheLeaseRowAndReleasesIt() throws Exception {
    String url = "--url=jdbc:sqlite:" + dir.resolve("lease.db");
    assertEquals(CommandLine.USAGE, run("migrate", url, "--lock=bogus"));
    assertTrue(err().contains("--lock is lease or dialect, not bogus"), err());
    assertEquals(CommandLine.OK, run("migrate", url, "--lock=lease", "--lease=1"));
    assertTrue(out().contains("applied V0006 add x6"), out());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lease.db"));
        java.sql.ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM jmigrate_lock")) {
      r.next();
      assertEquals(0, r.getInt(1), "the lease row was taken (the table exists) and deleted on close");
    }
    assertEquals(CommandLine.OK, run("validate", url));
    assertTrue(out().contains("no drift"), out());
  }

  @Test
  void sqlPrintsWithoutADatabase() {
    assertEquals(CommandLine.OK, run("sql", "--dialect", "postgresql", "--to", "2"));
    assertTrue(out().contains("ALTER TABLE \"t\" ALTER COLUMN \"a\" TYPE BIGINT"), out());
  }

  @Test
  void mistakesAreUsageErrorsAndFailuresAreOne() {
    assertEquals(CommandLine.OK, run("--help"));
    assertTrue(out().contains("usage: java -cp"));
    assertEquals(CommandLine.USAGE, run());
    assertTrue(err().contains("no command given (see --help)"), err());
    assertEquals(CommandLine.USAGE, run("frobnicate"));
    assertEquals(CommandLine.USAGE, run("migrate"));
    assertTrue(err().contains("give --url"), err());
    assertEquals(CommandLine.USAGE, run("migrate-to", "x", "--url", "jdbc:sqlite:x.db"));
    assertEquals(CommandLine.USAGE, run("sql", "--dialect", "oracle"));
  }

  /**
   * A misspelt URL is not a missing driver: it names no database jmigrate knows, with the known
   * prefixes; a known prefix whose driver is not on the class path (MySQL's here) still asks for it.
   */
  @Test
  void aMisspeltUrlIsToldApartFromAMissingDriver() {
    for (String command : new String[] {"migrate", "status", "inspect"}) {
      String[] args = command.equals("inspect")
          ? new String[] {command, "--url", "jdbc:postgresq://localhost/app", "--package", "a.b", "--source-dir", dir.toString()}
          : new String[] {command, "--url", "jdbc:postgresq://localhost/app"};
      assertEquals(CommandLine.FAILED, run(args), command);
      assertEquals("jmigrate: the URL jdbc:postgresq://localhost/app names no database jmigrate knows (did you mean "
          + "jdbc:postgresql:?); the known prefixes are jdbc:sqlite:, jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:, "
          + "jdbc:h2: (a database with a dialect of its own needs its JDBC driver on the class path)\n", err(), command);
    }
    assertEquals(CommandLine.FAILED, run("migrate", "--url", "jdbc:nosuchdriver:foo"));
    assertTrue(err().startsWith("jmigrate: the URL jdbc:nosuchdriver:foo names no database jmigrate knows; the known "
        + "prefixes are jdbc:sqlite:"), err());
    assertEquals(1, err().lines().count(), err());
    assertEquals(CommandLine.FAILED, run("migrate", "--url", "jdbc:mysql://localhost/app"));
    assertEquals("jmigrate: no JDBC driver on the class path accepts jdbc:mysql://localhost/app: add the database's "
        + "driver (com.mysql:mysql-connector-j) to the class path\n", err());
  }

  /** A JDBC driver for "jdbc:jmigrate-unsupported:<file>": a real SQLite file whose product name says FooDB. */
  static final class UnsupportedDriver implements java.sql.Driver {
    static final String PREFIX = "jdbc:jmigrate-unsupported:";

    @Override
    public java.sql.Connection connect(String url, java.util.Properties info) throws java.sql.SQLException {
      if (!acceptsURL(url)) {
        return null;
      }
      java.sql.Connection real = java.sql.DriverManager.getConnection("jdbc:sqlite:" + url.substring(PREFIX.length()));
      java.sql.DatabaseMetaData meta = (java.sql.DatabaseMetaData) java.lang.reflect.Proxy.newProxyInstance(
          getClass().getClassLoader(), new Class<?>[] {java.sql.DatabaseMetaData.class}, (p, m, a) ->
              m.getName().equals("getDatabaseProductName") ? "FooDB"
                  : m.getName().equals("getURL") ? url : m.invoke(real.getMetaData(), a));
      return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {java.sql.Connection.class}, (p, m, a) ->
              m.getName().equals("getMetaData") ? meta : m.invoke(real, a));
    }

    @Override
    public boolean acceptsURL(String url) {
      return url.startsWith(PREFIX);
    }

    @Override
    public java.sql.DriverPropertyInfo[] getPropertyInfo(String url, java.util.Properties info) {
      return new java.sql.DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
      return 1;
    }

    @Override
    public int getMinorVersion() {
      return 0;
    }

    @Override
    public boolean jdbcCompliant() {
      return false;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getGlobal();
    }
  }

  @Test
  void anUnsupportedOrUnreachableDatabaseIsOneLineAndExitCodeOne() throws Exception {
    java.sql.DriverManager.registerDriver(new UnsupportedDriver());
    for (String command : new String[] {"migrate", "status", "validate"}) {
      assertEquals(CommandLine.FAILED, run(command, "--url", UnsupportedDriver.PREFIX + dir.resolve("foo.db")));
      assertTrue(err().startsWith("jmigrate: jmigrate has no dialect for \"FooDB\""), err());
      assertEquals(1, err().lines().count(), err());
    }
    assertEquals(CommandLine.FAILED, run("migrate", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere"));
    assertTrue(err().startsWith("jmigrate: database error:"), err());
    assertEquals(1, err().lines().count(), err());
  }

  @Test
  void statusMarksDisagreementsAndSqlWithUrlIsWhatMigrateRuns() throws Exception {
    String url = "--url=jdbc:sqlite:" + dir.resolve("s.db");
    assertEquals(CommandLine.OK, run("migrate-to", "2", url));
    assertEquals(CommandLine.OK, run("sql", url));
    assertTrue(out().startsWith("-- V0003 create u\n"), out());
    assertTrue(!out().contains("V0002"), out());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"))) {
      io.jmigrate.testing.Sql.exec(c, "UPDATE jmigrate_history SET description = 'other', checksum = 7 WHERE version = 2");
    }
    assertEquals(CommandLine.FAILED, run("status", url));
    assertTrue(out().contains("[X] V0001 create t") && out().contains("[!] V0002 other")
        && out().contains("[ ] V0003 create u"), out());
  }

  @Test
  void statusIsATableUnderASummaryAndJsonForScripts() throws Exception {
    String url = "--url=jdbc:sqlite:" + dir.resolve("st.db");
    assertEquals(CommandLine.OK, run("migrate-to", "5", url));
    assertEquals(CommandLine.OK, run("status", url));
    List<String> lines = out().lines().toList();
    assertEquals("database at version 5 of 6: 1 pending", lines.get(0), out());
    assertTrue(lines.get(2).matches("\\s+migration\\s+state\\s+applied at\\s+duration"), out());
    assertTrue(lines.get(6).matches("\\[X] V0004 rename b, drop c\\s+applied, irreversible\\s+\\d{4}-.* ms"), out());
    assertTrue(lines.get(8).matches("\\[ ] V0006 add x6\\s+pending"), out());
    assertEquals(CommandLine.OK, run("status", url, "--json"));
    assertTrue(out().startsWith("{\n  \"formatVersion\": 1,\n  \"currentVersion\": 5,\n  \"latestVersion\": 6,\n"), out());
    assertTrue(out().contains("\n    {\"version\": 6, \"description\": \"add x6\", \"state\": \"pending\", \"irreversible\": false,"
        + " \"appliedAt\": null, \"durationMs\": null, \"problem\": null, \"progress\": null}\n  ]\n}\n"), out());
    assertEquals(CommandLine.USAGE, run("migrate", url, "--json"));
    assertTrue(err().startsWith("jmigrate: --json goes with status"), err());
  }

  @Test
  void sqlPreviewsBothWaysAndRefusesUnknownVersions() throws Exception {
    assertEquals(CommandLine.OK, run("sql", "--dialect", "postgresql", "--from", "6", "--to", "4"));
    assertEquals(List.of("-- revert V0006 add x6", "ALTER TABLE \"t\" DROP COLUMN \"x6\";",
        "-- revert V0005 add x5", "ALTER TABLE \"t\" DROP COLUMN \"x5\";"), out().lines().toList());
    assertEquals(CommandLine.FAILED, run("sql", "--dialect", "sqlite", "--from", "4", "--to", "3"));
    assertEquals("jmigrate: cannot migrate down from version 4 to 3: migration V0004 rename b, drop c is irreversible"
        + " (the Java step \"checkpoint\" has no reverse; give one with java(description, step, reverse))", err().strip());
    for (String[] wrong : List.of(new String[] {"--to", "9"}, new String[] {"--from", "7"})) {
      assertEquals(CommandLine.USAGE, run("sql", "--dialect", "postgresql", wrong[0], wrong[1]));
      assertEquals("jmigrate: " + wrong[0] + " " + wrong[1] + ": no migration has version " + wrong[1]
          + "; this build knows 1, 2, 3, 4, 5, 6 (0 is the empty database) (see --help)", err().strip());
      assertEquals("", out());
    }
    // Against a live database: from its current version, either way.
    String url = "--url=jdbc:sqlite:" + dir.resolve("p.db");
    assertEquals(CommandLine.OK, run("migrate", url));
    assertEquals(CommandLine.OK, run("sql", url, "--to", "5"));
    assertEquals(List.of("-- revert V0006 add x6", "ALTER TABLE \"t\" DROP COLUMN \"x6\";",
        "-- check: fails the migration if this returns a row", "PRAGMA foreign_key_check;"), out().lines().toList());
    assertEquals(CommandLine.OK, run("sql", url));
    assertEquals("", out(), "up to date: nothing to run");
    assertEquals(CommandLine.USAGE, run("sql", url, "--from", "2"));
    assertTrue(err().startsWith("jmigrate: sql --url starts from the database's current version"), err());
    assertEquals(CommandLine.USAGE, run("sql", url, "--to", "8"));
  }

  @Test
  void allowAheadLetsAnOlderBuildStart() throws Exception {
    String url = "--url=jdbc:sqlite:" + dir.resolve("a.db");
    assertEquals(CommandLine.OK, run(WorkloadAccess.migrator(3), "migrate", url)); // a newer build applied V0007
    assertEquals(CommandLine.FAILED, run("migrate", url));
    assertTrue(err().contains("start anyway with --allow-ahead"), err());
    assertEquals(CommandLine.OK, run("migrate", url, "--allow-ahead"));
    assertEquals("the database is at version 7, ahead of this build (it knows 1 to 6); started anyway (--allow-ahead)",
        out().strip());
    assertTrue(err().startsWith("jmigrate: warning: the database is at version 7, ahead of this build"), err());
    assertEquals(CommandLine.FAILED, run("migrate", url, "--allow-ahead=false"));
    assertEquals(CommandLine.USAGE, run("migrate", url, "--allow-ahead=maybe"));
    assertEquals(CommandLine.FAILED, run("status", url));
    assertTrue(out().startsWith("database at version 7, ahead of this build (it knows 1 to 6): 1 disagreement"), out());
  }

  @Test
  void aLockWaitIsShownOnStderrAndEndsInOneLine() throws Exception {
    String file = dir.resolve("l.db").toString();
    assertEquals(CommandLine.OK, run("migrate-to", "1", "--url", "jdbc:sqlite:" + file));
    assertEquals(CommandLine.USAGE, run("migrate", "--url", "jdbc:sqlite:" + file, "--lock-timeout", "soon"));
    assertEquals("jmigrate: --lock-timeout: \"soon\" is not a duration: write e.g. 30s, 500ms, 2m or 1h (see --help)",
        err().strip());
    try (java.sql.Connection holder = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
      io.jmigrate.testing.Sql.exec(holder, "BEGIN IMMEDIATE");
      assertEquals(CommandLine.FAILED, run("migrate", "--url", "jdbc:sqlite:" + file, "--lock-timeout", "1s"));
    }
    List<String> lines = err().lines().toList();
    assertEquals("jmigrate: waiting for the SQLite write lock on " + file + ", held by another connection (SQLite does"
        + " not say which); will wait up to 1 s", lines.get(0), err());
    assertTrue(lines.get(lines.size() - 1).startsWith("jmigrate: migration V0002 widen a failed: gave up waiting for the"
        + " SQLite write lock on " + file + " after 1"), err());
  }

  /** A migration that takes a while. */
  static final class Nap extends io.jmigrate.migration.Migration {
    Nap() {
      super(1, "nap");
    }

    @Override
    public List<io.jmigrate.migration.Operation> up() {
      return List.of(io.jmigrate.migration.Operations.java("sleep", c -> {
        try {
          Thread.sleep(400);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
  }

  @Test
  void progressOfALongStepIsShownOnStderr() {
    Migrator m = new Migrator(List.of(new Nap())).withReportEvery(java.time.Duration.ofMillis(100));
    assertEquals(CommandLine.OK, run(m, "migrate", "--url", "jdbc:sqlite:" + dir.resolve("n.db")));
    List<String> lines = err().lines().toList();
    assertEquals("jmigrate: applying V0001 nap", lines.get(0), err());
    assertTrue(lines.size() >= 3, err());
    assertTrue(lines.get(1).matches("jmigrate: V0001 nap: running for \\d+ ms; now \\(statement 1\\): Java step \"sleep\""),
        err());
    assertEquals("applied V0001 nap", out().strip().replaceAll(" \\(\\d+ ms\\)$", ""), out());
  }
}
