package io.jmigrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 in the middle of a migration, where DDL is transactional (SQLite, PostgreSQL): the
 * database rolls the killed migration back, so it is at the previous version and the next run
 * completes. (Where each DDL statement commits, as on MariaDB and H2, a killed migration's finished
 * steps stay applied and the next run resumes after them: {@link StepwiseCrashContract}.)
 */
abstract class TransactionalCrashContract extends ConcurrencyAndCrashContract {
  @ParameterizedTest(name = "killed inside migration {0}")
  @ValueSource(ints = {2, 3, 4})
  void killedProcessLeavesThePreviousVersionAndTheNextRunCompletes(int version) throws Exception {
    String url = newDatabaseUrl();
    Path marker = dir.resolve("paused-" + version);
    Process p = child(url, marker).inheritIO().redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(marker)) {
        assertTrue(System.nanoTime() < deadline && p.isAlive(), "the child reached the checkpoint");
        Thread.sleep(20);
      }
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback from the client
      p.waitFor(30, TimeUnit.SECONDS);
    }
    Migrator m = new Migrator(Workload.migrations(EXTRA));
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(version - 1, m.status(c).currentVersion(), "the killed migration left nothing behind");
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      assertEquals(Workload.CRASH_VERSIONS + EXTRA - (version - 1), m.migrate(c).size());
    }
    assertConsistent(url, Workload.CRASH_VERSIONS + EXTRA);
  }
}
