package io.jmigrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.LogCapture;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real connections: one holds jmigrate's lock, the other migrates with a short lock timeout.
 * The waiting side logs that it waits and for whom, then again while it waits, and fails with a
 * message that names the lock, how long it waited and the holder; or, when the holder lets go in
 * time, takes the lock and migrates.
 */
class LockWaitTest {
  @TempDir Path dir;

  static final Duration TIMEOUT = Duration.ofMillis(1500);

  static Migrator migrator() {
    return new Migrator(Workload.migrations(0)).withLockTimeout(TIMEOUT).withReportEvery(Duration.ofMillis(400));
  }

  /** Migrating fails after the timeout; returns the log and checks what every dialect says alike. */
  static LogCapture failsWaiting(Connection c, String lock, String holder) {
    LogCapture log = new LogCapture();
    try (log) {
      long start = System.nanoTime();
      MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate(c));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(waited >= TIMEOUT.toMillis() && waited < TIMEOUT.toMillis() + 5000, "waited " + waited + " ms");
      assertTrue(e.getMessage().contains("gave up waiting for " + lock), e.getMessage());
      assertTrue(Pattern.compile(" after 1\\.\\d s \\(the lock timeout is 1\\.5 s\\); it is held by " + Pattern.quote(holder))
          .matcher(e.getMessage()).find(), e.getMessage());
      assertTrue(e.getMessage().contains("wait longer with --lock-timeout"), e.getMessage());
      List<String> waiting = log.containing("waiting for " + lock);
      assertTrue(waiting.get(0).startsWith("waiting for " + lock), log.toString());
      assertTrue(waiting.get(0).contains(", held by " + holder), log.toString());
      assertTrue(waiting.get(0).endsWith("; will wait up to 1.5 s"), log.toString());
      assertTrue(log.containing("still waiting for " + lock).size() >= 2, log.toString());
      assertTrue(log.containing("still waiting").get(0).contains("(giving up after 1.5 s)"), log.toString());
    }
    return log;
  }

  @Test
  void postgresNamesTheSessionFromPgLocksAndPgStatActivity() throws Exception {
    String url = Postgres.newDatabaseUrl();
    try (Connection holder = DriverManager.getConnection(url); Connection c = DriverManager.getConnection(url)) {
      Sql.exec(holder, "SET application_name = 'other-instance'");
      String pid = Sql.strings(holder, "SELECT pg_backend_pid()").get(0);
      String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
      String lock = "the PostgreSQL advisory lock 1785555303 (jmigrate's) of database " + database;
      try (Dialect.Session held = Dialect.named("postgresql").open(holder)) {
        LogCapture log = failsWaiting(c, lock, "pid " + pid + " (application \"other-instance\", client 127.0.0.1:");
        assertTrue(log.lines().get(0).contains(", user "), log.toString());
        assertEquals(0, migrator().status(c).currentVersion(), "nothing was applied");
      }
      assertEquals(4, migrator().migrate(c).size(), "the lock is free again");
    }
  }

  @Test
  void postgresTakesTheLockWhenTheHolderLetsGo() throws Exception {
    String url = Postgres.newDatabaseUrl();
    try (Connection holder = DriverManager.getConnection(url); Connection c = DriverManager.getConnection(url);
        LogCapture log = new LogCapture()) {
      Dialect.Session held = Dialect.named("postgresql").open(holder);
      Thread release = new Thread(() -> {
        try {
          Thread.sleep(700);
          held.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      release.start();
      assertEquals(4, migrator().migrate(c).size());
      release.join();
      assertEquals(1, log.containing("got the PostgreSQL advisory lock").size(), log.toString());
      assertTrue(log.containing("got the PostgreSQL advisory lock").get(0).matches(".* after waiting \\d+ ms"), log.toString());
    }
  }

  @Test
  void mariaDbNamesTheConnectionFromIsUsedLockAndTheProcessList() throws Exception {
    String url = MariaDb.newDatabaseUrl();
    try (Connection holder = DriverManager.getConnection(url); Connection c = DriverManager.getConnection(url)) {
      String id = Sql.strings(holder, "SELECT CONNECTION_ID()").get(0);
      String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
      try (Dialect.Session held = Dialect.named("mariadb").open(holder)) {
        LogCapture log = failsWaiting(c, "the MariaDB lock GET_LOCK('jmigrate:" + database + "')",
            "connection " + id + " (user root, ");
        assertTrue(log.lines().get(0).matches(".*, sleep for \\d+ s\\); will wait up to 1.5 s"), log.toString());
      }
      assertEquals(4, migrator().migrate(c).size(), "the lock is free again");
    }
  }

  @Test
  void sqliteWaitsForTheWriteLockAndSaysSQLiteCannotTellWho() throws Exception {
    Path file = dir.resolve("w.db");
    String url = "jdbc:sqlite:" + file;
    try (Connection holder = DriverManager.getConnection(url); Connection c = DriverManager.getConnection(url)) {
      migrator().migrateTo(c, 1);
      Sql.exec(holder, "BEGIN IMMEDIATE");
      LogCapture log = failsWaiting(c, "the SQLite write lock on " + file, "another connection (SQLite does not say which)");
      assertEquals(1, migrator().status(c).currentVersion(), "nothing more was applied");
      assertTrue(log.containing("applying").isEmpty(), "the wait is for V0002's transaction, before it runs: " + log);
      Sql.exec(holder, "ROLLBACK");
      assertEquals(3, migrator().migrate(c).size(), "the lock is free again");
    }
  }

  @Test
  void sqliteKeepsItsTwoMinutesUnlessTold() throws Exception {
    Path file = dir.resolve("d.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); LogCapture log = new LogCapture();
        Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      Migrator m = new Migrator(Workload.migrations(0)).withReportEvery(Duration.ofMillis(200));
      m.migrateTo(c, 1);
      Sql.exec(holder, "BEGIN IMMEDIATE");
      Thread release = new Thread(() -> {
        try {
          Thread.sleep(600);
          Sql.exec(holder, "ROLLBACK");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      release.start();
      assertEquals(3, m.migrate(c).size());
      release.join();
      assertTrue(log.containing("waiting for the SQLite write lock on " + file).get(0).endsWith("will wait up to 2 min"),
          log.toString());
    }
  }

  @Test
  void h2NamesTheThreadThatHoldsItsLockInThisJvm() throws Exception {
    String url = H2.fileUrl(dir, "h");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      try (Connection h = DriverManager.getConnection(url); Dialect.Session s = Dialect.named("h2").open(h)) {
        held.countDown();
        done.await();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "other-migrator");
    holder.start();
    held.await();
    try (Connection c = DriverManager.getConnection(url)) {
      failsWaiting(c, "jmigrate's lock in this JVM for the H2 database file:", "thread \"other-migrator\" of this JVM");
    } finally {
      done.countDown();
      holder.join();
    }
  }

  @Test
  void theLeaseLockNamesItsHolder() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("l.db");
    try (Connection c = DriverManager.getConnection(url);
        LeaseLock.Held other = new LeaseLock(Duration.ofSeconds(30)).acquire(() -> DriverManager.getConnection(url))) {
      Migrator m = migrator().withLeaseLock(Duration.ofSeconds(30), () -> DriverManager.getConnection(url));
      LogCapture log = new LogCapture();
      try (log) {
        MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
        assertTrue(e.getMessage().startsWith("gave up waiting for the jmigrate lease lock (jmigrate_lock) after 1.5 s"
            + " (the lock timeout is 1.5 s); it is held by " + other.holder() + " (lease ends in "), e.getMessage());
      }
      assertTrue(log.lines().get(0).startsWith("waiting for the jmigrate lease lock (jmigrate_lock), held by "
          + other.holder()), log.toString());
    }
  }
}
