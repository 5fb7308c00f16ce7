package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.engine.AppliedMigration.Direction;
import io.jmigrate.migration.IrreversibleException;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.RunJava;
import io.jmigrate.schema.Schema;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies and reverts migrations on one connection. Each migration runs in its own
 * transaction together with its {@code jmigrate_history} row, so it is applied whole or not at
 * all. Before anything runs, the history is checked against the code (checksums, unknown
 * versions, gaps); an up-to-date database costs one query.
 */
public final class Migrator {

  private final List<Migration> migrations;
  private final Map<Integer, Migration> byVersion = new HashMap<>();

  public Migrator(List<Migration> migrations) {
    TreeMap<Integer, Migration> sorted = new TreeMap<>();
    for (Migration m : migrations) {
      sorted.putIfAbsent(m.version(), m);
      Migration other = byVersion.put(m.version(), m);
      if (other != null && other != m) {
        throw new MigrationException("two migrations have version " + m.version() + ": "
            + other.getClass().getName() + " and " + m.getClass().getName()
            + ". Two branches each added one; see \"When two branches both add a migration\" in the README.");
      }
    }
    this.migrations = List.copyOf(sorted.values());
  }

  public List<Migration> migrations() {
    return migrations;
  }

  /** The highest version the code knows, 0 if none. */
  public int latestVersion() {
    return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
  }

  /** Applies every pending migration, in order. */
  public List<AppliedMigration> migrate(Connection c) {
    return migrateTo(c, latestVersion(), false);
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
        List<HistoryRow> rows = History.read(c);
        if (rows != null) {
          int current = check(rows);
          if (current == target || (current > target && !mayGoDown)) {
            return List.of();
          }
        }
        Dialect dialect = Dialect.of(c);
        try (Dialect.Session session = dialect.open(c)) {
          if (rows == null) {
            History.create(c, dialect);
          }
          rows = History.read(c); // again, under the lock: another process may have migrated
          int current = check(rows);
          return current <= target ? up(c, dialect, current, target) : down(c, dialect, current, target);
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

  private List<AppliedMigration> up(Connection c, Dialect dialect, int current, int target) throws SQLException {
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
      AppliedMigration applied = step(c, dialect, m, Direction.UP, m.up(), before);
      if (applied != null) {
        done.add(applied);
      }
    }
    return done;
  }

  private List<AppliedMigration> down(Connection c, Dialect dialect, int current, int target) throws SQLException {
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
      AppliedMigration reverted = step(c, dialect, m, Direction.DOWN, m.down(before.get(i)), m.applyTo(before.get(i)));
      if (reverted != null) {
        done.add(reverted);
      }
    }
    return done;
  }

  /**
   * Applies or reverts one migration in its own transaction, with its history row; returns null
   * when another process did it first (SQLite re-checks under each transaction's write lock).
   */
  private static AppliedMigration step(Connection c, Dialect dialect, Migration m, Direction direction,
      List<Operation> ops, Schema schema) {
    boolean up = direction == Direction.UP;
    long start = System.nanoTime();
    boolean committed = false;
    try {
      dialect.begin(c);
      if (!dialect.locksPerRun() && History.has(c, m.version()) == up) {
        return null;
      }
      log().log(Level.INFO, up ? "applying {0}" : "reverting {0}", m);
      long millis;
      try (StatementSink out = new StatementSink(c, dialect.batchesStatements())) {
        run(c, dialect, ops, schema, out);
        // The server's clock starts at the transaction's first statement, which comes after the time a
        // Java step spends before its own SQL: with Java steps, the time is measured here instead.
        if (out.batching() && ops.stream().noneMatch(op -> op instanceof RunJava)) {
          // The history row rides in the same round trip; the server measures the time.
          out.add(up ? History.insertSql(dialect, m.version(), m.description(), m.checksum()) : History.deleteSql(m.version()));
          out.flush();
          dialect.verify(c, ops);
          millis = (System.nanoTime() - start) / 1_000_000;
        } else {
          out.flush();
          dialect.verify(c, ops);
          millis = (System.nanoTime() - start) / 1_000_000;
          if (up) {
            History.insert(c, m.version(), m.description(), m.checksum(), millis);
          } else {
            History.delete(c, m.version());
          }
        }
      }
      dialect.commit(c);
      committed = true;
      return new AppliedMigration(m.version(), m.description(), direction, millis);
    } catch (SQLException e) {
      throw new MigrationException((up ? "migration " : "reverting migration ") + m + " failed: " + e.getMessage()
          + ". It was rolled back; " + History.TABLE + " is unchanged.", e);
    } finally {
      if (!committed) {
        rollbackQuietly(c, dialect);
      }
    }
  }

