package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.engine.AppliedMigration.Direction;
import io.jmigrate.migration.IrreversibleException;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.Schema;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One migration applied or reverted in its own transaction with its history row; where DDL commits by
 * itself, the steps that ran are reverted when a later one fails. (Step by step with progress in the
 * history is {@link StepwiseMigration}'s.)
 */
final class TransactionalStep {
  private TransactionalStep() {}

  /**
   * Applies or reverts one migration in its own transaction, with its history row; returns null
   * when another process did it first (SQLite re-checks under each transaction's write lock, once
   * another connection has committed since the run read the history: {@link HistoryStatements}).
   */
  static AppliedMigration step(Connection c, Dialect d, Migration m, Direction direction,
      List<Operation> ops, Schema schema, HistoryStatements history) {
    boolean up = direction == Direction.UP;
    long start = System.nanoTime();
    boolean committed = false;
    // Where DDL commits by itself, the steps that ran, each with the schema before it: a failure reverts them.
    List<Map.Entry<Operation, Schema>> ran = d.transactionalDdl() ? null : new ArrayList<>();
    try {
      d.begin(c);
      if (!d.locksPerRun() && history.othersMayHaveWritten() && history.has(m.version()) == up) {
        return null;
      }
      System.Logger log = log();
      if (log.isLoggable(Level.INFO)) { // not even the call's array where INFO is off
        log.log(Level.INFO, up ? "applying {0}" : "reverting {0}", m);
      }
      Progress.migrating(m); // operator: reported while it runs long
      long millis;
      try (StatementSink out = new StatementSink(c, d)) {
        Preflight.write(d, ops, schema, out); // every check that can run first, before any statement
        write(d, ops, schema, out, ran);
        // The server's clock starts at the transaction's first statement, after the time a Java step
        // spent before its own SQL: with a Java step, the time is measured here instead.
        if (out.batching() && !out.ranJava()) {
          // The history row rides in the same round trip; the server measures the time.
          out.execute(up ? history.insertSql(m.version(), m.description(), m.checksum())
              : History.deleteSql(d, m.version()));
          out.flush();
          millis = (System.nanoTime() - start) / 1_000_000;
        } else {
          out.flush();
          millis = (System.nanoTime() - start) / 1_000_000;
          if (up) {
            history.insert(m.version(), m.description(), m.checksum(), millis);
          } else {
            History.delete(c, d, m.version());
          }
        }
      }
      d.commit(c);
      committed = true;
      return new AppliedMigration(m.version(), m.description(), direction, millis);
    } catch (SQLException e) {
      String failed = (up ? "migration " : "reverting migration ") + m + " failed: " + StatementSink.clause(e.getMessage())
          + ". " + (up ? MissingTypes.hint(ops, e.getMessage()) : "");
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
  static void write(Dialect d, List<Operation> ops, Schema schema, io.jmigrate.dialect.Sink out)
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
    for (int i = 0, last = ops.size() - 1; i <= last; i++) {
      Operation op = ops.get(i);
      d.write(op, schema, out);
      if (ran != null) {
        out.flush();
        ran.add(Map.entry(op, schema));
      }
      if (i < last) { // the schema after the last step is not needed here (the run folded it already)
        schema = op.applyTo(schema);
      }
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
            + " (" + op + ") could not be: " + StatementSink.clause(e.getMessage()) + ". The database is between this migration and the"
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

  /**
   * Looked up only when there is something to say (logging set-up is not free at start-up), then
   * kept: this runs once per migration.
   */
  static System.Logger log() {
    return Log.LOGGER;
  }

  /** Initialised at the first {@link #log()}. */
  private static final class Log {
    static final System.Logger LOGGER = System.getLogger("io.jmigrate");
  }

  static void rollbackQuietly(Connection c, Dialect d) {
    try {
      d.rollback(c);
    } catch (SQLException ignored) {
      // the transaction may never have started; the original failure is what matters
    }
  }
}
