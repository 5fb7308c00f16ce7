package io.jmigrate.processor.diff;

import io.jmigrate.migration.Operation;
import io.jmigrate.schema.Schema;
import java.util.List;

/**
 * The cost of each operation on one dialect, as that dialect runs it (the SQL of
 * {@code io.jmigrate.internal.dialect}), grounded in the database's own documentation. One class per
 * dialect, each an {@link io.jmigrate.migration.OperationVisitor}, so a new operation does not
 * compile until every dialect says what it costs.
 */
interface DialectCosts {
  /** The dialect's {@code name()}. */
  String dialect();

  /** How the message names the database. */
  String displayName();

  /** What {@code op} costs when run on a database whose schema is {@code before}. */
  Cost cost(Operation op, Schema before);

  /** The dialects the check knows: H2 is a test database, and gets none. */
  static List<DialectCosts> all() {
    return List.of(new PostgresCosts(), new MariaDbCosts(), new SqliteCosts());
  }
}
