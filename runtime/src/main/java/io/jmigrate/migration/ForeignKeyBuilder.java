package io.jmigrate.migration;

import io.jmigrate.schema.ForeignKeyDefinition;
import java.util.List;

/**
 * The fluent form of a foreign key that generated migrations use, so a reviewer reads which
 * side is which: {@code foreignKey("fk_address_user_id").columns("user_id").references("user", "id")}.
 * It builds the same {@link ForeignKeyDefinition} value as the positional form.
 */
public final class ForeignKeyBuilder {
  private final String name;
  private final List<String> columns;

  ForeignKeyBuilder(String name, List<String> columns) {
    this.name = name;
    this.columns = columns;
  }

  /** The referencing columns of this table. */
  public ForeignKeyBuilder columns(String... columns) {
    return new ForeignKeyBuilder(name, List.of(columns));
  }

  /** The referenced table and its key columns, one for each referencing column. */
  public ForeignKeyDefinition references(String refTable, String... refColumns) {
    return new ForeignKeyDefinition(name, columns, refTable, List.of(refColumns), null, null);
  }
}
