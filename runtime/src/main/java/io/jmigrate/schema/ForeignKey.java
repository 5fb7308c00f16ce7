package io.jmigrate.schema;

import io.jmigrate.ForeignKey.Action;
import java.util.List;
import java.util.Objects;

/** A named foreign key of one table. */
public record ForeignKey(
    String name,
    List<String> columns,
    String refTable,
    List<String> refColumns,
    Action onDelete,
    Action onUpdate) {

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(refTable, "refTable");
    columns = List.copyOf(columns);
    refColumns = List.copyOf(refColumns);
    onDelete = onDelete == null ? Action.NO_ACTION : onDelete;
    onUpdate = onUpdate == null ? Action.NO_ACTION : onUpdate;
    if (columns.isEmpty() || columns.size() != refColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " needs as many columns as it references");
    }
  }

  /** Starts {@code foreignKey("fk_address_user_id", "user_id").references("user", "id")}. */
  public static ForeignKey of(String name, String column, String refTable, String refColumn) {
    return new ForeignKey(name, List.of(column), refTable, List.of(refColumn), Action.NO_ACTION, Action.NO_ACTION);
  }

  public ForeignKey onDelete(Action action) {
    return new ForeignKey(name, columns, refTable, refColumns, action, onUpdate);
  }

  public ForeignKey onUpdate(Action action) {
    return new ForeignKey(name, columns, refTable, refColumns, onDelete, action);
  }

  ForeignKey renameColumn(String from, String to) {
    return new ForeignKey(name, Names.replace(columns, from, to), refTable, refColumns, onDelete, onUpdate);
  }

  ForeignKey renameRefTable(String from, String to) {
    return refTable.equals(from) ? new ForeignKey(name, columns, to, refColumns, onDelete, onUpdate) : this;
  }

  ForeignKey renameRefColumn(String table, String from, String to) {
    return refTable.equals(table)
        ? new ForeignKey(name, columns, refTable, Names.replace(refColumns, from, to), onDelete, onUpdate)
        : this;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("foreign key ").append(name)
        .append(" (").append(String.join(", ", columns)).append(") references ")
        .append(refTable).append(" (").append(String.join(", ", refColumns)).append(')');
    if (onDelete != Action.NO_ACTION) {
      s.append(" on delete ").append(onDelete.sql());
    }
    if (onUpdate != Action.NO_ACTION) {
      s.append(" on update ").append(onUpdate.sql());
    }
    return s.toString();
  }
}
