package io.jmigrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease lock forced on a database that has a lock of its own: child JVMs started with
 * {@code JMIGRATE_LOCK=lease} apply each migration once, and a holder killed with kill -9 is taken
 * over once its lease has expired and not before.
 */
abstract class LeaseLockContract {
  static final String LEASE_SECONDS = "2";
  static final long LEASE_MILLIS = 2000;

  @TempDir Path dir;

  /** The JDBC URL (with its credentials) of a new, empty database. */
  abstract String newDatabaseUrl() throws Exception;

  /** Whether a migration killed in the middle is undone by the database (then the run completes after the kill). */
  abstract boolean transactionalDdl();

  @Test
  void eightProcessesWithTheLeaseApplyEachMigrationOnce() throws Exception {
    String url = newDatabaseUrl();
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      children.add(child(url, null).start());
    }
    int total = 0;
    for (Process p : children) {
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "child finished");
      String out = new String(p.getInputStream().readAllBytes()).trim();
      String err = new String(p.getErrorStream().readAllBytes());
      assertEquals(0, p.exitValue(), err);
      total += Integer.parseInt(out.replaceAll("(?s).*applied (\\d+).*", "$1"));
    }
    assertEquals(Workload.CRASH_VERSIONS + ConcurrencyAndCrashContract.EXTRA, total,
        "each migration applied exactly once across the processes");
    ConcurrencyAndCrashContract.assertConsistent(url, Workload.CRASH_VERSIONS + ConcurrencyAndCrashContract.EXTRA);
    try (Connection c = DriverManager.getConnection(url);
        ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + LeaseLock.TABLE)) {
      r.next();
      assertEquals(0, r.getInt(1), "every holder deleted its row on close");
    }
  }

  @Test
  void aHolderKilledWithKill9IsTakenOverAfterItsLeaseAndNotBefore() throws Exception {
    String url = newDatabaseUrl();
    Path marker = dir.resolve("paused-2");
    Process holder = child(url, marker).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(marker)) {
        assertTrue(holder.isAlive(), () -> "the holder died before its checkpoint: " + stderr(holder));
        assertTrue(System.nanoTime() < deadline, "the holder reached its checkpoint");
        Thread.sleep(20);
      }
      Thread.sleep(LEASE_MILLIS); // a few heartbeats: a lease that was not renewed would have run out by now
      holder.destroyForcibly(); // SIGKILL: no close, no release
      assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
    } finally {
      holder.destroyForcibly();
    }
    long expiresAt;
    String killed;
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement p = c.prepareStatement("SELECT holder, expires_at FROM " + LeaseLock.TABLE);
        ResultSet r = p.executeQuery()) {
      assertTrue(r.next(), "the killed holder's row is still there");
      killed = r.getString(1);
      expiresAt = r.getLong(2);
    }
    long left = expiresAt - System.currentTimeMillis();
    assertTrue(left > 200, "the killed holder's lease was still running when we started waiting (" + left + " ms left)");

    LeaseLock lock = new LeaseLock(Duration.ofMillis(LEASE_MILLIS));
    try (LeaseLock.Held held = lock.acquire(() -> DriverManager.getConnection(url))) {
      long acquiredAt = System.currentTimeMillis();
      assertTrue(acquiredAt >= expiresAt - 50,
          "taken over " + (expiresAt - acquiredAt) + " ms before the killed holder's lease expired");
      assertTrue(acquiredAt <= expiresAt + 2000, "taken over promptly after expiry: " + (acquiredAt - expiresAt) + " ms late");
      assertTrue(!held.holder().equals(killed));
    }
    if (transactionalDdl()) {
      Migrator m = new Migrator(Workload.migrations(ConcurrencyAndCrashContract.EXTRA))
          .withLeaseLock(Duration.ofMillis(LEASE_MILLIS), () -> DriverManager.getConnection(url));
      try (Connection c = DriverManager.getConnection(url)) {
        m.migrate(c);
      }
      ConcurrencyAndCrashContract.assertConsistent(url, Workload.CRASH_VERSIONS + ConcurrencyAndCrashContract.EXTRA);
    }
  }

  private static String stderr(Process p) {
    try {
      return new String(p.getErrorStream().readAllBytes());
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private ProcessBuilder child(String url, Path marker) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
        System.getProperty("java.class.path"), Workload.class.getName(), url,
        String.valueOf(ConcurrencyAndCrashContract.EXTRA));
    pb.environment().put("JMIGRATE_LOCK", "lease");
    pb.environment().put("JMIGRATE_LOCK_LEASE", LEASE_SECONDS);
    if (marker != null) {
      pb.environment().put("JMIGRATE_TEST_PAUSE_AT", marker.getFileName().toString().replace("paused-", ""));
      pb.environment().put("JMIGRATE_TEST_MARKER", marker.toString());
    }
    return pb.directory(new File(System.getProperty("user.dir")));
  }
}
