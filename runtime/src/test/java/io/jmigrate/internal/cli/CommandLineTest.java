package io.jmigrate.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.engine.WorkloadAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's commands, messages and exit codes, on a real SQLite file. */
class CommandLineTest {
  @TempDir Path dir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    out.reset();
    err.reset();
    Migrator m = WorkloadAccess.migrator(2);
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
    assertEquals(CommandLine.OK, run("status", url));
    assertTrue(out().contains("[ ] V0001 create t"), out());
    assertEquals(CommandLine.OK, run("migrate", url));
    assertTrue(out().contains("applied V0006 add x6"), out());
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
    assertEquals(CommandLine.FAILED, run("migrate", "--url", "jdbc:nosuchdriver:foo"));
    assertTrue(err().startsWith("jmigrate: no JDBC driver on the class path accepts jdbc:nosuchdriver:foo"), err());
    assertEquals(1, err().lines().count(), err());
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
}
