package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How long a migration's statements wait for a lock, and how often a statement that gave up is tried
 * again. DDL waiting for a lock makes every later query on its table wait behind it; a short wait
 * (PostgreSQL's {@code lock_timeout}) bounds that queue, and the retries, with a growing pause
 * between them, let a long query or transaction finish first. Chosen by
 * {@link Migrator#withDdlLockTimeout}, {@code --ddl-lock-timeout} / {@code --ddl-lock-attempts},
 * {@code -Djmigrate.ddl.lock-timeout} / {@code -Djmigrate.ddl.lock-attempts} or
 * {@code JMIGRATE_DDL_LOCK_TIMEOUT} / {@code JMIGRATE_DDL_LOCK_ATTEMPTS} (the property wins).
 *
 * @param timeout the longest wait for one lock; zero: wait as long as it takes (no retries then)
 * @param attempts how often a statement is tried in all, at least 1
 */
public record DdlLockWaits(Duration timeout, int attempts) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final int DEFAULT_ATTEMPTS = 10;
  /** The pause after the first time-out; it doubles after each, up to {@link #MAX_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  static final Duration MAX_PAUSE = Duration.ofSeconds(10);

  public DdlLockWaits {
    if (timeout.isNegative() || attempts < 1) {
      throw new MigrationException("the DDL lock timeout must be 0 or more and the attempts 1 or more, not "
          + timeout.toMillis() + " ms and " + attempts);
    }
  }

  /** What the environment chooses, else 2 s and 10 attempts. */
  static DdlLockWaits fromEnvironment() {
    String timeout = setting("jmigrate.ddl.lock-timeout", "JMIGRATE_DDL_LOCK_TIMEOUT");
    String attempts = setting("jmigrate.ddl.lock-attempts", "JMIGRATE_DDL_LOCK_ATTEMPTS");
    return new DdlLockWaits(timeout == null ? DEFAULT_TIMEOUT : duration(timeout),
        attempts == null ? DEFAULT_ATTEMPTS : count(attempts));
  }

  /** {@code 2s}, {@code 500ms}, or a number of seconds ({@code 1.5}). */
  public static Duration duration(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      }
      double seconds = Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1) : t);
      if (seconds < 0 || Double.isNaN(seconds)) {
        throw new NumberFormatException();
      }
      return Duration.ofMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException e) {
      throw new MigrationException("the DDL lock timeout is \"" + text + "\"; give seconds (2, 0.5, 2s) or"
          + " milliseconds (500ms); 0 waits as long as it takes");
    }
  }

  public static int count(String text) {
    try {
      int n = Integer.parseInt(text.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // said below
    }
    throw new MigrationException("the DDL lock attempts are \"" + text + "\"; give a whole number, 1 or more");
  }

  private static String setting(String property, String env) {
    String value = System.getProperty(property);
    return value != null && !value.isBlank() ? value : blankToNull(System.getenv(env));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Limits lock waits on the connection, where the dialect can; null when there is nothing to restore. */
  Dialect.Session limit(java.sql.Connection c, Dialect d) throws SQLException {
    return timeout.isZero() ? null : d.limitLockWaits(c, timeout);
  }

  /**
   * Whether to try again after {@code attempt} failed with {@code e}: a lock wait that timed out,
   * with attempts left. Then logs why and pauses first.
   */
  boolean retry(Dialect d, SQLException e, int attempt, Object what) {
    if (timeout.isZero() || attempt >= attempts || !d.lockTimedOut(e)) {
      return false;
    }
    long pause = Math.min(MAX_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(attempt - 1, 20));
    System.getLogger("io.jmigrate").log(Level.WARNING, "{0}: a statement waited {1} ms for a lock and gave up so that"
        + " other queries are not queued behind it ({2}); trying again in {3} ms (attempt {4} of {5})", what,
        timeout.toMillis(), e.getMessage(), pause, attempt + 1, attempts);
    try {
      Thread.sleep(pause);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }

  /** The end of the failure message after the last attempt. */
  String gaveUp(Dialect d, SQLException e) {
    return !timeout.isZero() && d.lockTimedOut(e)
        ? " (each of " + attempts + " attempts waited " + timeout.toMillis() + " ms for a lock that another session"
            + " held: find it in pg_locks / pg_stat_activity, or raise --ddl-lock-timeout / --ddl-lock-attempts)"
        : "";
  }
}
