package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.RecordingConnection;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The online forms on a real PostgreSQL: what runs (and that the preview shows it), the schema they
 * leave, a failed concurrent build cleaned up, a migration split into parts killed between and
 * inside them (child JVMs, kill -9) and resumed, an invalid index left by a killed build dropped and
 * built again, and the lock timeout: retried while another session holds a lock, other queries not
 * queued behind the waiting DDL, and a failure naming the statement after the attempts.
 */
class PostgresOnlineTest {
  @TempDir Path dir;

  private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters() == null ? new Object[0] : r.getParameters()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  // Held: java.util.logging keeps loggers weakly, and a collected one would come back without the handler.
  private final Logger jul = Logger.getLogger("io.jmigrate");

  @BeforeEach
  void listen() {
    jul.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    jul.removeHandler(handler);
  }

  private static String databaseAtVersion1WithRows() throws SQLException {
    String url = Postgres.newDatabaseUrl();
    try (Connection c = DriverManager.getConnection(url)) {
      OnlineWorkload.atVersion1WithRows(c);
    }
    return url;
  }

  private static String freshCatalogAt2() throws SQLException {
    try (Connection f = DriverManager.getConnection(Postgres.newDatabaseUrl())) {
      new Migrator(OnlineWorkload.migrations()).migrate(f);
      return OnlineWorkload.catalog(f);
    }
  }

  private static void assertAtVersion2LikeAFreshDatabase(Connection c) throws SQLException {
    Migrator m = new Migrator(OnlineWorkload.migrations());
    assertEquals(freshCatalogAt2(), OnlineWorkload.catalog(c));
    Status status = m.status(c);
    assertTrue(status.currentVersion() == 2 && status.problems().isEmpty()
        && status.entries().stream().allMatch(e -> e.progress() == null), status.toString());
    assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
    assertEquals(List.of("?", "b"), strings(c, "SELECT name FROM child ORDER BY id"), "the NULL got the default");
    assertEquals(List.of(), strings(c, "SELECT relname FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid"
        + " WHERE NOT i.indisvalid"), "no invalid index");
    assertEquals(List.of(), strings(c, "SELECT conname FROM pg_constraint WHERE NOT convalidated OR conname LIKE 'nn_%'"),
        "every constraint validated, the NOT NULL check dropped");
  }

  @Test
  void onlineFormsRunOutsideTheTransactionAndThePreviewShowsThem() throws Exception {
    try (Connection c = DriverManager.getConnection(databaseAtVersion1WithRows())) {
      Migrator m = new Migrator(OnlineWorkload.migrations());
      List<String> preview = m.sql(c);
      RecordingConnection recording = new RecordingConnection(c);
      assertEquals(List.of(2), m.migrate(recording.connection()).stream().map(AppliedMigration::version).toList());
      List<String> ran = SqlPreviewIsWhatRunsTest.migrationStatements(recording.sql());
      assertEquals(SqlPreviewIsWhatRunsTest.previewStatements(preview), ran, String.join("\n", preview));
      String all = String.join("\n", ran);
      for (String expected : List.of(
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"ix_child_name\" ON \"child\" (\"name\")",
          "ALTER TABLE \"child\" ADD CONSTRAINT \"fk_child_parent_id\" FOREIGN KEY (\"parent_id\") REFERENCES \"parent\" (\"id\") NOT VALID",
          "ALTER TABLE \"child\" VALIDATE CONSTRAINT \"fk_child_parent_id\"",
          "ALTER TABLE \"child\" ADD CONSTRAINT \"nn_child_name\" CHECK (\"name\" IS NOT NULL) NOT VALID",
          "ALTER TABLE \"child\" VALIDATE CONSTRAINT \"nn_child_name\"",
          "ALTER TABLE \"child\" ALTER COLUMN \"name\" SET NOT NULL",
          "ALTER TABLE \"child\" DROP CONSTRAINT IF EXISTS \"nn_child_name\"",
          "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"ux_child_note\" ON \"child\" (\"note\")")) {
        assertTrue(ran.contains(expected), expected + " in:\n" + all);
      }
      assertTrue(String.join("\n", preview).contains("-- online, outside the transaction"), String.join("\n", preview));
      assertAtVersion2LikeAFreshDatabase(c);
      // Migrating down runs the plain forms in one transaction.
      m.migrateTo(c, 1);
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      m.migrate(c);
      assertAtVersion2LikeAFreshDatabase(c);
    }
  }

