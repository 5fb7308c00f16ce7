package io.jmigrate.engine;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A migration that fails because a column's {@code sqlType} names a type the database does not have yet (a domain,
 * an enum type or an extension's type: the database's, which no migration creates): the sentence naming the column
 * and what to do, added to the failure's message. Found by the type's name, quoted, in the database's message (as
 * PostgreSQL's {@code type "year" does not exist} and H2's {@code Unknown data type: "YEAR"} give it).
 */
final class MissingTypes {
  private MissingTypes() {}

  /** The sentence for {@code ops}' columns whose type the failure {@code message} names; empty for none. */
  static String hint(List<Operation> ops, String message) {
    String said = message == null ? "" : message.toLowerCase(Locale.ROOT);
    List<String> columns = new ArrayList<>();
    String type = null;
    for (Operation op : ops) {
      List<ColumnDefinition> added = new ArrayList<>();
      String table;
      if (op instanceof CreateTable t) {
        table = t.table().name();
        added.addAll(t.table().columns());
      } else if (op instanceof AddColumn a) {
        table = a.table();
        added.add(a.column());
      } else {
        continue;
      }
      for (ColumnDefinition c : added) {
        if (c.type() == ColumnType.NATIVE && c.sqlType() != null && named(said, c.sqlType())) {
          columns.add(table + "." + c.name());
          type = type == null ? c.sqlType() : type;
        }
      }
    }
    if (columns.isEmpty()) {
      return "";
    }
    return (columns.size() == 1 ? "The column " + columns.get(0) + " has" : "The columns " + String.join(", ", columns)
        + " have") + " the type " + type + ", which the models leave to the database (a domain, an enum type or an"
        + " extension's type, declared in META-INF/jmigrate/unmanaged) and no migration creates: it must exist before"
        + " this migration runs. Create it first, in an sql(…) step before this one or in the database's own setup"
        + " (see \"The type must exist\" in docs/models-and-annotations.md). ";
  }

  /** Whether the message names the type: its name without size or array brackets, quoted or after a schema. */
  private static boolean named(String message, String sqlType) {
    String base = sqlType.replaceAll("\\[\\s*\\]", "").replaceAll("\\(.*", "").trim();
    base = base.substring(base.lastIndexOf('.') + 1).replace("\"", "").toLowerCase(Locale.ROOT);
    return !base.isEmpty() && Pattern.compile("[\".]" + Pattern.quote(base) + "\"").matcher(message).find();
  }
}
