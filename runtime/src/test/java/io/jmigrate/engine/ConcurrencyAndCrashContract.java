package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many instances at once and failures, against a real database of each dialect: each migration is
 * applied exactly once, and a failure leaves the previous version. Where DDL is transactional,
 * {@link TransactionalCrashContract} adds kill -9; where it commits by itself, {@link StepwiseCrashContract}.
 */
abstract class ConcurrencyAndCrashContract {
  static final int EXTRA = 16;

  @TempDir Path dir;

  /** The JDBC URL of a new, empty database. */
  abstract String newDatabaseUrl() throws Exception;

  @Test
  void threadsApplyEachMigrationOnce() throws Exception {
    String url = newDatabaseUrl();
    Migrator m = new Migrator(Workload.migrations(EXTRA));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          try (Connection c = DriverManager.getConnection(url)) {
            return m.migrate(c).size();
          }
        }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get(120, TimeUnit.SECONDS);
      }
      assertEquals(m.latestVersion(), total);
    } finally {
      pool.shutdownNow();
    }
    assertConsistent(url, m.latestVersion());
  }

  @Test
  void processesApplyEachMigrationOnce() throws Exception {
    String url = newDatabaseUrl();
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      children.add(child(url, null).start());
    }
    int total = 0;
    for (Process p : children) {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child finished");
      String out = new String(p.getInputStream().readAllBytes()).trim();
      String err = new String(p.getErrorStream().readAllBytes());
      assertEquals(0, p.exitValue(), err);
      total += Integer.parseInt(out.replaceAll("(?s).*applied (\\d+).*", "$1"));
    }
    assertEquals(Workload.CRASH_VERSIONS + EXTRA, total, "each migration applied exactly once across the processes");
    assertConsistent(url, Workload.CRASH_VERSIONS + EXTRA);
  }

  @Test
  void failingMigrationIsRolledBackWhole() throws Exception {
    String url = newDatabaseUrl();
    List<io.jmigrate.migration.Migration> list = new ArrayList<>(Workload.migrations(0));
    list.add(new TestMigration(5, "broken", addColumn("t", io.jmigrate.schema.ColumnDefinition.of("z", io.jmigrate.schema.ColumnType.INTEGER)),
        sql("INSERT INTO nowhere VALUES (1)")));
    Migrator m = new Migrator(list);
    try (Connection c = DriverManager.getConnection(url)) {
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("V0005 broken failed"), e.getMessage());
      assertTrue(e.getMessage().contains("INSERT INTO nowhere VALUES (1)"), e.getMessage());
      assertTrue(e.getMessage().toLowerCase().contains("nowhere"), e.getMessage());
      assertEquals(4, m.status(c).currentVersion());
      Migrator without = new Migrator(Workload.migrations(0));
      assertTrue(without.validate(c).isEmpty(), "column z was rolled back: " + without.validate(c));
    }
  }

  ProcessBuilder child(String url, Path marker) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Workload.class.getName(), url, String.valueOf(EXTRA));
    if (marker != null) {
      pb.environment().put("JMIGRATE_TEST_PAUSE_AT", marker.getFileName().toString().replace("paused-", ""));
      pb.environment().put("JMIGRATE_TEST_MARKER", marker.toString());
    }
    return pb.directory(new File(System.getProperty("user.dir")));
  }

  static void assertConsistent(String url, int version) throws Exception {
    Migrator m = new Migrator(Workload.migrations(version - Workload.CRASH_VERSIONS));
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(version, m.status(c).currentVersion());
      assertTrue(m.status(c).pending().isEmpty());
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
    }
  }
}
