package io.jmigrate.engine;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.LockTimeoutException;
import io.jmigrate.dialect.LockWait;
import io.jmigrate.dialect.SqlRecorder;
import io.jmigrate.engine.AppliedMigration.Direction;
import io.jmigrate.migration.IrreversibleException;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.SquashedMigration;
import io.jmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies and reverts migrations on one connection. Each migration runs in its own
 * transaction together with its {@code jmigrate_history} row, so it is applied whole or not at
 * all; where DDL commits by itself, {@link StepwiseMigration} runs it step by step instead, with
 * its progress in the history, so that a run stopped in the middle is resumed. Before anything
 * runs, the history is checked against the code (checksums, unknown versions, gaps) and the
 * migrations against the schema fingerprints they were generated with;
 * an up-to-date database costs one query. Everything database-specific is asked of the
 * {@link Dialect}, given or found from the connection.
 *
 * <p>This class holds the settings, the run lock and the plan (which migrations, up or down); the
 * parts are each in a class of their own: {@link HistoryCheck} (the history against the code),
 * {@link FingerprintCheck} (the migrations against their fingerprints), {@link TransactionalStep} (one
 * migration in one transaction), {@link StepwiseMigration} (step by step, resumable) and
 * {@link SqlPreview} (the statements a run would make).
 */
public final class Migrator {

  private final List<Migration> migrations;
  private final Map<Integer, Migration> byVersion = new HashMap<>();
  private final Dialect dialect;
  private LeaseLock lease; // null: the dialect's own lock
  private LeaseLock.Connections lockConnections; // null: a new connection to the migration connection's URL
  private volatile boolean fingerprintsChecked;
  private boolean aheadAllowed; // an older build may start on a newer database (its migrations known compatible)
  // operator: how long a run waits for its lock and how often waits and long steps are reported
  private LockWait lockWait;
  private DdlLockWaits lockWaits; // online: how long a statement waits for a lock, how often it is tried
  private final int squashedThrough; // squash: the version of the latest SquashedMigration, 0 if none
  private Unmanaged unmanaged = Unmanaged.NONE; // what the database has and the models leave to it

  /** A migrator that finds the dialect of each connection (through {@link Dialect#of}). */
  public Migrator(List<Migration> migrations) {
    this(migrations, null);
  }

  /** A migrator that uses {@code dialect} for every connection (null: find it per connection). */
  public Migrator(List<Migration> migrations, Dialect dialect) {
    this.dialect = dialect;
    TreeMap<Integer, Migration> sorted = new TreeMap<>();
    for (Migration m : migrations) {
      sorted.putIfAbsent(m.version(), m);
      Migration other = byVersion.put(m.version(), m);
      if (other != null && other != m) {
        throw new MigrationException("two migrations have version " + m.version() + ": "
            + other.getClass().getName() + " and " + m.getClass().getName()
            + ". Two branches each added one; see \"When two branches both add a migration\" in docs/troubleshooting.md.");
      }
    }
    this.migrations = List.copyOf(sorted.values());
    int squashed = 0;
    for (Migration m : this.migrations) {
      squashed = m instanceof SquashedMigration ? m.version() : squashed;
    }
    this.squashedThrough = squashed;
    this.lease = LockChoice.fromEnvironment();
    this.lockWait = LockChoice.lockWait(); // operator
    this.aheadAllowed = LockChoice.aheadAllowed(); // operator
    this.lockWaits = DdlLockWaits.fromEnvironment();
  }

  /**
   * This migrator with the lease lock ({@link LeaseLock}) instead of the dialect's own, for
   * databases without session-scoped advisory locks. {@code connections} gives the lock its own
   * connection; null opens one to the migration connection's JDBC URL (enough when the URL holds
   * the credentials).
   */
  public Migrator withLeaseLock(Duration lease, LeaseLock.Connections connections) {
    Migrator m = copy();
    m.lease = new LeaseLock(lease);
    m.lockConnections = connections;
    return m;
  }

