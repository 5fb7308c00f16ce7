package io.jmigrate.engine;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.LockTimeoutException;
import io.jmigrate.dialect.LockWait;
import io.jmigrate.dialect.SqlRecorder;
import io.jmigrate.engine.AppliedMigration.Direction;
import io.jmigrate.migration.Checksum;
import io.jmigrate.migration.IrreversibleException;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.SquashedMigration;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import io.jmigrate.schema.TableDefinition;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
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
      Schema schema) {
    for (int attempt = 1; ; attempt++) {
      try {
        return step(c, d, m, direction, ops, schema);
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
      throw new MigrationException(e.getMessage() + ". Nothing was changed.", e);
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
        checkFingerprints();
        try (RunLock lock = lock(c, d);
            Progress progress = Progress.start(c, d, lockWait.reportEvery(), lockConnections); // operator: progress
            Dialect.Session limited = lockWaits.limit(c, d)) { // online: lock_timeout
          if (rows == null) {
            History.create(c, d);
          }
          rows = History.read(c, d); // again, under the lock: another process may have migrated
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
            done.addAll(down(c, d, rows, current, target, lock));
            return done;
          }
          if (current > target) {
            refuseRevertingSquash(rows, target);
          }
          return current <= target ? up(c, d, rows, current, target, lock) : down(c, d, rows, current, target, lock);
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
    return rows.stream().filter(HistoryRow::inProgress).findFirst().orElse(null);
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
   * Folds the schema through every migration and compares it with the fingerprint the generator
   * recorded in each (when it did): a hand edit of a generated migration that changes the schema
   * makes them differ, and the next generated diff would be wrong. Once per migrator.
   */
  void checkFingerprints() {
    if (fingerprintsChecked) {
      return;
    }
    Schema schema = Schema.empty();
    Map<TableDefinition, byte[]> seen = new IdentityHashMap<>(); // each table rendered once, not once per migration
    for (Migration m : migrations) {
      Schema before = schema;
      schema = m.applyTo(before);
      String recorded = m.schemaFingerprint();
      if (recorded == null) {
        continue;
      }
      String actual = SchemaFingerprint.of(schema, seen);
      if (!actual.equals(recorded)) {
        StringBuilder changes = new StringBuilder();
        Set<String> was = lines(before);
        Set<String> now = lines(schema);
        was.stream().filter(l -> !now.contains(l)).forEach(l -> changes.append("\n  - ").append(l));
        now.stream().filter(l -> !was.contains(l)).forEach(l -> changes.append("\n  + ").append(l));
        throw new MigrationException("migration " + m + " does not produce the schema it was generated for: it"
            + " records the schema fingerprint " + recorded + ", its operations give " + actual + ". It was edited"
            + " by hand in a way that changes the schema, so the snapshot and the migrations disagree. As it is"
            + " now, it changes (- removed, + added):" + (changes.length() == 0 ? " nothing" : changes.toString())
            + "\nNothing was applied. Restore the migration as generated (from git), and make schema changes in"
            + " the models so that the next build generates them.");
      }
    }
    fingerprintsChecked = true;
  }

  /** {@link SchemaFingerprint#canonicalText} lines, each qualified by its table so they can be compared as a set. */
  private static Set<String> lines(Schema schema) {
    Set<String> out = new LinkedHashSet<>();
    String table = "";
    for (String line : SchemaFingerprint.canonicalText(schema).split("\n")) {
      if (line.startsWith("table ")) {
        table = line.substring("table ".length());
        out.add(line);
      } else if (!line.isEmpty()) {
        out.add("table " + table + ": " + line.trim());
      }
    }
    return out;
  }

  private List<AppliedMigration> up(Connection c, Dialect d, List<HistoryRow> rows, int current, int target, RunLock lock)
      throws SQLException {
    HistoryRow partial = partlyApplied(rows);
    List<AppliedMigration> done = new ArrayList<>();
    Schema schema = Schema.empty();
    for (Migration m : migrations) {
      if (m.version() > target) {
        break;
      }
      Schema before = schema;
      schema = m.applyTo(before);
      if (m.version() <= current) {
        continue; // applied, as the history read under the lock says
      }
      checkHeld(lock, m);
      // Where DDL commits by itself, each step commits with its progress, so that a stopped run resumes.
      boolean resume = partial != null && partial.version() == m.version();
      if (!resume) {
        StripGuard.check(c, d, m, m.up(), before); // nothing the models leave to the database is stripped
      }
      // online: a migration with online steps runs in parts, recorded as the steps are where DDL commits by itself.
      boolean split = !resume && StepwiseMigration.splits(d, m, before);
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
        applied = stepRetrying(c, d, m, Direction.UP, m.up(), before);
      }
      if (applied != null) {
        done.add(applied);
      }
    }
    return done;
  }

  private List<AppliedMigration> down(Connection c, Dialect d, List<HistoryRow> rows, int current, int target,
      RunLock lock) throws SQLException {
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
          : stepRetrying(c, d, m, Direction.DOWN, m.down(before.get(i)), m.applyTo(before.get(i)));
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
   * Applies or reverts one migration in its own transaction, with its history row; returns null
   * when another process did it first (SQLite re-checks under each transaction's write lock).
   */
  private static AppliedMigration step(Connection c, Dialect d, Migration m, Direction direction,
      List<Operation> ops, Schema schema) {
    boolean up = direction == Direction.UP;
    long start = System.nanoTime();
    boolean committed = false;
    // Where DDL commits by itself, the steps that ran, each with the schema before it: a failure reverts them.
    List<Map.Entry<Operation, Schema>> ran = d.transactionalDdl() ? null : new ArrayList<>();
    try {
      d.begin(c);
      if (!d.locksPerRun() && History.has(c, d, m.version()) == up) {
        return null;
      }
      log().log(Level.INFO, up ? "applying {0}" : "reverting {0}", m);
      Progress.migrating(m); // operator: reported while it runs long
      long millis;
      try (StatementSink out = new StatementSink(c, d)) {
        Preflight.write(d, ops, schema, out); // every check that can run first, before any statement
        write(d, ops, schema, out, ran);
        // The server's clock starts at the transaction's first statement, after the time a Java step
        // spent before its own SQL: with a Java step, the time is measured here instead.
        if (out.batching() && !out.ranJava()) {
          // The history row rides in the same round trip; the server measures the time.
          out.execute(up ? History.insertSql(d, m.version(), m.description(), m.checksum())
              : History.deleteSql(d, m.version()));
          out.flush();
          millis = (System.nanoTime() - start) / 1_000_000;
        } else {
          out.flush();
          millis = (System.nanoTime() - start) / 1_000_000;
          if (up) {
            History.insert(c, d, m.version(), m.description(), m.checksum(), millis);
          } else {
            History.delete(c, d, m.version());
          }
        }
      }
      d.commit(c);
      committed = true;
      return new AppliedMigration(m.version(), m.description(), direction, millis);
    } catch (SQLException e) {
      String failed = (up ? "migration " : "reverting migration ") + m + " failed: " + e.getMessage() + ". ";
      if (ran == null) {
        throw new MigrationException(failed + "It was rolled back; " + History.TABLE + " is unchanged.", e);
      }
      rollbackQuietly(c, d);
      committed = true; // nothing left to roll back
      throw new MigrationException(failed + revert(c, d, m, ran), e);
    } finally {
      Progress.finished(); // operator
      if (!committed) {
        rollbackQuietly(c, d);
      }
    }
  }

  /** Writes a migration's operations, starting from {@code schema}, and the dialect's checks after them. */
  private static void write(Dialect d, List<Operation> ops, Schema schema, io.jmigrate.dialect.Sink out)
      throws SQLException {
    for (Operation op : ops) {
      d.write(op, schema, out);
      schema = op.applyTo(schema);
    }
    d.afterOperations(ops, out);
  }

  /** As {@link #write(Dialect, List, Schema, io.jmigrate.dialect.Sink)}; records each completed operation in {@code ran}, if given. */
  private static void write(Dialect d, List<Operation> ops, Schema schema, StatementSink out,
      List<Map.Entry<Operation, Schema>> ran) throws SQLException {
    for (Operation op : ops) {
      d.write(op, schema, out);
      if (ran != null) {
        out.flush();
        ran.add(Map.entry(op, schema));
      }
      schema = op.applyTo(schema);
    }
    d.afterOperations(ops, out);
  }

  /**
   * Undoes the steps of a failed migration down that already ran and committed (DDL auto-commits),
   * last first, through their reverse operations, so the database is back where it was. (Migrating
   * up where DDL commits by itself is {@link StepwiseMigration}'s.)
   * Returns what to tell the user: reverted, or exactly which steps ran and could not be undone.
   */
  private static String revert(Connection c, Dialect d, Migration m, List<Map.Entry<Operation, Schema>> ran) {
    if (ran.isEmpty()) {
      return "No step of it had run; " + History.TABLE + " is unchanged.";
    }
    for (int i = ran.size() - 1; i >= 0; i--) {
      Operation op = ran.get(i).getKey();
      Schema before = ran.get(i).getValue();
      try (StatementSink out = new StatementSink(c, d)) {
        Operation reverse = op.reverse(before);
        d.write(reverse, op.applyTo(before), out);
        out.flush();
      } catch (IrreversibleException | SQLException e) {
        return "Its steps 1 to " + ran.size() + " had run and committed (DDL commits by itself here); steps "
            + (i + 2 > ran.size() ? "none" : (i + 2) + " to " + ran.size()) + " were reverted, but step " + (i + 1)
            + " (" + op + ") could not be: " + e.getMessage() + ". The database is between this migration and the"
            + " one before it, and " + History.TABLE + " still records it as applied: bring the database to either"
            + " by hand (validate shows the difference) and make the history say which.";
      }
    }
    log().log(Level.INFO, "reverted the {0} step(s) of the failed migration that had run", ran.size());
    List<String> lost = new ArrayList<>();
    for (Map.Entry<Operation, Schema> step : ran) {
      String one = Losses.of(step.getKey(), step.getValue());
      if (one != null) {
        lost.add(one);
      }
    }
    if (!lost.isEmpty()) {
      return "The " + ran.size() + " step(s) of it that had run and committed were reverted, last first, so the schema"
          + " is as before and " + History.TABLE + " is unchanged, but not every value is back: " + String.join("; ", lost)
          + ". Restore those values from a backup taken before this run (or write them again).";
    }
    return "The " + ran.size() + " step(s) of it that had run (DDL commits by itself here) were reverted, last"
        + " first; " + History.TABLE + " is unchanged.";
  }

  /** Looked up only when there is something to say: logging set-up is not free at start-up. */
  private static System.Logger log() {
    return System.getLogger("io.jmigrate");
  }

  private static void rollbackQuietly(Connection c, Dialect d) {
    try {
      d.rollback(c);
    } catch (SQLException ignored) {
      // the transaction may never have started; the original failure is what matters
    }
  }

  /**
   * Checks the history against the code and returns the current version. Every mismatch is an
   * error that says what to do; none is skipped silently.
   */
  int check(List<HistoryRow> rows) {
    int current = 0;
    boolean ahead = false;
    HistoryRow partial = null;
    for (HistoryRow row : rows) {
      String problem = problem(row);
      if (problem != null && aheadAllowed && row.success() && !byVersion.containsKey(row.version())) {
        ahead = true; // allowed: the newer migrations are known to be compatible with this build
      } else if (problem != null) {
        throw new MigrationException(problem);
      }
      if (row.inProgress()) {
        partial = row; // not applied: the next migrate resumes it
      } else {
        current = Math.max(current, row.version());
      }
    }
    if (partial != null && partial.version() < current) {
      throw new MigrationException("the history records " + String.format("V%04d", partial.version()) + " as partly"
          + " applied, below the applied version " + current + ". Check the database by hand (validate), then"
          + " correct or delete that row of " + History.TABLE + " and migrate again.");
    }
    refuseBelowSquash(current);
    if (ahead) {
      log().log(Level.WARNING, "the database is at version {0}, ahead of this build (it knows 1 to {1});"
          + " starting anyway because running on a newer database is allowed", current, latestVersion());
    }
    Set<Integer> applied = new java.util.HashSet<>();
    for (HistoryRow row : rows) {
      applied.add(row.version());
    }
    for (Migration m : migrations) {
      if (m.version() < current && !applied.contains(m.version())) {
        throw new MigrationException(gap(m, current));
      }
    }
    return current;
  }

  // --- squash: a SquashedMigration replaces versions 1 to squashedThrough ---

  /** A database part-way through the replaced migrations cannot continue with this build. */
  private void refuseBelowSquash(int current) {
    if (current > 0 && current < squashedThrough) {
      throw new MigrationException("the database is at version " + current + ", but this build squashed versions 1 to "
          + squashedThrough + " into " + byVersion.get(squashedThrough) + " and no longer has the migrations from "
          + (current + 1) + " to " + squashedThrough + ". Migrate this database to version " + squashedThrough
          + " with a build from before the squash first, then migrate with this build. Nothing was changed.");
    }
  }

  /**
   * Reverting a squashed migration on a database that ran the migrations it replaces would leave
   * their history rows behind; only a database that ran the squashed migration itself can go below it.
   */
  private void refuseRevertingSquash(List<HistoryRow> rows, int target) {
    if (target < squashedThrough && !rows.isEmpty() && rows.get(0).version() < squashedThrough) {
      throw new MigrationException("cannot migrate down to version " + target + ": this database ran versions 1 to "
          + squashedThrough + " one by one, and this build has them only as the squashed " + byVersion.get(squashedThrough)
          + ". Migrate down with a build from before the squash. Nothing was reverted.");
    }
  }

  // --- end squash ---

  private static String gap(Migration m, int current) {
    return "migration " + m + " is pending but the later version " + current
        + " is already applied. Migrations must be applied in order: renumber " + m
        + " above " + current + " (see \"When two branches both add a migration\" in docs/troubleshooting.md..";
  }

  /** What is wrong with one history row, said so that the user knows what to do; null if nothing. */
  private String problem(HistoryRow row) {
    String version = String.format("V%04d", row.version());
    Migration m = byVersion.get(row.version());
    if (row.version() <= squashedThrough && row.success()) {
      return null; // squash: the squashed migration's row, or one of those it replaces, applied before the squash
    }
    if (m == null) {
      return "the database has migration " + version + " (" + row.description() + ") applied, which this build"
          + " does not know (it knows 1 to " + latestVersion() + "). The database is ahead of the code: deploy"
          + " the build that has it, or migrate down with that build first. If the newer migrations are known to"
          + " be compatible with this build (a rollback of the application only), start anyway with --allow-ahead"
          + " (Migrator.withAheadAllowed(true); Spring Boot: jmigrate.fail-on-ahead=false).";
    }
    if (row.inProgress()) {
      int done = row.stepsDone();
      List<Operation> order = ExecutionOrder.of(m, schemaAt(m.version() - 1), row); // the order its steps ran in
      if (done > order.size() || Checksum.of(order.subList(0, done)) != row.checksum()) {
        return "the history records " + version + " " + row.description() + " as partly applied (steps 1 to " + done
            + " in effect, their checksum " + row.storedChecksum() + "), but this build's " + m + " has "
            + (done > order.size() ? "only " + order.size() + " steps" : "other steps 1 to " + done + " (checksum "
                + Checksum.of(order.subList(0, done)) + ")") + ": it was changed after it was partly applied. Restore"
            + " its first " + done + " steps as they were (later steps may change), or undo them by hand and delete"
            + " that row, then migrate again.";
      }
      return null;
    }
    if (!row.success()) {
      return "the history records " + version + " " + row.description() + " as not completed (success is false):"
          + " its changes may be partial. Check the database by hand (validate), then delete that row from "
          + History.TABLE + " and migrate again.";
    }
    if (m.checksum() == row.checksum() && String.valueOf(row.checksum()).equals(row.storedChecksum())) {
      return null;
    }
    String stored = History.TABLE + " has checksum " + row.storedChecksum() + ", the code gives " + m.checksum();
    if (!m.description().equals(row.description())) {
      String renumbered = migrations.stream()
          .filter(o -> o.description().equals(row.description()) && o.checksum() == row.checksum())
          .map(o -> " This build has that migration as " + o + " (renumbered when the branches were merged).")
          .findFirst().orElse("");
      return "the database's " + version + " is a different migration from this build's: the database has "
          + version + " \"" + row.description() + "\" applied, this build has " + m + " (" + stored + "). Two"
          + " branches each added a " + version + " and this database ran the other one." + renumbered
          + " This build cannot revert a migration it does not have. On a development database: revert it with"
          + " the build that applied it (check out the commit before the merge, build, run migrate-to "
          + (row.version() - 1) + "), then come back and migrate with this build; or recreate the database."
          + " The status command lists every disagreement.";
    }
    return "migration " + m + " was changed after it was applied: " + stored + ". Restore the migration as it"
        + " was applied and put the change in a new migration (on a development database, you may instead"
        + " revert it with the build that applied it, migrate-to " + (row.version() - 1) + ", then migrate).";
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
      List<Status.Entry> entries = new ArrayList<>();
      for (int v : versions) {
        HistoryRow r = applied.get(v);
        Migration m = byVersion.get(v);
        if (r == null) {
          entries.add(new Status.Entry(v, m.description(), Status.State.PENDING, null, -1, irreversible.contains(v),
              v < current ? gap(m, current) : null, null));
        } else {
          entries.add(r.inProgress()
              ? new Status.Entry(v, r.description(), Status.State.FAILED_PARTIAL, null, -1, irreversible.contains(v),
                  problem(r), m == null ? null : new Status.Progress(r.stepsDone(), m.up().size(), r.stepStarted()))
              : new Status.Entry(v, r.description(), r.success() ? Status.State.APPLIED : Status.State.FAILED_PARTIAL,
                  r.appliedAt(), r.executionMillis(), irreversible.contains(v), problem(r), null));
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
    checkPreviewVersion(from);
    checkPreviewVersion(to);
    try {
      return render(d, from, to, new SqlRecorder(null), null);
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
      return render(d, current, Math.max(current, latestVersion()), new SqlRecorder(c),
          rows == null ? null : partlyApplied(rows));
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
    checkPreviewVersion(to);
    try {
      Dialect d = dialect(c);
      List<HistoryRow> rows = History.read(c, d);
      int current = rows == null ? 0 : check(rows);
      if (current > latestVersion() && to < current) {
        throw new MigrationException("the database is at version " + current + ", which this build does not know"
            + " (it knows 1 to " + latestVersion() + "): preview with the build that has it");
      }
      return render(d, current, to, new SqlRecorder(c), rows == null ? null : partlyApplied(rows));
    } catch (SQLException e) {
      throw new MigrationException("could not read the database: " + e.getMessage(), e);
    }
  }

  private void checkPreviewVersion(int version) {
    if (version != 0 && !byVersion.containsKey(version)) {
      throw new MigrationException("no migration has version " + version + "; this build knows "
          + (migrations.isEmpty() ? "none" : "1 to " + latestVersion()) + " (0 is the empty database)");
    }
  }

  /** Migrating down from {@code from} to {@code to}: each migration's reverse, newest first, as {@link #down} runs them. */
  private List<String> renderDown(Dialect d, int from, int to, SqlRecorder recorder) throws SQLException {
    List<Schema> before = new ArrayList<>();
    Schema schema = Schema.empty();
    for (Migration m : migrations) {
      before.add(schema);
      schema = m.applyTo(schema);
    }
    for (int i = migrations.size() - 1; i >= 0; i--) {
      Migration m = migrations.get(i);
      if (m.version() > to && m.version() <= from) {
        List<Operation> reverse;
        try {
          reverse = m.down(before.get(i));
        } catch (IrreversibleException e) {
          throw new MigrationException("cannot migrate down from version " + from + " to " + to + ": migration " + m
              + " is irreversible (" + e.getMessage() + ")");
        }
        recorder.comment("revert " + m);
        write(d, reverse, m.applyTo(before.get(i)), recorder);
      }
    }
    return terminated(recorder);
  }

  private static List<String> terminated(SqlRecorder recorder) {
    List<String> out = new ArrayList<>();
    for (String line : recorder.lines()) {
      out.add(line.startsWith("--") ? line : line + ";");
    }
    return out;
  }
  // end of sql previews (operator)

  /** The statements from {@code from} to {@code to}; a {@code partial} migration's from after its steps done. */
  private List<String> render(Dialect d, int from, int to, SqlRecorder recorder, HistoryRow partial) throws SQLException {
    if (from > to) {
      return renderDown(d, from, to, recorder);
    }
    List<String> out = new ArrayList<>();
    Schema schema = Schema.empty();
    for (Migration m : migrations) {
      if (m.version() > to) {
        break;
      }
      if (m.version() <= from) {
        schema = m.applyTo(schema);
        continue;
      }
      int done = partial != null && partial.version() == m.version() ? partial.stepsDone() : 0;
      recorder.comment(m + (done == 0 ? "" : " (partly applied: resumed after step " + done
          + (partial.stepStarted() == null ? "" : "; step " + partial.stepStarted() + " is first checked against the catalog")
          + ")"));
      if (done > 0 || StepwiseMigration.splits(d, m, schema) || !d.transactionalDdl()) {
        // Step by step, in the order that runs what cannot be undone last (online: the parts, marked).
        List<Operation> order = ExecutionOrder.of(m, schema, done > 0 ? partial : null);
        writeSplit(d, order, schema, recorder, Math.min(done, order.size()));
      } else {
        Preflight.write(d, m.up(), schema, recorder);
        write(d, m.up(), schema, recorder);
      }
      schema = m.applyTo(schema);
    }
    for (String line : recorder.lines()) {
      out.add(line.startsWith("--") ? line : line + ";");
    }
    return out;
  }

  /** online: the preview of a split migration, each online step marked as running outside a transaction. */
  private static void writeSplit(Dialect d, List<Operation> ops, Schema schema, SqlRecorder recorder, int done)
      throws SQLException {
    boolean wasOnline = false;
    Schema atStart = schema;
    for (Operation op : ops.subList(0, done)) {
      schema = op.applyTo(schema);
    }
    Preflight.write(d, ops.subList(done, ops.size()), schema, recorder);
    for (Operation op : ops.subList(done, ops.size())) {
      boolean online = StepwiseMigration.online(d, op, schema, atStart);
      if (online) {
        recorder.comment("online, outside the transaction (each statement commits by itself): " + op);
      } else if (wasOnline) {
        recorder.comment("in one transaction again");
      }
      recorder.outsideTransaction(online);
      d.write(op, schema, recorder);
      schema = op.applyTo(schema);
      wasOnline = online;
    }
    recorder.outsideTransaction(false);
    d.afterOperations(ops, recorder);
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
            rollbackQuietly(c, d);
          }
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("baseline failed: " + e.getMessage(), e);
    }
  }
}
