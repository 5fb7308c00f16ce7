package io.jmigrate.dialect;

import java.sql.SQLException;
import java.time.Duration;

/** A run gave up waiting for a lock: says which lock, how long it waited, and who held it where the database could tell. */
public final class LockTimeoutException extends SQLException {
  private final String lock;
  private final Duration waited;

  public LockTimeoutException(String lock, Duration waited, Duration limit, String holder) {
    super("gave up waiting for " + lock + " after " + LockWait.format(waited) + " (the lock timeout is "
        + LockWait.format(limit) + ")" + (holder == null ? "" : "; it is held by " + holder) + ". Let the holder"
        + " finish (another run migrating this database, or a program writing to it), or wait longer with"
        + " --lock-timeout (JMIGRATE_LOCK_TIMEOUT, Migrator.withLockTimeout)", "55P03"); // SQLSTATE lock_not_available
    this.lock = lock;
    this.waited = waited;
  }

  /** The lock, as named in the message. */
  public String lock() {
    return lock;
  }

  public Duration waited() {
    return waited;
  }
}