  /** This migrator with the dialect's own lock, whatever {@code JMIGRATE_LOCK} says. */
  public Migrator withDialectLock() {
    Migrator m = copy();
    m.lease = null;
    return m;
  }

  /**
   * This migrator, allowed ({@code true}) or not (the default) to run on a database that has
   * migrations this build does not know: a rollback of the application after a deploy whose newer
   * migrations are known to be compatible with this code. Allowed, {@code migrate} logs a warning
   * and changes nothing; migrating down through unknown migrations is still refused.
   */
  public Migrator withAheadAllowed(boolean allowed) {
    Migrator m = copy();
    m.aheadAllowed = allowed;
    return m;
  }

  // operator: lock waits and progress reports

  /**
   * This migrator, waiting at most {@code timeout} for the run lock (and, on SQLite, for each
   * migration's write lock) before it fails with a message that names the lock, how long it waited
   * and who holds it; null keeps each lock's default (PostgreSQL, MariaDB, H2 and the lease wait
   * until the lock is free; SQLite two minutes). {@code JMIGRATE_LOCK_TIMEOUT} /
   * {@code -Djmigrate.lock.timeout} set it from outside.
   */
  public Migrator withLockTimeout(Duration timeout) {
    Migrator m = copy();
    m.lockWait = lockWait.withTimeout(timeout);
    return m;
  }

  /**
   * This migrator, logging a continuing lock wait, and a migration step that runs longer than
   * {@code every}, every {@code every} (default {@link LockWait#DEFAULT_REPORT_EVERY}).
   */
  public Migrator withReportEvery(Duration every) {
    Migrator m = copy();
    m.lockWait = lockWait.withReportEvery(every);
    return m;
  }

  /** How this migrator waits for locks (timeout, report interval). */
  public LockWait lockWait() {
    return lockWait;
  }
  // end of lock waits and progress reports (operator)

  /** Whether this migrator runs on a database ahead of the code (see {@link #withAheadAllowed}). */
  public boolean aheadAllowed() {
    return aheadAllowed;
  }

  // ---- online (lock waits) ----

  /**
   * This migrator with each statement waiting at most {@code timeout} for a lock (PostgreSQL's
   * {@code lock_timeout}; zero: as long as it takes), and a statement that gave up tried again, up
   * to {@code attempts} times in all, after a pause that doubles each time (0.5 s, 1 s, … 10 s). The
   * default is 2 s and 10 attempts, or what {@code -Djmigrate.ddl.lock-timeout} /
   * {@code JMIGRATE_DDL_LOCK_TIMEOUT} and {@code -Djmigrate.ddl.lock-attempts} /
   * {@code JMIGRATE_DDL_LOCK_ATTEMPTS} say. See {@link DdlLockWaits}.
   */
  public Migrator withDdlLockTimeout(Duration timeout, int attempts) {
    Migrator m = copy();
    m.lockWaits = new DdlLockWaits(timeout, attempts);
    return m;
  }

  /** How long a statement waits for a lock and how often it is tried (see {@link #withDdlLockTimeout}). */
  public DdlLockWaits ddlLockWaits() {
    return lockWaits;
  }

  /** Applies or reverts {@code m} in one transaction, tried again as {@link #lockWaits} says when a lock wait timed out. */
  private AppliedMigration stepRetrying(Connection c, Dialect d, Migration m, Direction direction, List<Operation> ops,
      Schema schema, HistoryStatements history) {
    for (int attempt = 1; ; attempt++) {
      try {
        return TransactionalStep.step(c, d, m, direction, ops, schema, history);
      } catch (MigrationException e) {
        if (!(e.getCause() instanceof SQLException cause) || !d.transactionalDdl()
            || !lockWaits.retry(d, cause, attempt, m)) {
          if (e.getCause() instanceof SQLException cause && !lockWaits.gaveUp(d, cause).isEmpty()
              && attempt > 1) {
            throw new MigrationException(e.getMessage() + lockWaits.gaveUp(d, cause), cause);
          }
          throw e;
        }
      }
    }
  }

