package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.testing.H2;
import java.io.File;
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
 * What H2's lock guarantees. H2 has no advisory lock and its DDL commits (so a row lock would not
 * last a migration); the dialect locks per database in the JVM. That covers every run that can
 * reach an embedded database: threads of this JVM (each migration applied once, on in-memory and
 * file databases, however the file's path is spelled), and no other process can open the file
 * while this one has it (H2's file lock), so a second process fails before it changes anything.
 */
class H2LockTest {
  @TempDir Path dir;

  private static void threadsApplyEachMigrationOnce(List<String> urls) throws Exception {
    Migrator m = new Migrator(Workload.migrations(ConcurrencyAndCrashContract.EXTRA));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String url = urls.get(i % urls.size());
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
      assertEquals(m.latestVersion(), total, "each migration applied exactly once across the threads");
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = DriverManager.getConnection(urls.get(0))) {
      assertEquals(m.latestVersion(), m.status(c).currentVersion());
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
    }
  }

  @Test
  void threadsOnAnInMemoryDatabase() throws Exception {
    threadsApplyEachMigrationOnce(List.of(H2.memUrl()));
  }

  @Test
  void threadsOnAFileDatabaseNamedTwoWays() throws Exception {
    String absolute = H2.fileUrl(dir, "db");
    // The same file through a relative path: the lock is keyed by the database, not by the URL's text.
    Path relative = Path.of(System.getProperty("user.dir")).toAbsolutePath().relativize(dir.toAbsolutePath().resolve("db"));
    String other = "jdbc:h2:./" + relative.toString().replace(File.separatorChar, '/') + H2.SETTINGS;
    threadsApplyEachMigrationOnce(List.of(absolute, other));
  }

  @Test
  void aFailedRunReleasesTheLock() throws Exception {
    String url = H2.memUrl();
    List<Migration> broken = new ArrayList<>(Workload.migrations(0));
    broken.add(new TestMigration(5, "broken", sql("INSERT INTO nowhere VALUES (1)")));
    try (Connection c = DriverManager.getConnection(url)) {
      assertThrows(MigrationException.class, () -> new Migrator(broken).migrate(c));
    }
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Migrator m = new Migrator(Workload.migrations(1));
      int applied = other.submit(() -> {
        try (Connection c = DriverManager.getConnection(url)) {
          return m.migrate(c).size();
        }
      }).get(30, TimeUnit.SECONDS);
      assertEquals(1, applied, "another thread takes the lock after the failure");
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void anotherProcessCannotOpenTheFileWhileThisOneHasIt() throws Exception {
    String url = H2.fileUrl(dir, "held");
    Migrator m = new Migrator(Workload.migrations(0));
    try (Connection held = DriverManager.getConnection(url)) {
      m.migrate(held);
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Workload.class.getName(), url, "3")
          .redirectErrorStream(true).start();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
      String out = new String(child.getInputStream().readAllBytes());
      assertTrue(child.exitValue() != 0 && out.contains("already in use"), out);
      assertEquals(Workload.CRASH_VERSIONS, m.status(held).currentVersion(), "the other process changed nothing");
    }
  }
}
