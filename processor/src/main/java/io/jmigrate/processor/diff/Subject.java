package io.jmigrate.processor.diff;

/**
 * What a {@link Finding} is about, by name, so that the processor can report it at the
 * declaration: a table's model, a column's field, or the {@code @Drop} entry that confirms it.
 */
public record Subject(Kind kind, String table, String column) {
  public enum Kind {
    /** The model of {@link #table} (absent when the table is gone from the models). */
    TABLE,
    /** The field of {@link #table}.{@link #column}. */
    COLUMN,
    /** The {@code @Drop(tables = table)} entry. */
    DROP_TABLE,
    /** The {@code @Drop(columns = column)} entry on the model of {@link #table}. */
    DROP_COLUMN,
    /** The {@code @RenamedFrom} on the model of {@link #table}, or on the field of {@link #column} when there is one. */
    RENAMED_FROM,
    /** The {@code @Offline} on the field of {@link #table}.{@link #column}, or on the model of {@link #table}. */
    OFFLINE
  }

  public static Subject table(String table) {
    return new Subject(Kind.TABLE, table, null);
  }

  public static Subject column(String table, String column) {
    return new Subject(Kind.COLUMN, table, column);
  }

  public static Subject dropTable(String table) {
    return new Subject(Kind.DROP_TABLE, table, null);
  }

  public static Subject dropColumn(String table, String column) {
    return new Subject(Kind.DROP_COLUMN, table, column);
  }

  public static Subject renamedFrom(Rename r) {
    return new Subject(Kind.RENAMED_FROM, r.table(), r.column());
  }

  public static Subject offline(String table, String column) {
    return new Subject(Kind.OFFLINE, table, column);
  }

  @Override
  public String toString() {
    switch (kind) {
      case TABLE:
        return table;
      case COLUMN:
        return table + "." + column;
      case DROP_TABLE:
        return "@Drop(tables = \"" + table + "\")";
      case OFFLINE:
        return "@Offline on " + (column == null ? table : table + "." + column);
      case RENAMED_FROM:
        return "@RenamedFrom on " + (column == null ? table : table + "." + column);
      default:
        return "@Drop(columns = \"" + column + "\") on " + table;
    }
  }
}