  // ---- end online ----

  private Migrator copy() {
    Migrator m = new Migrator(migrations, dialect);
    m.lease = lease;
    m.lockConnections = lockConnections;
    m.aheadAllowed = aheadAllowed;
    m.lockWait = lockWait;
    m.lockWaits = lockWaits;
    m.unmanaged = unmanaged;
    return m;
  }

  /**
   * This migrator, with what the database has and the models do not describe ({@link Unmanaged},
   * {@code META-INF/jmigrate/unmanaged}, which {@code inspect} writes): validate and baseline accept it.
   */
  public Migrator withUnmanaged(Unmanaged declared) {
    Migrator m = copy();
    m.unmanaged = declared == null ? Unmanaged.NONE : declared;
    return m;
  }

  /** The lease lock in use, or null when the dialect's own lock is. */
  public LeaseLock leaseLock() {
    return lease;
  }

  /** The run lock; a lease can be lost (taken over after a heartbeat did not get through in time). */
  private interface RunLock extends Dialect.Session {
    default boolean lost() {
      return false;
    }
  }

  /** Stops before the next migration once another process may hold the lock. */
  private static void checkHeld(RunLock lock, Migration next) {
    if (lock.lost()) {
      throw new MigrationException("the lease lock ran out before it was renewed and another process may have taken"
          + " it: stopped before " + next + "; the migrations before it are applied. Migrate again.");
    }
  }

  /**
   * Takes the run lock: the dialect's, or the lease. With the lease, a dialect whose
   * {@link Dialect#open} is a run lock is not opened (that lock is what the database lacks); one
   * that locks per transaction still is, for its settings.
   */
  private RunLock lock(Connection c, Dialect d) throws SQLException {
    try {
      return takeLock(c, d);
    } catch (LockTimeoutException e) { // operator: the message says it all; nothing was changed
      throw new MigrationException(StatementSink.clause(e.getMessage()) + ". Nothing was changed.", e);
    }
  }

  private RunLock takeLock(Connection c, Dialect d) throws SQLException {
    if (lease == null) {
      return d.open(c, lockWait)::close;
    }
    String url = lockConnections == null ? c.getMetaData().getURL() : null;
    LeaseLock.Held held = lease.acquire(lockConnections != null ? lockConnections : () -> DriverManager.getConnection(url),
        lockWait);
    if (d.locksPerRun()) {
      return new RunLock() {
        @Override
        public void close() throws SQLException {
          held.close();
        }

        @Override
        public boolean lost() {
          return held.lost();
        }
      };
    }
    try {
      Dialect.Session session = d.open(c, lockWait);
      return new RunLock() {
        @Override
        public void close() throws SQLException {
          try {
            session.close();
          } finally {
            held.close();
          }
        }

        @Override
        public boolean lost() {
          return held.lost();
        }
      };
    } catch (SQLException | RuntimeException e) {
      held.close();
      throw e;
    }
  }

  public List<Migration> migrations() {
    return migrations;
  }

  /** The highest version the code knows, 0 if none. */
  public int latestVersion() {
    return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
  }

  private Dialect dialect(Connection c) throws SQLException {
    return dialect != null ? dialect.forConnection(c) : Dialect.of(c);
  }

  /** Applies every pending migration, in order. */
  public List<AppliedMigration> migrate(Connection c) {
    return migrateTo(c, latestVersion(), false);
  }

  /**
   * Applies the pending migrations up to {@code target}, in order, and never reverts: a database
   * already at or past it is left as it is (Spring Boot's {@code jmigrate.target-version}).
   */
  public List<AppliedMigration> migrateUpTo(Connection c, int target) {
    return migrateTo(c, target, false);
  }

  /** Moves the database forward or back to {@code target} (0 reverts everything). */
  public List<AppliedMigration> migrateTo(Connection c, int target) {
    return migrateTo(c, target, true);
  }

