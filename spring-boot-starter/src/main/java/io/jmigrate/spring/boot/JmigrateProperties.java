package io.jmigrate.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code jmigrate.*} properties: how the application's DataSource is migrated at start-up. */
@ConfigurationProperties("jmigrate")
public class JmigrateProperties {

  /** Whether to migrate the application's DataSource at start-up. */
  private boolean enabled = true;

  /**
   * The version to migrate up to; none: the latest. A database already at or past it is left as
   * it is (start-up never reverts a migration).
   */
  private Integer targetVersion;

  /**
   * Whether to compare the live schema with the one the applied migrations produce, after
   * migrating, and fail start-up when they differ (drift).
   */
  private boolean validateOnMigrate = false;

  /**
   * Whether to fail start-up when the database has migrations this build does not know (it is
   * ahead of the code). false: start anyway, with a warning, for a rollback of the application
   * whose newer migrations are known to be compatible with it.
   */
  private boolean failOnAhead = true;

  /**
   * The run lock: "dialect" (the database's own: an advisory lock on PostgreSQL and MariaDB, the
   * write lock on SQLite) or "lease" (a row in jmigrate_lock with an expiry, for databases without
   * session locks). None: as JMIGRATE_LOCK says, else the dialect's.
   */
  private Lock lock;

  /**
   * How long a lease lock lasts without renewal (with jmigrate.lock=lease). None: as
   * JMIGRATE_LOCK_LEASE says (in seconds), else 30 seconds.
   */
  private Duration lockLease;

  /** The run lock jmigrate holds while it migrates. */
  public enum Lock {
    /** The database's own lock. */
    DIALECT,
    /** A lease row in jmigrate_lock, renewed while the run lasts. */
    LEASE
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getTargetVersion() {
    return targetVersion;
  }

  public void setTargetVersion(Integer targetVersion) {
    this.targetVersion = targetVersion;
  }

  public boolean isValidateOnMigrate() {
    return validateOnMigrate;
  }

  public void setValidateOnMigrate(boolean validateOnMigrate) {
    this.validateOnMigrate = validateOnMigrate;
  }

  public boolean isFailOnAhead() {
    return failOnAhead;
  }

  public void setFailOnAhead(boolean failOnAhead) {
    this.failOnAhead = failOnAhead;
  }

  public Lock getLock() {
    return lock;
  }

  public void setLock(Lock lock) {
    this.lock = lock;
  }

  public Duration getLockLease() {
    return lockLease;
  }

  public void setLockLease(Duration lockLease) {
    this.lockLease = lockLease;
  }
}
