package io.jmigrate.engine;

import io.jmigrate.dialect.LockWait;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A run lock for databases without session-scoped advisory locks (CockroachDB, YugabyteDB, H2 in
 * server mode): one row of {@code jmigrate_lock} names its holder and when its lease expires. It is
 * taken with an INSERT, or an UPDATE of an expired row, in autocommit on a connection of its own
 * (so the migrations' transactions never hold or roll back the row), renewed by a heartbeat every
 * third of the lease and deleted on close. A holder killed with kill -9 leaves its row, which
 * nobody takes before it expires. Expiry is compared on each process's own clock: the hosts'
 * clocks must agree to well within the lease.
 */
public final class LeaseLock {
  /** Where the lock's own connection comes from. */
  @FunctionalInterface
  public interface Connections {
    Connection open() throws SQLException;
  }

  public static final String TABLE = "jmigrate_lock";
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
  private static final String NAME = "migrate";
  private static final System.Logger LOG = System.getLogger(LeaseLock.class.getName());

  private final Duration lease;

  public LeaseLock(Duration lease) {
    if (lease.toMillis() < 300) {
      throw new IllegalArgumentException("a lease shorter than 300 ms cannot be renewed in time: " + lease);
    }
    this.lease = lease;
  }

  /** A lease given in seconds (a decimal, e.g. 2.5), or the default when null or blank. */
  public static Duration seconds(String seconds) {
    if (seconds == null || seconds.isBlank()) {
      return DEFAULT_LEASE;
    }
    try {
      return Duration.ofMillis(Math.round(Double.parseDouble(seconds.trim()) * 1000));
    } catch (NumberFormatException e) {
      throw new MigrationException("the lease length is a number of seconds, not \"" + seconds + "\"");
    }
  }

  public Duration lease() {
    return lease;
  }

  /** Waits until this process holds the lock; closing the result releases it. */
  public Held acquire(Connections connections) throws SQLException {
    return acquire(connections, LockWait.defaults());
  }

  /**
   * Waits until this process holds the lock, as {@code wait} says (by default until it is free),
   * logging who holds it; closing the result releases it.
   */
  public Held acquire(Connections connections, LockWait wait) throws SQLException {
    Connection c = connections.open();
    try {
      c.setAutoCommit(true);
      createTable(c);
      String holder = holderId();
      wait.acquire("the jmigrate lease lock (" + TABLE + ")", null,
          LockWait.polling(Math.max(50, Math.min(500, lease.toMillis() / 10)), () -> tryTake(c, holder)),
          () -> describeHolder(c));
      return new Held(c, holder);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static void createTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR(64) NOT NULL PRIMARY KEY,"
          + " holder VARCHAR(255) NOT NULL, expires_at BIGINT NOT NULL, heartbeat BIGINT NOT NULL)");
    } catch (SQLException e) {
      // Two processes creating it at once: one of them may fail on the catalog; the table is there.
      try (Statement s = c.createStatement()) {
        s.executeQuery("SELECT COUNT(*) FROM " + TABLE).close();
      } catch (SQLException again) {
        e.addSuppressed(again);
        throw e;
      }
    }
  }

  private boolean tryTake(Connection c, String holder) throws SQLException {
    long now = System.currentTimeMillis();
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE " + TABLE + " SET holder = ?, expires_at = ?, heartbeat = ? WHERE name = ? AND expires_at < ?")) {
      p.setString(1, holder);
      p.setLong(2, now + lease.toMillis());
      p.setLong(3, now);
      p.setString(4, NAME);
      p.setLong(5, now);
      if (p.executeUpdate() == 1) {
        return true;
      }
    }
    if (describeHolder(c) != null) {
      return false;
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO " + TABLE + " (name, holder, expires_at, heartbeat) VALUES (?, ?, ?, ?)")) {
      p.setString(1, NAME);
      p.setString(2, holder);
      p.setLong(3, now + lease.toMillis());
      p.setLong(4, now);
      p.executeUpdate();
      return true;
    } catch (SQLException e) {
      return false; // another process inserted the row first (a key violation): wait for it
    }
  }

  private static String describeHolder(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT holder, expires_at FROM " + TABLE + " WHERE name = ?")) {
      p.setString(1, NAME);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        long left = r.getLong(2) - System.currentTimeMillis();
        return r.getString(1) + (left >= 0 ? " (lease ends in " + left + " ms unless renewed)" : " (lease expired)");
      }
    }
  }

  private static String holderId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown-host";
    }
    return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // the lock connection is going anyway
    }
  }

  /** The lock while held: its connection, its heartbeat, and whether a renewal found it gone. */
  public final class Held implements AutoCloseable {
    private final Connection c;
    private final String holder;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean lost;

    private Held(Connection c, String holder) {
      this.c = c;
      this.holder = holder;
      this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jmigrate-lease-heartbeat");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(1, lease.toMillis() / 3);
      heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    public String holder() {
      return holder;
    }

    /** True once a renewal found the row taken by another process (the lease ran out unrenewed). */
    public boolean lost() {
      return lost;
    }

    private synchronized void renew() {
      long now = System.currentTimeMillis();
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE " + TABLE + " SET expires_at = ?, heartbeat = ? WHERE name = ? AND holder = ?")) {
        p.setLong(1, now + lease.toMillis());
        p.setLong(2, now);
        p.setString(3, NAME);
        p.setString(4, holder);
        if (p.executeUpdate() != 1 && !lost) {
          lost = true;
          LOG.log(Level.ERROR, "the jmigrate lease lock of " + holder + " expired before it was renewed and was taken over");
        }
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "could not renew the jmigrate lease lock: " + e.getMessage());
      }
    }

    @Override
    public void close() throws SQLException {
      heartbeat.shutdownNow();
      try {
        heartbeat.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try (PreparedStatement p = c.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ? AND holder = ?")) {
        p.setString(1, NAME);
        p.setString(2, holder);
        p.executeUpdate();
      } finally {
        c.close();
      }
    }
  }
}