  private List<AppliedMigration> migrateTo(Connection c, int target, boolean mayGoDown) {
    if (target != 0 && !byVersion.containsKey(target)) {
      throw new MigrationException("no migration has version " + target + "; known versions are 1 to " + latestVersion());
    }
    try {
      boolean autoCommit = c.getAutoCommit();
      if (!autoCommit) {
        c.setAutoCommit(true);
      }
      try {
        Dialect d = dialect(c);
        List<HistoryRow> rows = History.read(c, d);
        if (rows != null) {
          int current = check(rows);
          if ((current == target && !partlyAppliedAbove(rows, target)) || (current > target && !mayGoDown)) {
            return List.of(); // the up-to-date path: one query, nothing else
          }
        } else if (target > 0) {
          refuseTablesWithoutHistory(c, d);
        }
        List<Schema> folded = checkFingerprints(); // the schema after each migration, when checked now
        try (RunLock lock = lock(c, d);
            Progress progress = Progress.start(c, d, lockWait.reportEvery(), lockConnections); // operator: progress
            Dialect.Session limited = lockWaits.limit(c, d); // online: lock_timeout
            HistoryStatements history = new HistoryStatements(c, d)) { // prepared once per run
          if (rows == null) {
            History.create(c, d);
          }
          history.beforeReadingHistory(); // what another connection's commit after this changes (SQLite)
          // Again, under the lock: another process may have migrated. The table is there (found before the lock, or
          // created or found by create just now), so the rows are read without looking in the catalog first.
          rows = History.readExisting(c, d);
          int current = check(rows);
          if (current != target && !d.transactionalDdl()) {
            History.addProgressColumns(c, d); // a table of release 0.1 gets them before a step records progress
          }
          if (current > latestVersion() && mayGoDown) {
            throw new MigrationException("cannot migrate to version " + target + ": the database is at version " + current
                + ", which this build does not know (it knows 1 to " + latestVersion() + "). Migrate down with the"
                + " build that has version " + current + ". Nothing was changed.");
          }
          if (partlyAppliedAbove(rows, target)) {
            // Migrating below a migration that a stopped run left partly applied: its steps in effect go first.
            HistoryRow partial = partlyApplied(rows);
            Migration m = byVersion.get(partial.version());
            checkHeld(lock, m);
            List<AppliedMigration> done = new ArrayList<>();
            done.add(StepwiseMigration.revert(c, d, m, schemaAt(partial.version() - 1), partial));
            done.addAll(down(c, d, rows, current, target, lock, history));
            return done;
          }
          if (current > target) {
            history().refuseRevertingSquash(rows, target);
          }
          return current <= target ? up(c, d, rows, current, target, lock, history, folded)
              : down(c, d, rows, current, target, lock, history);
        }
      } finally {
        if (!autoCommit) {
          c.setAutoCommit(false);
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("could not read or lock " + History.TABLE + ": " + e.getMessage(), e);
    }
  }

  /** The row of a migration that a stopped run left partly applied (see {@link StepwiseMigration}), or null. */
  private static HistoryRow partlyApplied(List<HistoryRow> rows) {
    for (HistoryRow r : rows) { // a loop, not a stream: every run asks, twice
      if (r.inProgress()) {
        return r;
      }
    }
    return null;
  }

  private static boolean partlyAppliedAbove(List<HistoryRow> rows, int target) {
    HistoryRow partial = partlyApplied(rows);
    return partial != null && partial.version() > target;
  }

  /**
   * A database with tables and no history was made some other way; migrating it would fail on
   * "table already exists". The history is created before any table, so tables seen while it is
   * still absent are not another process's migration in progress.
   */
  private static void refuseTablesWithoutHistory(Connection c, Dialect d) throws SQLException {
    TreeSet<String> tables = SchemaValidator.liveTables(c, d);
    if (!tables.isEmpty() && History.kind(c, d) == null) {
      throw new MigrationException("this database has tables " + tables + " but no " + History.TABLE
          + ": jmigrate has never migrated it. If its schema matches one of the migrations, record that with"
          + " baseline <version> (Runtime.baseline; it validates the schema first), then migrate. Nothing was changed.");
    }
  }

  /**
   * The migrations against the fingerprints they were generated with ({@link FingerprintCheck}); once per
   * migrator. Returns the schema after each migration when it checked them now (the run then does not fold
   * them again), null when they were checked before (nothing is kept between runs).
   */
  List<Schema> checkFingerprints() {
    if (!fingerprintsChecked) {
      List<Schema> folded = FingerprintCheck.check(migrations);
      fingerprintsChecked = true;
      return folded;
    }
    return null;
  }

  /** Checks the history against the code ({@link HistoryCheck}) and returns the current version. */
  int check(List<HistoryRow> rows) {
    return history().check(rows);
  }

  private HistoryCheck history() {
    return new HistoryCheck(this, byVersion, squashedThrough);
  }

  private SqlPreview preview() {
    return new SqlPreview(this, byVersion);
  }

  /** Applies the migrations above {@code current} up to {@code target}; {@code folded}: the schema after each, or null. */
  private List<AppliedMigration> up(Connection c, Dialect d, List<HistoryRow> rows, int current, int target, RunLock lock,
      HistoryStatements history, List<Schema> folded) throws SQLException {
    HistoryRow partial = partlyApplied(rows);
    List<AppliedMigration> done = new ArrayList<>();
    Schema schema = Schema.empty();
    for (int i = 0; i < migrations.size(); i++) {
      Migration m = migrations.get(i);
      if (m.version() > target) {
        break;
      }
      Schema before = schema;
      schema = folded != null ? folded.get(i) : m.applyTo(before);
      if (m.version() <= current) {
        continue; // applied, as the history read under the lock says
      }
      checkHeld(lock, m);
      List<Operation> ops = m.up(); // once: the checks below and the transaction use the same steps
      // Where DDL commits by itself, each step commits with its progress, so that a stopped run resumes.
      boolean resume = partial != null && partial.version() == m.version();
      if (!resume) {
        StripGuard.check(c, d, m, ops, before); // nothing the models leave to the database is stripped
      }
      // online: a migration with online steps runs in parts, recorded as the steps are where DDL commits by itself.
      boolean split = !resume && StepwiseMigration.splits(d, ops, before);
      if (split) {
        History.addProgressColumns(c, d);
      }
      AppliedMigration applied;
      if (resume || split || !d.transactionalDdl()) {
        Progress.migrating(m); // reported while it runs long, as step() does
        try {
          applied = StepwiseMigration.apply(c, d, m, before, resume ? partial : null, lockWaits);
        } finally {
          Progress.finished();
        }
      } else {
        applied = stepRetrying(c, d, m, Direction.UP, ops, before, history);
      }
      if (applied != null) {
        done.add(applied);
      }
    }
    return done;
  }

  private List<AppliedMigration> down(Connection c, Dialect d, List<HistoryRow> rows, int current, int target,
      RunLock lock, HistoryStatements history) throws SQLException {
    // Work out every reverse before running one, so an irreversible step stops us up front.
    List<Schema> before = new ArrayList<>();
    Schema schema = Schema.empty();
    for (Migration m : migrations) {
      before.add(schema);
      schema = m.applyTo(schema);
    }
    List<AppliedMigration> done = new ArrayList<>();
    List<Integer> plan = new ArrayList<>();
    for (int i = migrations.size() - 1; i >= 0; i--) {
      Migration m = migrations.get(i);
      if (m.version() > target && m.version() <= current) {
        try {
          m.down(before.get(i));
        } catch (IrreversibleException e) {
          throw new MigrationException("cannot migrate down to version " + target + ": migration " + m
              + " is irreversible (" + e.getMessage() + "). Nothing was reverted.");
        }
        plan.add(i);
      }
    }
    for (int i : plan) {
      Migration m = migrations.get(i);
      checkHeld(lock, m);
      // Where DDL commits by itself, a derived down runs step by step with its progress, as up does.
      HistoryRow row = rows.stream().filter(r -> r.version() == m.version()).findFirst().orElse(null);
      AppliedMigration reverted = !d.transactionalDdl() && derivesDown(m) && row != null
          ? StepwiseMigration.revert(c, d, m, before.get(i), row)
          : stepRetrying(c, d, m, Direction.DOWN, m.down(before.get(i)), m.applyTo(before.get(i)), history);
      if (reverted != null) {
        done.add(reverted);
      }
    }
    return done;
  }

  /** Whether {@code m}'s down is the reverse of each of its steps (not written by hand). */
  private static boolean derivesDown(Migration m) {
    try {
      return m.getClass().getMethod("down", Schema.class).getDeclaringClass() == Migration.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /**
   * Applied and pending migrations, with every disagreement between the history and the code
   * marked; never refuses to list (only a database that cannot be read fails).
   */
  public Status status(Connection c) {
    try {
      Dialect d = dialect(c);
      List<HistoryRow> rows = History.read(c, d);
      TreeMap<Integer, HistoryRow> applied = new TreeMap<>();
      if (rows != null) {
        rows.forEach(r -> applied.put(r.version(), r));
      }
      int current = applied.isEmpty() ? 0 : applied.lastKey();
      TreeSet<Integer> versions = new TreeSet<>(applied.keySet());
      versions.addAll(byVersion.keySet());
      // status (operator): state, duration and the irreversible marker of each version
      Set<Integer> irreversible = irreversibleVersions();
      HistoryCheck history = history();
      List<Status.Entry> entries = new ArrayList<>();
      for (int v : versions) {
        HistoryRow r = applied.get(v);
        Migration m = byVersion.get(v);
        if (r == null) {
          entries.add(new Status.Entry(v, m.description(), Status.State.PENDING, null, -1, irreversible.contains(v),
              v < current ? HistoryCheck.gap(m, current) : null, null));
        } else {
          entries.add(r.inProgress()
              ? new Status.Entry(v, r.description(), Status.State.FAILED_PARTIAL, null, -1, irreversible.contains(v),
                  history.problem(r), m == null ? null : new Status.Progress(r.stepsDone(), m.up().size(), r.stepStarted()))
              : new Status.Entry(v, r.description(), r.success() ? Status.State.APPLIED : Status.State.FAILED_PARTIAL,
                  r.appliedAt(), r.executionMillis(), irreversible.contains(v), history.problem(r), null));
        }
      }
      return new Status(entries, latestVersion());
    } catch (SQLException e) {
      throw new MigrationException("could not read " + History.TABLE + ": " + e.getMessage(), e);
    }
  }

  /** The versions with a step that has no reverse (migrating below them is refused). */
  private Set<Integer> irreversibleVersions() {
    Set<Integer> out = new TreeSet<>();
    Schema schema = Schema.empty();
    for (Migration m : migrations) {
      try {
        m.down(schema);
      } catch (IrreversibleException e) {
        out.add(m.version());
      }
      schema = m.applyTo(schema);
    }
    return out;
  }

  /**
   * The SQL that migrating from {@code from} up to {@code to} runs, without a database: the same
   * statements and checks the dialect writes when migrating. Catalog reads (SQLite's triggers of a
   * rebuilt table) appear as comments; {@link #sql(Connection)} resolves them.
   */
  public List<String> sql(Dialect d, int from, int to) {
    preview().checkVersion(from);
    preview().checkVersion(to);
    try {
      return preview().render(d, from, to, new SqlRecorder(null), null);
    } catch (SQLException e) {
      throw new IllegalStateException("a recorder without a database does not fail", e);
    }
  }

  /**
   * The SQL that {@link #migrate} would run on this database now: its pending migrations, with
   * catalog reads answered by the database (exactly the statements migrating runs).
   */
  public List<String> sql(Connection c) {
    try {
      Dialect d = dialect(c);
      List<HistoryRow> rows = History.read(c, d);
      int current = rows == null ? 0 : check(rows);
      // never down (allowed ahead); a partly applied migration from after its steps done
      return preview().render(d, current, Math.max(current, latestVersion()), new SqlRecorder(c),
          rows == null ? null : partlyApplied(rows), c);
    } catch (SQLException e) {
      throw new MigrationException("could not read the database: " + e.getMessage(), e);
    }
  }

  // sql previews (operator): down from a version, from the live database's version to another.

  /**
   * The SQL that {@link #migrateTo} would run on this database now to reach {@code to}, up or down,
   * with catalog reads answered by the database.
   */
  public List<String> sql(Connection c, int to) {
    preview().checkVersion(to);
    try {
      Dialect d = dialect(c);
      List<HistoryRow> rows = History.read(c, d);
      int current = rows == null ? 0 : check(rows);
      if (current > latestVersion() && to < current) {
        throw new MigrationException("the database is at version " + current + ", which this build does not know"
            + " (it knows 1 to " + latestVersion() + "): preview with the build that has it");
      }
      return preview().render(d, current, to, new SqlRecorder(c), rows == null ? null : partlyApplied(rows), c);
    } catch (SQLException e) {
      throw new MigrationException("could not read the database: " + e.getMessage(), e);
    }
  }

  /** The schema the code expects at {@code version}. */
  public Schema schemaAt(int version) {
    Schema schema = Schema.empty();
    for (Migration m : migrations) {
      if (m.version() > version) {
        break;
      }
      schema = m.applyTo(schema);
    }
    return schema;
  }

  /** Compares the live schema with the one the applied migrations should have produced. */
  public Drift validate(Connection c) {
    try {
      Dialect d = dialect(c);
      List<HistoryRow> rows = History.read(c, d);
      int version = rows == null ? 0 : check(rows);
      return SchemaValidator.compare(c, d, version, schemaAt(version), unmanaged);
    } catch (SQLException e) {
      throw new MigrationException("could not read the database's catalog: " + e.getMessage(), e);
    }
  }

  /**
   * Records versions 1 to {@code version} as applied without running them, for a database whose
   * schema already matches that version (like Flyway's baseline or Django's --fake-initial). The
   * schema is validated first: a database that does not match is refused, with the drift.
   */
  public void baseline(Connection c, int version) {
    if (!byVersion.containsKey(version)) {
      throw new MigrationException("no migration has version " + version);
    }
    try {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      Dialect d = dialect(c);
      try (Dialect.Session session = lock(c, d)) {
        List<HistoryRow> rows = History.read(c, d);
        if (rows != null && !rows.isEmpty()) {
          throw new MigrationException("cannot baseline: " + History.TABLE + " already has "
              + rows.size() + " rows; baseline is for a database jmigrate has never migrated");
        }
        Drift drift = SchemaValidator.compare(c, d, version, schemaAt(version), unmanaged);
        if (!drift.isEmpty()) {
          String wayOut = drift.onlyNames()
              ? "Run the statements above, then baseline again"
              : drift.renames().isEmpty()
                  ? "Make the database match version " + version + " (or baseline at the version it matches)"
                  : "Make the database match version " + version + " (or baseline at the version it matches), run the"
                      + " statements above, then baseline again";
          throw new MigrationException("cannot baseline at version " + version + ": " + drift + wayOut
              + "; nothing was recorded.");
        }
        History.create(c, d);
        d.begin(c);
        boolean committed = false;
        try {
          for (Migration m : migrations) {
            if (m.version() <= version) {
              History.insert(c, d, m.version(), m.description(), m.checksum(), 0);
            }
          }
          d.commit(c);
          committed = true;
        } finally {
          if (!committed) {
            TransactionalStep.rollbackQuietly(c, d);
          }
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("baseline failed: " + e.getMessage(), e);
    }
  }
}