  /** Runs operations starting from {@code schema}, naming the statement that fails. */
  private static void run(Connection c, Dialect dialect, List<Operation> ops, Schema schema, StatementSink out)
      throws SQLException {
    for (Operation op : ops) {
      if (op instanceof RunJava java) {
        out.flush();
        try {
          java.step().run(c);
        } catch (SQLException e) {
          throw new SQLException("in Java step \"" + java.description() + "\": " + e.getMessage(), e);
        }
      } else {
        dialect.execute(op, schema, c, out::add);
      }
      schema = op.applyTo(schema);
    }
  }

  /** Looked up only when there is something to say: logging set-up is not free at start-up. */
  private static System.Logger log() {
    return System.getLogger("io.jmigrate");
  }

  private static void rollbackQuietly(Connection c, Dialect dialect) {
    try {
      dialect.rollback(c);
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
    for (HistoryRow row : rows) {
      Migration m = byVersion.get(row.version());
      if (m == null) {
        throw new MigrationException("the database has migration " + String.format("V%04d", row.version())
            + " (" + row.description() + ") applied, which this build does not know (it knows 1 to "
            + latestVersion() + "). The database is ahead of the code: deploy the build that has it, "
            + "or migrate down with that build first.");
      }
      if (m.checksum() != row.checksum()) {
        throw new MigrationException("migration " + m + " was changed after it was applied: "
            + History.TABLE + " has checksum " + row.checksum() + ", the code gives " + m.checksum()
            + ". Restore the migration as it was applied and put the change in a new migration "
            + "(or, on a development database, migrate down below it first).");
      }
      current = Math.max(current, row.version());
    }
    Set<Integer> applied = new HashSet<>();
    for (HistoryRow row : rows) {
      applied.add(row.version());
    }
    for (Migration m : migrations) {
      if (m.version() < current && !applied.contains(m.version())) {
        throw new MigrationException("migration " + m + " is pending but the later version " + current
            + " is already applied. Migrations must be applied in order: renumber " + m
            + " above " + current + " (see \"When two branches both add a migration\" in the README).");
      }
    }
    return current;
  }

  /** Applied and pending migrations. */
  public Status status(Connection c) {
    try {
      List<HistoryRow> rows = History.read(c);
      Map<Integer, HistoryRow> applied = new HashMap<>();
      if (rows != null) {
        check(rows);
        rows.forEach(r -> applied.put(r.version(), r));
      }
      List<Status.Entry> entries = new ArrayList<>();
      for (Migration m : migrations) {
        HistoryRow r = applied.get(m.version());
        entries.add(new Status.Entry(m.version(), m.description(), r == null ? null : r.appliedAt()));
      }
      return new Status(entries);
    } catch (SQLException e) {
      throw new MigrationException("could not read " + History.TABLE + ": " + e.getMessage(), e);
    }
  }

  /** The SQL that migrating from {@code from} up to {@code to} would run, without a database. */
  public List<String> sql(Dialect dialect, int from, int to) {
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
      out.add("-- " + m);
      for (Operation op : m.up()) {
        for (String s : dialect.statements(op, schema)) {
          out.add(s + ";");
        }
        schema = op.applyTo(schema);
      }
    }
    return out;
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
      List<HistoryRow> rows = History.read(c);
      int version = rows == null ? 0 : check(rows);
      return new Drift(version, SchemaValidator.compare(c, schemaAt(version)));
    } catch (SQLException e) {
      throw new MigrationException("could not read the database's catalog: " + e.getMessage(), e);
    }
  }

  /**
   * Records versions 1 to {@code version} as applied without running them, for a database whose
   * schema already matches that version (like Flyway's baseline or Django's --fake-initial).
   */
  public void baseline(Connection c, int version) {
    if (!byVersion.containsKey(version)) {
      throw new MigrationException("no migration has version " + version);
    }
    try {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      Dialect dialect = Dialect.of(c);
      try (Dialect.Session session = dialect.open(c)) {
        History.create(c, dialect);
        List<HistoryRow> rows = History.read(c);
        if (!rows.isEmpty()) {
          throw new MigrationException("cannot baseline: " + History.TABLE + " already has "
              + rows.size() + " rows; baseline is for a database jmigrate has never migrated");
        }
        dialect.begin(c);
        boolean committed = false;
        try {
          for (Migration m : migrations) {
            if (m.version() <= version) {
              History.insert(c, m.version(), m.description(), m.checksum(), 0);
            }
          }
          dialect.commit(c);
          committed = true;
        } finally {
          if (!committed) {
            rollbackQuietly(c, dialect);
          }
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("baseline failed: " + e.getMessage(), e);
    }
  }
}
