package io.jmigrate.dialect;

import io.jmigrate.migration.Operation;
import io.jmigrate.schema.Schema;

/**
 * What each operation costs on a dialect's database, as that dialect runs it: what the build's
 * online check warns about when a migration is written ({@link Dialect#costs()}). It sits next to
 * the SQL it prices, so the two cannot drift apart.
 */
public interface Costs {
  /** How a message names the database ({@code PostgreSQL}). */
  String displayName();

  /** What {@code op} costs when run on a database whose schema is {@code before}. */
  Cost cost(Operation op, Schema before);

  /**
   * The table this operation rebuilds, copying every row into a new table in the migration's
   * transaction (SQLite's documented procedure for what its ALTER TABLE cannot do), or null: the
   * generated migration notes it beside the step for the reviewer.
   */
  default String rebuilds(Operation op, Schema before) {
    return null;
  }
}
