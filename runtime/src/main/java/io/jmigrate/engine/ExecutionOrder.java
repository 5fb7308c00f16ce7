package io.jmigrate.engine;

import io.jmigrate.migration.Checksum;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a migration's steps run where they commit one by one (step by step on
 * MariaDB/MySQL and H2, the parts of a split migration on PostgreSQL): the steps whose effect on the
 * data no reverse can undo run after every other step, so that a step that fails finds them not yet
 * run. Those are, last of all, dropping a column or a table (their values are gone; the reverse
 * re-creates them empty), and before them a column made NOT NULL whose NULLs are filled with the
 * default (the reverse makes it nullable again, the values stay filled). A step moves past a later
 * one only when their {@link Footprint}s do not overlap, so the result is the same as in the
 * written order; hand-written SQL and Java steps touch everything, so nothing moves past them. Where
 * the whole migration is one transaction, it runs in the written order (a rollback undoes all).
 *
 * <p>A migration's progress in {@code jmigrate_history} counts steps in this order (the checksum of
 * the steps done is that of this order's first steps).
 */
final class ExecutionOrder {
  private ExecutionOrder() {}

  /** {@code m}'s steps in the order they run step by step, from the schema {@code before} it. */
  static List<Operation> of(Migration m, Schema before) {
    return of(m.up(), before);
  }

  /** {@code ops} in the order they run step by step. */
  static List<Operation> of(List<Operation> ops, Schema before) {
    int n = ops.size();
    List<Operation> order = new ArrayList<>(ops);
    List<Footprint> prints = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    Schema s = before;
    try {
      for (Operation op : ops) {
        prints.add(Footprint.of(op, s));
        ranks.add(rank(op, s));
        s = op.applyTo(s);
      }
    } catch (RuntimeException e) {
      return ops; // the written order fails anyway; let it fail where it is written
    }
    Schema after = s;
    // From the end: each step that cannot be undone moves right past the steps of a lower rank it commutes with.
    for (int i = n - 1; i >= 0; i--) {
      for (int j = i; j + 1 < n && ranks.get(j + 1) < ranks.get(j) && !prints.get(j).overlaps(prints.get(j + 1)); j++) {
        swap(order, j);
        swap(prints, j);
        swap(ranks, j);
      }
    }
    if (order.equals(ops)) {
      return ops;
    }
    try {
      Schema t = before;
      for (Operation op : order) {
        t = op.applyTo(t);
      }
      return SchemaFingerprint.of(t).equals(SchemaFingerprint.of(after)) ? List.copyOf(order) : ops;
    } catch (RuntimeException e) {
      return ops;
    }
  }

  /**
   * The order of a migration that a stopped run left partly applied: this one, or the written one
   * when its steps done match that order and not this one (a run by a release that ran the steps in
   * the written order).
   */
  static List<Operation> of(Migration m, Schema before, HistoryRow row) {
    List<Operation> written = m.up();
    List<Operation> order = of(written, before);
    if (row == null || !row.inProgress() || order == written) {
      return order;
    }
    int done = Math.min(row.stepsDone(), order.size());
    return Checksum.of(order.subList(0, done)) != row.checksum()
        && Checksum.of(written.subList(0, done)) == row.checksum() ? written : order;
  }

  /** 2: drops a column or table; 1: fills a column's NULLs; 0: anything else. */
  static int rank(Operation op, Schema before) {
    if (op instanceof DropColumn || op instanceof DropTable) {
      return 2;
    }
    return fills(op, before) ? 1 : 0;
  }

  /** Whether {@code op} makes a nullable column NOT NULL and fills its NULLs with the default. */
  static boolean fills(Operation op, Schema before) {
    if (!(op instanceof AlterColumn a)) {
      return false;
    }
    ColumnDefinition old = before.find(a.table()).flatMap(t -> t.column(a.column().name())).orElse(null);
    return old != null && old.nullable() && !a.column().nullable() && a.column().hasDefault();
  }

  private static <T> void swap(List<T> list, int j) {
    T x = list.get(j);
    list.set(j, list.get(j + 1));
    list.set(j + 1, x);
  }
}
