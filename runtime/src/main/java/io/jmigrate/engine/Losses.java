package io.jmigrate.engine;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * What reverting steps that ran does not give back, said so that a failure message never claims the
 * previous version where values are gone: a dropped column or table is re-created empty, a column's
 * NULLs given its default keep the default.
 */
final class Losses {
  private Losses() {}

  /** For steps {@code ran} (step i ran on {@code schemas.get(i)}), the values their reverses do not restore; "" if none. */
  static String of(List<Operation> ran, List<Schema> schemas) {
    List<String> lost = new ArrayList<>();
    for (int i = 0; i < ran.size(); i++) {
      String one = of(ran.get(i), schemas.get(i));
      if (one != null) {
        lost.add(one);
      }
    }
    return lost.isEmpty() ? "" : String.join("; ", lost) + ".";
  }

  /** What reverting {@code op} (run on {@code before}) does not give back, or null. */
  static String of(Operation op, Schema before) {
    if (op instanceof DropColumn drop) {
      return "column " + drop.table() + "." + drop.column() + " was dropped with its values and re-created empty"
          + " (NULL or its default in every row)";
    }
    if (op instanceof DropTable drop) {
      return "table " + drop.table() + " was dropped with its rows and re-created empty";
    }
    if (op instanceof AlterColumn alter && ExecutionOrder.fills(op, before)) {
      return "the NULLs of " + alter.table() + "." + alter.column().name() + " were given its default, which they"
          + " keep";
    }
    return null;
  }
}
