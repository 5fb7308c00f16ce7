package io.jmigrate.engine;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.testing.Sql;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kill -9 in the middle of a migration where each DDL statement commits by itself (MariaDB, H2):
 * a child JVM migrating {@link StepwiseWorkload}'s 12-step V2 is killed at a point; the history
 * then says exactly which steps are in effect (status shows it), and the next run resumes after
 * them, settling from the catalog a step whose DDL had run, so that the database equals a fresh
 * one migrated to V2, with its rows. (Where DDL is transactional, see {@link TransactionalCrashContract}.)
 */
interface StepwiseCrashContract {

  /** The JDBC URL of a new, empty database; {@code dir} is the test's own directory. */
  String newDatabaseUrl(Path dir) throws Exception;

  /** The catalog of the connection's database as text, to compare two databases. */
  String catalog(Connection c) throws SQLException;

  /** A regex matching the first of the two statements of step 8 (the unique index on parent.code). */
  String firstStatementOfTheUniqueIndexStep();

  /** What undoes that first statement by hand (the operator's part in the refusal test). */
  List<String> undoFirstStatementOfTheUniqueIndexStep();

  /**
   * Where the child is killed, and what the history then records: steps done, and the step
   * started (whose DDL ran), or -1 when none; -1 steps done: no row at all.
   */
  @ParameterizedTest(name = "killed {0}")
  @CsvSource({
      "before:ADD COLUMN .b.,    -1, -1", // step 1's row is in its transaction, not yet committed
      "after:ADD COLUMN .b.,      0,  1", // step 1's DDL committed, its done record not written
      "checkpoint:after-1,        1, -1", // inside a Java step: its transaction is rolled back
      "after:ix_t_a,              2,  3",
      "before:fk_t_parent_id,     5, -1",
      "after:fk_t_parent_id,      5,  6",
      "checkpoint:after-6,        6, -1",
      "after:DROP COLUMN,        10, 11",
      "checkpoint:last,          11, -1", // every schema step done, the migration not yet recorded as applied
  })
  default void killedMigrationResumesToAFreshDatabasesState(String point, int stepsDone, int stepStarted,
      @TempDir Path dir) throws Exception {
    String url = databaseAtVersion1WithRows(dir);
    killChildAt(url, 2, point, dir);
    Migrator m = new Migrator(StepwiseWorkload.migrations());
    try (Connection c = DriverManager.getConnection(url)) {
      Status status = m.status(c);
      assertEquals(1, status.currentVersion(), status.toString());
      Status.Entry v2 = status.entries().get(1);
      assertEquals(stepsDone < 0 ? null
          : new Status.Progress(stepsDone, StepwiseWorkload.STEPS, stepStarted < 0 ? null : stepStarted), v2.progress(),
          status.toString());
      assertNull(v2.problem(), status.toString());
      assertEquals(List.of(2), m.migrate(c).stream().map(AppliedMigration::version).toList());
    }
    assertEqualsAFreshDatabaseAt(2, url, dir);
  }

  /**
   * Killed while migrating down from V2 to V1 (the reverses run step by step too, last first): the
   * next run goes on down, or, asked to migrate up, applies again what had been reverted.
   */
  @ParameterizedTest(name = "killed migrating down {0}, then migrating to V{1}")
  @CsvSource({
      "after:DROP INDEX .ix_t_a.,  1, 2,  3", // step 3's reverse ran: step 3 is no longer in effect
      "after:DROP INDEX .ix_t_a.,  2, 2,  3",
      "down-checkpoint:after-6,    1, 7, -1", // inside step 7's reverse (Java): rolled back
      "down-checkpoint:after-6,    2, 7, -1",
  })
  default void killedWhileMigratingDownGoesOnEitherWay(String point, int then, int stepsDone, int stepStarted,
      @TempDir Path dir) throws Exception {
    String url = databaseAtVersion1WithRows(dir);
    Migrator m = new Migrator(StepwiseWorkload.migrations());
    try (Connection c = DriverManager.getConnection(url)) {
      m.migrate(c);
    }
    killChildAt(url, 1, point, dir);
    try (Connection c = DriverManager.getConnection(url)) {
      Status status = m.status(c);
      assertEquals(new Status.Progress(stepsDone, StepwiseWorkload.STEPS, stepStarted < 0 ? null : stepStarted),
          status.entries().get(1).progress(), status.toString());
      assertEquals(List.of(2), m.migrateTo(c, then).stream().map(AppliedMigration::version).toList());
    }
    assertEqualsAFreshDatabaseAt(then, url, dir);
  }

