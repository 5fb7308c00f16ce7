package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.LockWait;
import io.jmigrate.migration.Migration;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Progress of long work, through the logger: while a migration runs longer than the report
 * interval, a background ticker logs every interval which migration, for how long, what it is
 * running now (the statement, the batch, the Java step), what that does where it was measured
 * first (SQLite: the rows a rebuild copies) and, where the database can tell, how far it has got
 * (PostgreSQL: an index build's blocks and rows, asked on a connection of its own).
 *
 * <p>One per run, on the migrating thread: {@link #start} when the run holds its lock; the
 * migration steps and the statement sink call the static methods, which do nothing outside a run.
 */
final class Progress implements AutoCloseable {
  private static final ThreadLocal<Progress> CURRENT = new ThreadLocal<>();

  private final Dialect dialect;
  private final Duration every;
  private final String sessionId;
  private final LeaseLock.Connections observers; // null: none, the database is not asked
  private java.util.concurrent.ScheduledFuture<?> nextLook; // guarded by this: the ticker's next look at this run
  private Connection observer;
  private boolean observerFailed;
  private boolean closed; // guarded by this: the run is over, nothing is reported any more

  // What the ticker reads; written by the migrating thread.
  private volatile Running current; // the migration running now, or null
  private volatile String running;
  private volatile String ahead;
  private volatile int statements;

  /** A migration and when it started, read by the ticker as one. */
  private record Running(Migration migration, long startedNanos) {}

  private Progress(Dialect dialect, Duration every, String sessionId, LeaseLock.Connections observers) {
    this.dialect = dialect;
    this.every = every;
    this.sessionId = sessionId;
    this.observers = sessionId == null ? null : observers;
  }

  /**
   * The ticker of every run in this class loader: one daemon thread, started by the first run (not when the class is
   * initialised) and ended after a minute without a run, instead of a thread started and stopped by each run (which
   * a run of a hundred short migrations paid for). A run's looks are queued one at a time and dropped when it ends;
   * a report of one run delays another run's look by as long as it takes (reports are a courtesy, not a deadline).
   */
  private static final class Ticker {
    static final ScheduledThreadPoolExecutor TICKER = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "jmigrate-progress");
      t.setDaemon(true);
      return t;
    });

    static {
      TICKER.setKeepAliveTime(1, TimeUnit.MINUTES);
      TICKER.allowCoreThreadTimeOut(true);
      TICKER.setRemoveOnCancelPolicy(true); // a run's dropped look leaves the queue at once
    }
  }

  /**
   * Starts watching this thread's run on {@code c}. {@code observers} opens the connection that
   * asks the database how far a statement has got (null: the migration connection's URL).
   */
  static Progress start(Connection c, Dialect d, Duration every, LeaseLock.Connections observers) throws SQLException {
    String sessionId = d.sessionId(c);
    LeaseLock.Connections open = observers;
    if (open == null && sessionId != null) {
      String url = c.getMetaData().getURL();
      open = () -> java.sql.DriverManager.getConnection(url);
    }
    Progress p = new Progress(d, every, sessionId, open);
    CURRENT.set(p);
    p.lookIn(p.every.toNanos());
    return p;
  }

  /** A migration starts on this thread: reported once it has run for the interval, then every interval. */
  static void migrating(Migration m) {
    Progress p = CURRENT.get();
    if (p != null) {
      p.begin(m);
    }
  }

  /** The migration of this thread ended (applied, reverted or failed). */
  static void finished() {
    Progress p = CURRENT.get();
    if (p != null) {
      p.end();
    }
  }

  /**
   * The migrating thread is about to run {@code what} ({@code statement}, when it is one, is
   * first measured by the dialect, e.g. the rows a rebuild copies).
   */
  static void running(Connection c, String what, String statement) {
    Progress p = CURRENT.get();
    if (p == null || p.current == null) {
      return;
    }
    p.running = what;
    p.statements++;
    p.ahead = null;
    if (statement != null) {
      try {
        p.ahead = p.dialect.workAhead(c, statement);
      } catch (SQLException | RuntimeException e) {
        p.ahead = null; // a courtesy: the migration goes on without it
      }
    }
  }

  /**
   * A migration starts. Nothing is scheduled per migration (a run of thousands of short ones would
   * wake the ticker twice for each): the ticker, which looks once per interval, reports it once it
   * has run for the interval, then every interval, timed from its start.
   */
  private void begin(Migration m) {
    running = null;
    ahead = null;
    statements = 0;
    current = new Running(m, System.nanoTime());
  }

  private void end() {
    current = null;
  }

  /** Schedules the ticker's next look in {@code nanos}, unless the run is over. */
  private synchronized void lookIn(long nanos) {
    if (!closed) {
      nextLook = Ticker.TICKER.schedule(this::look, nanos, TimeUnit.NANOSECONDS); // one look queued at a time, for the whole run
    }
  }

  /**
   * On the ticker thread: reports the migration running now when it has run for a whole number of
   * intervals, and looks again at its next whole interval (or in one interval when none runs, which
   * is before any migration that starts meanwhile is due).
   */
  private void look() {
    long interval = every.toNanos();
    Running r = current;
    long next = interval;
    if (r != null) {
      long ran = System.nanoTime() - r.startedNanos();
      long whole = ran / interval;
      if (whole >= 1) {
        report(r, ran);
      }
      next = Math.max(1, (whole + 1) * interval - ran);
    }
    lookIn(next);
  }

  /** Under the lock that {@link #close} takes: a report in progress ends before the run returns, none starts after. */
  private synchronized void report(Running r, long ranNanos) {
    if (closed) {
      return;
    }
    Migration m = r.migration();
    StringBuilder s = new StringBuilder(m.toString()).append(": running for ")
        .append(LockWait.format(Duration.ofNanos(ranNanos)));
    // The database first (its first ask opens a connection, which takes a while): what runs now is read
    // after it, so that a statement the database reports on is the one named.
    String far = askDatabase();
    String now = running;
    if (now != null) {
      s.append("; now (statement ").append(statements).append("): ").append(shorten(now));
    }
    String measured = ahead;
    if (measured != null) {
      s.append("; it ").append(measured);
    }
    if (far != null) {
      s.append("; ").append(far);
    }
    System.getLogger("io.jmigrate").log(Level.INFO, s.toString());
  }

  private String askDatabase() {
    if (observers == null || observerFailed) {
      return null;
    }
    try {
      if (observer == null) {
        observer = observers.open();
        observer.setAutoCommit(true);
      }
      return dialect.progress(observer, sessionId);
    } catch (SQLException | RuntimeException e) {
      observerFailed = true; // e.g. the URL lacks the password: report without the database's view
      System.getLogger("io.jmigrate").log(Level.DEBUG, "cannot ask the database for progress: " + e.getMessage());
      return null;
    }
  }

  private static String shorten(String sql) {
    String one = sql.replaceAll("\\s+", " ");
    return one.length() <= 160 ? one : one.substring(0, 157) + "...";
  }

  @Override
  public void close() {
    CURRENT.remove();
    end();
    // Waits for a report in progress (it holds this lock), not for the ticker's thread to end: a run
    // of short migrations does not wait for that thread to be scheduled on a busy machine.
    synchronized (this) {
      closed = true;
      if (nextLook != null) {
        nextLook.cancel(false); // drops the queued look; none is queued after this
      }
    }
    if (observer != null) {
      try {
        observer.close();
      } catch (SQLException ignored) {
        // going anyway
      }
    }
  }
}
