package io.jmigrate.dialect;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * How long a run waits for a lock that another process (or thread) holds, and how it says so: a
 * line in the log when the wait begins, naming the lock and, where the database can tell, who
 * holds it; another every {@link #reportEvery()} while it lasts; and, when the wait runs out, a
 * {@link LockTimeoutException} that says which lock, how long it waited and who held it.
 *
 * <p>Each dialect takes its lock in attempts of at most one report interval ({@link Attempt}: a
 * timed {@code GET_LOCK}, a poll of {@code pg_try_advisory_lock}, a {@code BEGIN IMMEDIATE} under a
 * short busy timeout), so the waiting side keeps talking while it waits.
 */
public final class LockWait {
  /** How often a wait (and a long migration step) is reported. */
  public static final Duration DEFAULT_REPORT_EVERY = Duration.ofSeconds(5);

  private static final LockWait DEFAULTS = new LockWait(null, DEFAULT_REPORT_EVERY);

  private final Duration timeout;
  private final Duration reportEvery;

  /**
   * @param timeout how long to wait at most; null keeps each lock's own default (PostgreSQL,
   *     MariaDB, H2 and the lease: until the lock is free; SQLite: two minutes per transaction)
   * @param reportEvery how often a continuing wait is logged
   */
  public LockWait(Duration timeout, Duration reportEvery) {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("a lock timeout cannot be negative: " + timeout);
    }
    if (reportEvery.isZero() || reportEvery.isNegative()) {
      throw new IllegalArgumentException("the report interval must be positive: " + reportEvery);
    }
    this.timeout = timeout;
    this.reportEvery = reportEvery;
  }

  /** Each lock's own timeout, reported every five seconds. */
  public static LockWait defaults() {
    return DEFAULTS;
  }

  /** The chosen timeout, or null for each lock's own default. */
  public Duration timeout() {
    return timeout;
  }

  /** The chosen timeout, else {@code lockDefault} (null: no limit). */
  public Duration timeoutOr(Duration lockDefault) {
    return timeout != null ? timeout : lockDefault;
  }

  public Duration reportEvery() {
    return reportEvery;
  }

  public LockWait withTimeout(Duration timeout) {
    return new LockWait(timeout, reportEvery);
  }

  public LockWait withReportEvery(Duration reportEvery) {
    return new LockWait(timeout, reportEvery);
  }

  /** One try at the lock, waiting at most {@code upTo} (zero: do not wait); true when it is held. */
  @FunctionalInterface
  public interface Attempt {
    boolean tryFor(Duration upTo) throws SQLException;
  }

  /** Who holds the lock, as the database tells it ("pid 4242 (application …)"), or null when it cannot. */
  @FunctionalInterface
  public interface Holder {
    String describe() throws SQLException;
  }

  /**
   * Takes a lock: one attempt without waiting; if another holds it, logs that and waits in
   * attempts of at most one report interval, logging after each, until the lock is taken or the
   * timeout (this wait's, else {@code lockDefault}; null waits for ever) has passed.
   *
   * @param lock what the lock is, for people: "the PostgreSQL advisory lock 1785554791 of database app"
   * @throws LockTimeoutException when the timeout passed first
   */
  public void acquire(String lock, Duration lockDefault, Attempt attempt, Holder holder) throws SQLException {
    if (attempt.tryFor(Duration.ZERO)) {
      return;
    }
    Duration limit = timeoutOr(lockDefault);
    long start = System.nanoTime();
    String who = describe(holder);
    log(Level.INFO, "waiting for " + lock + heldBy(who) + "; "
        + (limit == null ? "waiting until it is free" : "will wait up to " + format(limit)));
    while (true) {
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      if (limit != null && waited.compareTo(limit) >= 0) {
        throw new LockTimeoutException(lock, waited, limit, who);
      }
      Duration slice = limit == null ? reportEvery : min(reportEvery, limit.minus(waited));
      if (attempt.tryFor(slice)) {
        log(Level.INFO, "got " + lock + " after waiting " + format(Duration.ofNanos(System.nanoTime() - start)));
        return;
      }
      waited = Duration.ofNanos(System.nanoTime() - start);
      String now = describe(holder);
      who = now != null ? now : who;
      if (limit == null || waited.compareTo(limit) < 0) {
        log(Level.INFO, "still waiting for " + lock + " after " + format(waited) + heldBy(now)
            + (limit == null ? "" : " (giving up after " + format(limit) + ")"));
      }
    }
  }

  /** Sleeps for a poll between attempts, at most {@code upTo}; false if there is no time left. */
  public static boolean pause(Duration upTo, long pollMillis) throws SQLException {
    long millis = Math.min(pollMillis, upTo.toMillis());
    if (millis <= 0) {
      return false;
    }
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a lock", e);
    }
  }

  /**
   * An {@link Attempt} from a lock that can only be tried without waiting: tries, then polls every
   * {@code pollMillis} until {@code upTo} has passed.
   */
  public static Attempt polling(long pollMillis, Try once) {
    return upTo -> {
      long end = System.nanoTime() + upTo.toNanos();
      while (true) {
        if (once.get()) {
          return true;
        }
        long left = end - System.nanoTime();
        if (left <= 0 || !pause(Duration.ofNanos(left), pollMillis)) {
          return false;
        }
      }
    };
  }

  /** A lock tried once without waiting. */
  @FunctionalInterface
  public interface Try {
    boolean get() throws SQLException;
  }

  private static String describe(Holder holder) {
    try {
      return holder.describe();
    } catch (SQLException | RuntimeException e) {
      return null; // who holds it is a courtesy; the wait goes on without it
    }
  }

  private static String heldBy(String who) {
    return who == null ? "" : ", held by " + who;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** 30 s, 2.5 s, 2 min 05 s, 120 ms. */
  public static String format(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long s = millis / 1000;
    return s % 60 == 0 ? s / 60 + " min" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }

  /**
   * A duration as people write it on a command line or in an environment variable: {@code 30s},
   * {@code 500ms}, {@code 2m}, {@code 1h}, or a number of seconds ({@code 30}, {@code 2.5}).
   *
   * @throws IllegalArgumentException with a message that shows the accepted forms
   */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      }
      double unit = 1000;
      if (t.endsWith("s")) {
        t = t.substring(0, t.length() - 1);
      } else if (t.endsWith("m")) {
        unit = 60_000;
        t = t.substring(0, t.length() - 1);
      } else if (t.endsWith("h")) {
        unit = 3_600_000;
        t = t.substring(0, t.length() - 1);
      }
      double value = Double.parseDouble(t.trim());
      if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return Duration.ofMillis(Math.round(value * unit));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a duration: write e.g. 30s, 500ms, 2m or 1h");
    }
  }

  private static void log(Level level, String message) {
    System.getLogger("io.jmigrate").log(level, message);
  }
}
