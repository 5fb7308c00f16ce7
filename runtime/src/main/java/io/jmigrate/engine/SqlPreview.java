package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.SqlRecorder;
import io.jmigrate.migration.IrreversibleException;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.Schema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code sql} preview: the statements and checks migrating between two versions writes, through the
 * same dialect code as the run (into a {@link SqlRecorder}), so the preview is what runs.
 */
final class SqlPreview {
  private final Migrator migrator;
  private final List<Migration> migrations;
  private final Map<Integer, Migration> byVersion;

  SqlPreview(Migrator migrator, Map<Integer, Migration> byVersion) {
    this.migrator = migrator;
    this.migrations = migrator.migrations();
    this.byVersion = byVersion;
  }

  void checkVersion(int version) {
    if (version != 0 && !byVersion.containsKey(version)) {
      throw new MigrationException("no migration has version " + version + "; this build knows "
          + (migrations.isEmpty() ? "none" : "1 to " + migrator.latestVersion()) + " (0 is the empty database)");
    }
  }

  /** Migrating down from {@code from} to {@code to}: each migration's reverse, newest first, as migrating down runs them. */
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
        TransactionalStep.write(d, reverse, m.applyTo(before.get(i)), recorder);
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
  List<String> render(Dialect d, int from, int to, SqlRecorder recorder, HistoryRow partial) throws SQLException {
    return render(d, from, to, recorder, partial, null);
  }

  /**
   * As {@link #render(Dialect, int, int, SqlRecorder, HistoryRow)}; with the {@code live} database, the migration
   * that migrating would refuse before its first statement ({@link StripGuard}: an online form on a partitioned table,
   * a kept attribute stripped) is marked with the refusal, at its first pending migration as migrating checks it then.
   */
  List<String> render(Dialect d, int from, int to, SqlRecorder recorder, HistoryRow partial, java.sql.Connection live)
      throws SQLException {
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
      if (live != null && done == 0) {
        try {
          StripGuard.check(live, d, m, m.up(), schema);
        } catch (MigrationException refused) {
          recorder.comment("migrate refuses this migration before its first statement: " + refused.getMessage());
        }
      }
      if (done > 0 || StepwiseMigration.splits(d, m, schema) || !d.transactionalDdl()) {
        // Step by step, in the order that runs what cannot be undone last (online: the parts, marked).
        List<Operation> order = ExecutionOrder.of(m, schema, done > 0 ? partial : null);
        writeSplit(d, order, schema, recorder, Math.min(done, order.size()));
      } else {
        Preflight.write(d, m.up(), schema, recorder);
        TransactionalStep.write(d, m.up(), schema, recorder);
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
}
