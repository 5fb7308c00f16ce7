package io.jmigrate.processor.custom;

import io.jmigrate.migration.CustomOperation;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.DslCall;
import io.jmigrate.schema.Schema;
import java.util.List;

/**
 * A test-only operation, written as the contributor page's "Adding an operation" says: everything it means
 * is here, and jmigrate's main code names it nowhere. It sets a table's comment (PostgreSQL, H2) or
 * does nothing (SQLite and MariaDB, whose comment syntax differs: it is a test, not a feature). It carries the
 * comment it replaces, as Alembic's operations carry the old definition, so that it can be reversed.
 */
public record TableComment(String table, String text, String previous) implements CustomOperation {
  /** The call a generated migration makes. */
  public static Operation comment(String table, String text, String previous) {
    return new TableComment(table, text, previous);
  }

  @Override
  public Schema applyTo(Schema before) {
    before.table(table); // the table exists; jmigrate's schema keeps no comments
    return before;
  }

  @Override
  public Operation reverse(Schema before) {
    return new TableComment(table, previous, text);
  }

  @Override
  public String describe() {
    return "comment on table " + table;
  }

  @Override
  public String checksumText() {
    return "table-comment " + table + " [" + text + "] was [" + previous + "]";
  }

  @Override
  public DslCall toJava() {
    return new DslCall(TableComment.class.getName(), "comment", List.of(table, text, previous));
  }

  @Override
  public String nameWord(Naming naming) {
    return "Comment" + Character.toUpperCase(table.charAt(0)) + table.substring(1);
  }

  @Override
  public String reviewLine() {
    return describe() + " '" + text + "'";
  }

  @Override
  public String replaced(Schema before) {
    return "'" + previous + "'";
  }

  @Override
  public List<String> sql(String dialect, Schema before) {
    String value = text.isEmpty() ? "NULL" : "'" + text.replace("'", "''") + "'";
    return switch (dialect) {
      case "postgresql", "h2" -> List.of("COMMENT ON TABLE \"" + table + "\" IS " + value);
      default -> List.of();
    };
  }
}