  /**
   * Instances starting together while one builds an index concurrently: the others wait for the
   * run lock without holding a snapshot (a concurrent build waits for every older snapshot, so a
   * waiter inside pg_advisory_lock was a deadlock), and each migration is applied once.
   */
  @Test
  void instancesStartingTogetherApplyTheSplitMigrationOnce() throws Exception {
    String url = databaseAtVersion1WithRows();
    List<CompletableFuture<List<AppliedMigration>>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> {
        try (Connection c = DriverManager.getConnection(url)) {
          return new Migrator(OnlineWorkload.migrations()).migrate(c);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    int applied = 0;
    for (CompletableFuture<List<AppliedMigration>> run : runs) {
      applied += run.get(120, TimeUnit.SECONDS).size();
    }
    assertEquals(1, applied, "V2 applied once");
    try (Connection c = DriverManager.getConnection(url)) {
      assertAtVersion2LikeAFreshDatabase(c);
    }
  }

  /**
   * Killed inside a transactional part (rolled back: the history says the parts before it), or
   * between the statements of an online step (the history says it started; the next run runs its
   * online form again, which does what is missing).
   */
  @ParameterizedTest(name = "killed {0}")
  @CsvSource({
      "checkpoint:part-a,                                   -1, -1",
      "after:CREATE INDEX CONCURRENTLY IF NOT EXISTS .ix_child_name., 2, 3",
      "after:fk_child_parent_id.*NOT VALID,                 3,  4",
      "after:nn_child_name.*NOT VALID,                      4,  5",
      "after:SET NOT NULL,                                  4,  5",
      "checkpoint:part-b,                                   5, -1",
      "before:ux_child_note,                                6,  7",
  })
  void killedBetweenOrInsideThePartsResumes(String point, int stepsDone, int stepStarted) throws Exception {
    String url = databaseAtVersion1WithRows();
    killChildAt(url, point);
    Migrator m = new Migrator(OnlineWorkload.migrations());
    try (Connection c = DriverManager.getConnection(url)) {
      Status status = m.status(c);
      assertEquals(1, status.currentVersion(), status.toString());
      assertEquals(stepsDone < 0 ? null
          : new Status.Progress(stepsDone, OnlineWorkload.STEPS, stepStarted < 0 ? null : stepStarted),
          status.entries().get(1).progress(), status.toString());
      List<String> preview = m.sql(c); // what the resumed run runs
      RecordingConnection recording = new RecordingConnection(c);
      assertEquals(List.of(2), m.migrate(recording.connection()).stream().map(AppliedMigration::version).toList());
      assertEquals(SqlPreviewIsWhatRunsTest.previewStatements(preview),
          SqlPreviewIsWhatRunsTest.migrationStatements(recording.sql()), String.join("\n", preview));
      assertAtVersion2LikeAFreshDatabase(c);
    }
  }

  /** A concurrent build that a killed run left invalid (made here by a failed build of the same index) is dropped and built again. */
  @Test
  void anInvalidIndexLeftBehindIsDroppedAndBuiltAgain() throws Exception {
    String url = databaseAtVersion1WithRows();
    killChildAt(url, "before:ux_child_note");
    try (Connection c = DriverManager.getConnection(url)) {
      exec(c, "INSERT INTO child (id, parent_id, name, note) VALUES (3, 1, 'c', 'n1')");
      assertThrows(SQLException.class, () -> exec(c, "CREATE UNIQUE INDEX CONCURRENTLY ux_child_note ON child (note)"));
      exec(c, "DELETE FROM child WHERE id = 3");
      assertEquals(List.of("ux_child_note"), strings(c, "SELECT relname FROM pg_class c JOIN pg_index i"
          + " ON i.indexrelid = c.oid WHERE NOT i.indisvalid"));
      Migrator m = new Migrator(OnlineWorkload.migrations());
      String preview = String.join("\n", m.sql(c));
      assertTrue(preview.contains("DROP INDEX CONCURRENTLY IF EXISTS \"ux_child_note\";"), preview);
      m.migrate(c);
      assertAtVersion2LikeAFreshDatabase(c);
    }
  }

  /** A failed concurrent build (duplicates for a unique index) leaves no invalid index; the parts before it are reverted. */
  @Test
  void aFailedConcurrentBuildIsCleanedUpAndReported() throws Exception {
    String url = databaseAtVersion1WithRows();
    try (Connection c = DriverManager.getConnection(url)) {
      exec(c, "INSERT INTO child (id, parent_id, name, note) VALUES (3, 1, 'c', 'n1')");
      Migrator m = new Migrator(OnlineWorkload.migrations());
      String before = OnlineWorkload.catalog(c);
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"ux_child_note\"")
          && e.getMessage().contains("reverted"), e.getMessage());
      assertEquals(before, OnlineWorkload.catalog(c), "no invalid index, no constraint, no column left");
      Status status = m.status(c);
      assertTrue(status.currentVersion() == 1 && status.entries().get(1).progress() == null
          && status.problems().isEmpty(), status.toString());
      exec(c, "DELETE FROM child WHERE id = 3");
      m.migrate(c);
      assertAtVersion2LikeAFreshDatabase(c);
    }
  }

