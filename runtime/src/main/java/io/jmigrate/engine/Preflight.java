package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.Sink;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.schema.Schema;
import java.sql.SQLException;
import java.util.List;

/**
 * The pre-flight of a migration: before its first statement, the checks of every step that can be
 * checked on the data as it is then ({@link Dialect#preflight}: duplicates under a new unique index
 * or key, orphans under a new foreign key, NULLs under a NOT NULL without a fill, values that do not
 * fit a narrowing). A step is checked up front when no earlier step of the migration overlaps it
 * ({@link Footprint}): its table and columns hold, when the migration starts, the values they hold
 * when the step runs. A hand-written SQL or Java step may change any data, so the steps after it are
 * checked where they run (the step's own check or statement still fails there, as before).
 */
final class Preflight {
  private Preflight() {}

  /** Writes the checks of {@code ops} (run from {@code schema}) that can run before all of them. */
  static void write(Dialect d, List<Operation> ops, Schema schema, Sink out) throws SQLException {
    Footprint.Union earlier = new Footprint.Union(); // the earlier steps' footprints, as one
    Schema s = schema;
    for (int i = 0, last = ops.size() - 1; i <= last; i++) {
      Operation op = ops.get(i);
      if (i == last && earlier.isEmpty()) { // nothing before it to overlap (a migration's only step): no names kept
        if (!Footprint.everything(op, s)) {
          d.preflight(op, s, out);
        }
        return;
      }
      Footprint print = Footprint.of(op, s);
      if (print.everything()) {
        return;
      }
      if (!earlier.overlaps(print)) {
        d.preflight(op, s, out);
      }
      if (i == last) {
        return; // no step after it: the schema after it is not needed (most migrations have one step)
      }
      if (!(op instanceof DropForeignKey)) { // drops a rule, changes no value: later checks read the same data
        earlier.add(print);
      }
      s = op.applyTo(s);
    }
  }
}