  /**
   * Killed between the two statements of one step: the catalog cannot say whether the step is in
   * effect, so the run stops, runs nothing, and says how to record the answer; recorded, it resumes.
   */
  @Test
  default void killedBetweenTheStatementsOfOneStepStopsUntilToldWhatHappened(@TempDir Path dir) throws Exception {
    String url = databaseAtVersion1WithRows(dir);
    killChildAt(url, 2, "after:" + firstStatementOfTheUniqueIndexStep(), dir);
    Migrator m = new Migrator(StepwiseWorkload.migrations());
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(new Status.Progress(7, StepwiseWorkload.STEPS, 8), m.status(c).entries().get(1).progress());
      String before = catalog(c);
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("in effect: steps 1 to 7 of 12") && e.getMessage().contains("step 8")
          && e.getMessage().contains("2 statements") && e.getMessage().contains("Nothing was run")
          && e.getMessage().contains("UPDATE jmigrate_history SET step_started = NULL WHERE version = 2"), e.getMessage());
      assertEquals(before, catalog(c), "nothing ran");
      for (String undo : undoFirstStatementOfTheUniqueIndexStep()) {
        exec(c, undo);
      }
      exec(c, "UPDATE jmigrate_history SET step_started = NULL WHERE version = 2");
      assertEquals(List.of(2), m.migrate(c).stream().map(AppliedMigration::version).toList());
    }
    assertEqualsAFreshDatabaseAt(2, url, dir);
  }

  private String databaseAtVersion1WithRows(Path dir) throws Exception {
    String url = newDatabaseUrl(dir);
    try (Connection c = DriverManager.getConnection(url)) {
      new Migrator(StepwiseWorkload.migrations()).migrateTo(c, 1);
      exec(c, "INSERT INTO parent (code) VALUES ('p')");
      exec(c, "INSERT INTO t (id, a, n, parent_id) VALUES (1, 'x', 5, 1)");
    }
    return url;
  }

  /** Starts a child JVM migrating {@code url} to {@code version}, waits until it stops at {@code point}, and kills it (SIGKILL). */
  private static void killChildAt(String url, int version, String point, Path dir) throws Exception {
    Path marker = dir.resolve("paused");
    Files.deleteIfExists(marker);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StepwiseWorkload.class.getName(), url, String.valueOf(version));
    pb.environment().put("JMIGRATE_TEST_PAUSE", point);
    pb.environment().put("JMIGRATE_TEST_MARKER", marker.toString());
    Path log = dir.resolve("child.log");
    Process p = pb.directory(new File(System.getProperty("user.dir"))).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(marker)) {
        assertTrue(System.nanoTime() < deadline && p.isAlive(), "the child reached " + point + ":\n" + Files.readString(log));
        Thread.sleep(20);
      }
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback or close from the client
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private void assertEqualsAFreshDatabaseAt(int version, String url, Path dir) throws Exception {
    Migrator m = new Migrator(StepwiseWorkload.migrations());
    String fresh;
    Path freshDir = dir.resolve("fresh");
    try (Connection f = DriverManager.getConnection(newDatabaseUrl(freshDir))) {
      m.migrateTo(f, version);
      fresh = catalog(f);
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(fresh, catalog(c));
      Status status = m.status(c);
      assertTrue(status.currentVersion() == version && status.pending().size() == 2 - version
          && status.problems().isEmpty(), status.toString());
      assertTrue(status.entries().stream().allMatch(e -> e.progress() == null), status.toString());
      assertEquals(version == 2 ? java.util.Arrays.asList((String) null) : List.of(),
          strings(c, "SELECT steps_done FROM jmigrate_history WHERE version = 2"));
      assertEquals("[[1, x, 5, 1]]", Sql.rows(c, "SELECT id, " + (version == 2 ? "aa" : "a") + ", n, parent_id FROM t")
          .toString(), "the row is kept");
      assertEquals(List.of("p"), strings(c, "SELECT code FROM parent"));
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
    }
  }
}