  private void killChildAt(String url, String point) throws Exception {
    Path marker = dir.resolve("paused");
    Files.deleteIfExists(marker);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        OnlineWorkload.class.getName(), url, "2");
    pb.environment().put("JMIGRATE_TEST_PAUSE", point);
    pb.environment().put("JMIGRATE_TEST_MARKER", marker.toString());
    Path log = dir.resolve("child.log");
    Process p = pb.directory(new File(System.getProperty("user.dir"))).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.exists(marker)) {
        assertTrue(System.nanoTime() < deadline && p.isAlive(), "the child reached " + point + ":\n" + Files.readString(log));
        Thread.sleep(20);
      }
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback or close from the client
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  // ---- lock timeouts ----

  static final List<Migration> ADD_COLUMN = List.of(OnlineWorkload.V1,
      new TestMigration(2, "score", addColumn("child", column("score", INTEGER))));

  static final List<Migration> ADD_INDEX = List.of(OnlineWorkload.V1,
      new TestMigration(2, "index", addIndex("child", index("ix_child_name", "name"))));

  /** Waits until a session waits for a lock of {@code mode} on table child. */
  private static void awaitWaiting(Connection observer, String mode) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (strings(observer, "SELECT pid FROM pg_locks WHERE NOT granted AND relation = 'child'::regclass AND mode = '"
        + mode + "'").isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "the migration waits for its lock");
      Thread.sleep(20);
    }
  }

  @Test
  void ddlWaitingForALockGivesWayToOtherQueriesAndIsRetriedUntilTheHolderCommits() throws Exception {
    String url = databaseAtVersion1WithRows();
    try (Connection holder = DriverManager.getConnection(url); Connection reader = DriverManager.getConnection(url);
        Connection c = DriverManager.getConnection(url)) {
      holder.setAutoCommit(false);
      exec(holder, "LOCK TABLE child IN ACCESS SHARE MODE"); // as a long transaction that read the table
      Migrator m = new Migrator(ADD_COLUMN).withDdlLockTimeout(Duration.ofMillis(500), 60);
      CompletableFuture<List<AppliedMigration>> migrating = CompletableFuture.supplyAsync(() -> m.migrate(c));
      awaitWaiting(reader, "AccessExclusiveLock");
      // The ALTER waits for the holder; a query that arrives now queues behind it, but only until its lock_timeout.
      exec(reader, "SET statement_timeout = '60s'");
      long t0 = System.nanoTime();
      assertEquals(List.of("2"), strings(reader, "SELECT count(*) FROM child"));
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(millis < 30_000, "the query went on while the holder still held its lock: " + millis + " ms");
      assertFalse(migrating.isDone(), "the migration is still waiting for the holder");
      Thread.sleep(1500); // a few more attempts
      holder.commit();
      assertEquals(List.of(2), migrating.get(60, TimeUnit.SECONDS).stream().map(AppliedMigration::version).toList());
      assertTrue(logged.stream().anyMatch(l -> l.contains("waited 500 ms for a lock") && l.contains("trying again")
          && l.contains("ADD COLUMN")), String.join("\n", logged));
    }
  }

  @Test
  void ddlThatNeverGetsItsLockFailsAfterTheAttemptsNamingTheStatement() throws Exception {
    String url = databaseAtVersion1WithRows();
    try (Connection holder = DriverManager.getConnection(url); Connection c = DriverManager.getConnection(url)) {
      holder.setAutoCommit(false);
      exec(holder, "LOCK TABLE child IN ACCESS SHARE MODE");
      Migrator m = new Migrator(ADD_COLUMN).withDdlLockTimeout(Duration.ofMillis(200), 3);
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("ALTER TABLE \"child\" ADD COLUMN \"score\" INTEGER")
          && e.getMessage().contains("each of 3 attempts waited 200 ms for a lock"), e.getMessage());
      assertEquals(2, logged.stream().filter(l -> l.contains("trying again")).count(), String.join("\n", logged));
      holder.rollback();
      assertEquals(1, m.status(c).currentVersion());
      assertEquals("0", strings(c, "SHOW lock_timeout").get(0), "the session's lock_timeout is restored");
    }
  }

  /** The command line's --ddl-lock-timeout and --ddl-lock-attempts reach the migration (and wrong values are usage errors). */
  @Test
  void theCommandLineSetsTheLockTimeoutAndAttempts() throws Exception {
    String url = databaseAtVersion1WithRows();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    io.jmigrate.internal.cli.CommandLine cli = new io.jmigrate.internal.cli.CommandLine(
        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true), new java.io.PrintStream(err, true),
        () -> new Migrator(ADD_COLUMN), java.util.Map.of());
    assertEquals(io.jmigrate.internal.cli.CommandLine.USAGE, cli.run("migrate", "--url", url, "--ddl-lock-timeout", "soon"));
    assertTrue(err.toString().contains("--ddl-lock-timeout is \"soon\""), err.toString());
    assertEquals(io.jmigrate.internal.cli.CommandLine.USAGE, cli.run("migrate", "--url", url, "--ddl-lock-attempts=0"));
    try (Connection holder = DriverManager.getConnection(url)) {
      holder.setAutoCommit(false);
      exec(holder, "LOCK TABLE child IN ACCESS SHARE MODE");
      err.reset();
      assertEquals(io.jmigrate.internal.cli.CommandLine.FAILED,
          cli.run("migrate", "--url", url, "--ddl-lock-timeout", "150ms", "--ddl-lock-attempts", "2"));
      assertTrue(err.toString().contains("each of 2 attempts waited 150 ms for a lock")
          && err.toString().contains("ALTER TABLE \"child\" ADD COLUMN"), err.toString());
      holder.rollback();
    }
  }

  static final List<Migration> ADD_FOREIGN_KEY = List.of(OnlineWorkload.V1,
      new TestMigration(2, "key", addForeignKey("child", foreignKey("fk_child_parent_id", "parent_id", "parent", "id"))));

  /** The NOT VALID constraint of an online step waits for a writer's open transaction: it gives up and is tried again. */
  @Test
  void anOnlineStepWaitingForALockIsRetriedToo() throws Exception {
    String url = databaseAtVersion1WithRows();
    try (Connection holder = DriverManager.getConnection(url); Connection observer = DriverManager.getConnection(url);
        Connection c = DriverManager.getConnection(url)) {
      holder.setAutoCommit(false);
      exec(holder, "UPDATE child SET note = note WHERE id = 2"); // a writer's open transaction (ROW EXCLUSIVE)
      Migrator m = new Migrator(ADD_FOREIGN_KEY).withDdlLockTimeout(Duration.ofMillis(300), 60);
      CompletableFuture<List<AppliedMigration>> migrating = CompletableFuture.supplyAsync(() -> m.migrate(c));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (logged.stream().noneMatch(l -> l.contains("trying again") && l.contains("NOT VALID"))) {
        assertTrue(System.nanoTime() < deadline, String.join("\n", logged));
        Thread.sleep(20);
      }
      holder.commit();
      assertEquals(List.of(2), migrating.get(60, TimeUnit.SECONDS).stream().map(AppliedMigration::version).toList());
      assertEquals(List.of("true"), strings(observer, "SELECT convalidated FROM pg_constraint WHERE conname = 'fk_child_parent_id'"));
    }
  }

  /**
   * A concurrent index build waits for its lock (and for older transactions) without the lock
   * timeout: that wait blocks no reads or writes, and giving up would build the index again from the
   * start. Writes go on meanwhile; it completes when the holder commits.
   */
  @Test
  void aConcurrentBuildWaitsWithoutTheTimeoutAndBlocksNoWrites() throws Exception {
    String url = databaseAtVersion1WithRows();
    try (Connection holder = DriverManager.getConnection(url); Connection other = DriverManager.getConnection(url);
        Connection c = DriverManager.getConnection(url)) {
      holder.setAutoCommit(false);
      exec(holder, "LOCK TABLE child IN SHARE UPDATE EXCLUSIVE MODE"); // as a VACUUM or another concurrent build
      Migrator m = new Migrator(ADD_INDEX).withDdlLockTimeout(Duration.ofMillis(200), 2);
      CompletableFuture<List<AppliedMigration>> migrating = CompletableFuture.supplyAsync(() -> m.migrate(c));
      awaitWaiting(other, "ShareUpdateExclusiveLock");
      Thread.sleep(1500); // longer than both attempts of 200 ms and the pause between them
      exec(other, "SET statement_timeout = '60s'");
      exec(other, "UPDATE child SET note = 'w' WHERE id = 2"); // a write while the build waits
      assertFalse(migrating.isDone(), "still waiting, not given up");
      holder.commit();
      assertEquals(List.of(2), migrating.get(60, TimeUnit.SECONDS).stream().map(AppliedMigration::version).toList());
      assertTrue(logged.stream().noneMatch(l -> l.contains("trying again")), String.join("\n", logged));
      assertEquals(List.of("true"), strings(other, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c"
          + " ON c.oid = i.indexrelid WHERE c.relname = 'ix_child_name'"));
    }
  }
}
