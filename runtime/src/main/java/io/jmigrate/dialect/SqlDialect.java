package io.jmigrate.dialect;

import io.jmigrate.ForeignKey.Action;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.RenameTable;
import io.jmigrate.migration.Operations.RunJava;
import io.jmigrate.migration.Operations.RunSql;
import io.jmigrate.migration.Operations.SetPrimaryKey;
import io.jmigrate.schema.Column;
import io.jmigrate.schema.ForeignKey;
import io.jmigrate.schema.Index;
import io.jmigrate.schema.Names;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What SQLite and PostgreSQL spell alike; each subclass renders the rest. */
abstract class SqlDialect implements Dialect {
  private final String doubleType;
  private final String decimalType;
  private final String binaryType;
  private final String trueLiteral;
  private final String falseLiteral;

  /** The few spellings the two dialects' types and literals differ in. */
  SqlDialect(String doubleType, String decimalType, String binaryType, String trueLiteral, String falseLiteral) {
    this.doubleType = doubleType;
    this.decimalType = decimalType;
    this.binaryType = binaryType;
    this.trueLiteral = trueLiteral;
    this.falseLiteral = falseLiteral;
  }

  @Override
  public List<String> statements(Operation op, Schema before) {
    if (op instanceof CreateTable o) {
      return createTable(o.table());
    } else if (op instanceof DropTable o) {
      return List.of("DROP TABLE " + q(o.table()));
    } else if (op instanceof RenameTable o) {
      return renameTable(o, before);
    } else if (op instanceof AddColumn o) {
      return addColumn(o, before);
    } else if (op instanceof DropColumn o) {
      return dropColumn(o, before);
    } else if (op instanceof RenameColumn o) {
      return List.of("ALTER TABLE " + q(o.table()) + " RENAME COLUMN " + q(o.from()) + " TO " + q(o.to()));
    } else if (op instanceof AlterColumn o) {
      return alterColumn(o, before);
    } else if (op instanceof SetPrimaryKey o) {
      return setPrimaryKey(o, before);
    } else if (op instanceof AddIndex o) {
      return List.of(createIndex(o.table(), o.index()));
    } else if (op instanceof DropIndex o) {
      return List.of("DROP INDEX " + q(o.index()));
    } else if (op instanceof AddForeignKey o) {
      return addForeignKey(o, before);
    } else if (op instanceof DropForeignKey o) {
      return dropForeignKey(o, before);
    } else if (op instanceof RunSql o) {
      return List.of(o.sql());
    } else if (op instanceof RunJava o) {
      return List.of("-- java: " + o.description());
    }
    throw new IllegalArgumentException("unknown operation " + op);
  }

  abstract List<String> renameTable(RenameTable op, Schema before);

  abstract List<String> addColumn(AddColumn op, Schema before);

  abstract List<String> dropColumn(DropColumn op, Schema before);

  abstract List<String> alterColumn(AlterColumn op, Schema before);

  abstract List<String> setPrimaryKey(SetPrimaryKey op, Schema before);

  abstract List<String> addForeignKey(AddForeignKey op, Schema before);

  abstract List<String> dropForeignKey(DropForeignKey op, Schema before);

  /** The SQL type of a column, e.g. {@code VARCHAR(200)}. */
  String type(Column c) {
    switch (c.type()) {
      case INTEGER:
        return "INTEGER";
      case BIGINT:
        return "BIGINT";
      case SMALLINT:
        return "SMALLINT";
      case BOOLEAN:
        return "BOOLEAN";
      case DOUBLE:
        return doubleType;
      case REAL:
        return "REAL";
      case DECIMAL:
        return c.precision() > 0 ? decimalType + "(" + c.precision() + "," + c.scale() + ")" : "NUMERIC";
      case STRING:
        return c.length() > 0 ? "VARCHAR(" + c.length() + ")" : "TEXT";
      case DATE:
        return "DATE";
      case TIME:
        return "TIME";
      case TIMESTAMP:
        return "TIMESTAMP";
      case TIMESTAMP_TZ:
        return "TIMESTAMPTZ";
      case UUID:
        return "UUID";
      case BINARY:
        return binaryType;
      default:
        throw new IllegalArgumentException(c.type().name());
    }
  }

  /** A literal default in this dialect's syntax: numbers as written, booleans spelled, the rest quoted. */
  String literal(Column c, String value) {
    switch (c.type()) {
      case BOOLEAN:
        return Boolean.parseBoolean(value) ? trueLiteral : falseLiteral;
      case INTEGER:
      case BIGINT:
      case SMALLINT:
      case DOUBLE:
      case REAL:
      case DECIMAL:
        return value;
      default:
        return quoteString(value);
    }
  }

  /** The column's definition inside CREATE TABLE or ADD COLUMN. */
  abstract String columnDefinition(Table table, Column c);

  /** The primary key's constraint name. */
  static String primaryKeyName(String table) {
    return Names.constraintName("pk", table, List.of());
  }

  List<String> createTable(Table t) {
    List<String> out = new ArrayList<>();
    out.add(createTableStatement(q(t.name()), t));
    for (Index i : t.indexes()) {
      out.add(createIndex(t.name(), i));
    }
    return out;
  }

  String createTableStatement(String quotedName, Table t) {
    List<String> parts = new ArrayList<>();
    for (Column c : t.columns()) {
      parts.add(columnDefinition(t, c));
    }
    if (!t.primaryKey().isEmpty() && !inlinePrimaryKey(t)) {
      parts.add("CONSTRAINT " + q(primaryKeyName(t.name())) + " PRIMARY KEY (" + list(t.primaryKey()) + ")");
    }
    for (ForeignKey f : t.foreignKeys()) {
      parts.add(foreignKeyClause(f));
    }
    return "CREATE TABLE " + quotedName + " (\n  " + String.join(",\n  ", parts) + "\n)";
  }

  /** Whether the key is written on the column itself (SQLite's rowid alias). */
  boolean inlinePrimaryKey(Table t) {
    return false;
  }

  String foreignKeyClause(ForeignKey f) {
    StringBuilder s = new StringBuilder("CONSTRAINT ").append(q(f.name()))
        .append(" FOREIGN KEY (").append(list(f.columns())).append(") REFERENCES ")
        .append(q(f.refTable())).append(" (").append(list(f.refColumns())).append(')');
    if (f.onDelete() != Action.NO_ACTION) {
      s.append(" ON DELETE ").append(f.onDelete().sql());
    }
    if (f.onUpdate() != Action.NO_ACTION) {
      s.append(" ON UPDATE ").append(f.onUpdate().sql());
    }
    return s.toString();
  }

  String createIndex(String table, Index i) {
    return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + q(i.name()) + " ON " + q(table)
        + " (" + list(i.columns()) + ")";
  }

  String defaultClause(Column c) {
    if (c.defaultValue() != null) {
      return " DEFAULT " + literal(c, c.defaultValue());
    }
    if (c.defaultSql() != null) {
      return " DEFAULT (" + c.defaultSql() + ")";
    }
    return "";
  }

  /** Quotes an identifier, so that keywords such as {@code user} and {@code order} work as names. */
  static String q(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String list(List<String> columns) {
    return columns.stream().map(SqlDialect::q).collect(Collectors.joining(", "));
  }

  static String quoteString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
