package io.jmigrate.schema;

/** What the database does to referencing rows when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
  NO_ACTION("NO ACTION"),
  RESTRICT("RESTRICT"),
  CASCADE("CASCADE"),
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  /** The SQL spelling, as in {@code ON DELETE SET NULL}. */
  public String sql() {
    return sql;
  }
}
