package io.jmigrate.inspect;

import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Names;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.schema.TableDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One inspected table → the source of its model class: deterministic (no date, sorted imports),
 * naming only what differs from jmigrate's defaults, with the live type of each column as a
 * trailing comment and what was left out in the class comment.
 */
final class ModelSource {
  private ModelSource() {}

  /** Simple names a model class must not take: the annotations and field types it imports, and java.lang's. */
  private static final Set<String> TAKEN = Set.of("Table", "Column", "Id", "ForeignKey", "Index", "Check", "BigDecimal", "LocalDate",
      "LocalTime", "LocalDateTime", "OffsetDateTime", "UUID", "String", "Integer", "Long", "Short", "Boolean", "Double",
      "Float", "Object", "Record", "Class", "Enum", "System", "Math", "Number", "Character", "Byte", "Void", "Thread",
      "Runtime", "Error", "Exception", "Override", "Deprecated", "Iterable", "Comparable", "Process", "Module", "Package");

  /** The key of an enum type's class name in the class names ({@code classes}), beside the tables'. */
  static final String ENUM_KEY = "\u0000enum type ";

  static boolean isTaken(String name) {
    return TAKEN.contains(name);
  }

  private static final Set<String> PRIMITIVES = Set.of("int", "long", "short", "boolean", "double", "float");

  private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
      "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
      "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
      "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null",
      "var", "record", "yield", "sealed", "permits", "_");

  /** Class names by table name: PascalCase, unique, never one of {@link #TAKEN}. */
  static Map<String, String> classNames(List<String> tables) {
    return classNames(tables, Set.of());
  }

  /** … nor one of {@code alsoTaken} (the names another kind of source imports). */
  static Map<String, String> classNames(List<String> tables, Set<String> alsoTaken) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (String table : tables) {
      String base = pascal(table);
      if (TAKEN.contains(base) || alsoTaken.contains(base)) {
        base = base + "Row";
      }
      String name = base;
      for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
        name = base + i; // file names must differ on case-insensitive file systems too
      }
      out.put(table, name);
    }
    return out;
  }

  static String of(String pkg, InspectedTable inspected, Map<String, String> classes, String dialect) {
    TableDefinition t = inspected.table();
    String className = classes.get(t.name());
    Set<String> imports = new TreeSet<>();
    imports.add("io.jmigrate.Table");
    StringBuilder body = new StringBuilder();
    Set<String> fieldNames = new HashSet<>();
    Map<String, ForeignKeyDefinition> fkByColumn = new LinkedHashMap<>();
    t.foreignKeys().forEach(f -> fkByColumn.put(f.columns().get(0), f));

    for (InspectedColumn ic : inspected.columns()) {
      ColumnDefinition c = ic.column();
      String field = camel(c.name());
      for (int i = 2; !fieldNames.add(field); i++) {
        field = camel(c.name()) + i;
      }
      boolean id = t.primaryKey().contains(c.name());
      String type = c.type() == ColumnType.ENUM ? classes.get(ENUM_KEY + c.enumType()) : javaType(c.type(), id || !c.nullable(), imports);
      if (id) {
        imports.add("io.jmigrate.Id");
        body.append("  @Id").append(c.generated() ? "(generated = true)" : "").append('\n');
      }
      List<String> column = new ArrayList<>();
      if (!snakeCase(field).equals(c.name())) {
        column.add("name = " + literal(c.name()));
      }
      if (!c.nullable() && !id && !PRIMITIVES.contains(type)) {
        column.add("nullable = false");
      }
      if (c.length() > 0) {
        column.add("length = " + c.length());
      }
      if (c.type() == ColumnType.CHAR) {
        column.add("fixed = true");
      }
      if (c.type() == ColumnType.ENUM) {
        column.add("enumType = " + literal(c.enumType()));
      }
      if (c.type() == ColumnType.NATIVE) {
        column.add("sqlType = " + literal(c.sqlType()));
      }
      if (c.precision() > 0) {
        column.add("precision = " + c.precision());
        column.add("scale = " + c.scale());
      }
      if (c.defaultValue() != null) {
        column.add("defaultValue = " + literal(c.defaultValue()));
      }
      if (c.defaultSql() != null) {
        column.add("defaultSql = " + literal(c.defaultSql()));
      }
      if (c.comment() != null) {
        column.add("comment = " + literal(c.comment()));
      }
      if (c.collation() != null) {
        column.add("collation = " + literal(c.collation()));
      }
      if (c.computed()) {
        column.add("generatedAs = " + literal(c.generatedAs()));
        if (!c.stored()) {
          column.add("stored = false");
        }
      }
      if (c.type() == ColumnType.JSON) {
        imports.add("io.jmigrate.Json");
        body.append("  @Json\n");
      }
      if (!column.isEmpty()) {
        imports.add("io.jmigrate.Column");
        body.append("  @Column(").append(String.join(", ", column)).append(")\n");
      }
      ForeignKeyDefinition fk = fkByColumn.get(c.name());
      if (fk != null) {
        imports.add("io.jmigrate.ForeignKey");
        body.append("  ").append(foreignKey(t, fk, classes)).append('\n');
      }
      body.append("  ").append(type).append(' ').append(field).append(";");
      if (ic.liveType() != null) {
        body.append(" // ").append(ic.liveType());
      }
      body.append("\n\n");
    }

    StringBuilder s = new StringBuilder();
    s.append("package ").append(pkg).append(";\n\n");
    List<String> annotations = new ArrayList<>();
    List<String> tableArgs = new ArrayList<>();
    if (!snakeCase(className).equals(t.name())) {
      tableArgs.add("name = " + literal(t.name()));
    }
    if (t.primaryKeyName() != null) {
      tableArgs.add("primaryKeyName = " + literal(t.primaryKeyName()));
    }
    if (t.collation() != null) { // MariaDB/MySQL: the table's own, where it is not jmigrate's exact one
      tableArgs.add("collation = " + literal(t.collation()));
    }
    if (t.comment() != null) {
      tableArgs.add("comment = " + literal(t.comment()));
    }
    annotations.add("@Table" + (tableArgs.isEmpty() ? "" : "(" + String.join(", ", tableArgs) + ")"));
    for (IndexDefinition i : t.indexes()) {
      imports.add("io.jmigrate.Index");
      String columns = i.columns().size() == 1 ? literal(i.columns().get(0))
          : "{" + String.join(", ", i.columns().stream().map(ModelSource::literal).toList()) + "}";
      String defaultName = Names.constraintName(i.unique() ? "ux" : "ix", t.name(), i.columns());
      annotations.add("@Index(" + (i.name().equals(defaultName) ? "" : "name = " + literal(i.name()) + ", ")
          + "columns = " + columns + (i.unique() ? ", unique = true" : "") + ")");
    }
    for (io.jmigrate.schema.CheckDefinition k : t.checks()) {
      imports.add("io.jmigrate.Check");
      annotations.add("@Check(name = " + literal(k.name()) + ", value = " + literal(k.expression()) + ")");
    }
    for (String imp : imports) {
      s.append("import ").append(imp).append(";\n");
    }
    s.append("\n/**\n * The table {@code ").append(t.name()).append("}, as jmigrate inspect read it from a ").append(dialect)
        .append(" database.\n");
    if (!inspected.leftOut().isEmpty()) {
      s.append(" *\n * <p>Left out or kept only in part (they stay in the database as they are):\n *\n * <ul>\n");
      for (Finding f : inspected.leftOut()) {
        s.append(" *   <li>").append(javadoc(f.toString())).append('\n');
      }
      s.append(" * </ul>\n");
    }
    s.append(" */\n");
    annotations.forEach(a -> s.append(a).append('\n'));
    s.append("public class ").append(className).append(" {\n");
    s.append(body.toString().stripTrailing()).append("\n}\n");
    return s.toString();
  }

  private static String foreignKey(TableDefinition t, ForeignKeyDefinition f, Map<String, String> classes) {
    List<String> args = new ArrayList<>();
    args.add("value = " + classes.get(f.refTable()) + ".class");
    args.add("column = " + literal(f.refColumns().get(0)));
    if (!f.name().equals(Names.constraintName("fk", t.name(), f.columns()))) {
      args.add("name = " + literal(f.name()));
    }
    if (f.onDelete() != ReferentialAction.NO_ACTION) {
      args.add("onDelete = ForeignKey.Action." + f.onDelete().name());
    }
    if (f.onUpdate() != ReferentialAction.NO_ACTION) {
      args.add("onUpdate = ForeignKey.Action." + f.onUpdate().name());
    }
    return "@ForeignKey(" + String.join(", ", args) + ")";
  }

  static String javaType(ColumnType type, boolean notNull, Set<String> imports) {
    switch (type) {
      case INTEGER:
        return notNull ? "int" : "Integer";
      case BIGINT:
        return notNull ? "long" : "Long";
      case SMALLINT:
        return notNull ? "short" : "Short";
      case BOOLEAN:
        return notNull ? "boolean" : "Boolean";
      case DOUBLE:
        return notNull ? "double" : "Double";
      case REAL:
        return notNull ? "float" : "Float";
      case DECIMAL:
        imports.add("java.math.BigDecimal");
        return "BigDecimal";
      case STRING:
        return "String";
      case DATE:
        imports.add("java.time.LocalDate");
        return "LocalDate";
      case TIME:
        imports.add("java.time.LocalTime");
        return "LocalTime";
      case TIMESTAMP:
        imports.add("java.time.LocalDateTime");
        return "LocalDateTime";
      case TIMESTAMP_TZ:
        imports.add("java.time.OffsetDateTime");
        return "OffsetDateTime";
      case UUID:
        imports.add("java.util.UUID");
        return "UUID";
      case BINARY:
      case BLOB:
        return "byte[]";
      case CLOB:
      case LONG_TEXT:
      case CHAR:
      case JSON:
      case NATIVE: // a type jmigrate does not model: its text form (the field's type is the application's choice)
        return "String";
      case STRING_ARRAY:
        return "String[]";
      case INTEGER_ARRAY:
        return "Integer[]";
      case BIGINT_ARRAY:
        return "Long[]";
      default:
        throw new IllegalArgumentException(type.name());
    }
  }

  /** {@code album_id}, {@code AlbumId}, {@code ALBUM_ID} → {@code albumId}; a keyword gets a trailing underscore. */
  static String camel(String name) {
    String pascal = pascal(name);
    String field = Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    return KEYWORDS.contains(field) ? field + "_" : field;
  }

  static String pascal(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (part.isEmpty()) {
        continue;
      }
      boolean allUpper = part.chars().noneMatch(Character::isLowerCase);
      String rest = allUpper ? part.substring(1).toLowerCase(Locale.ROOT) : part.substring(1);
      out.append(Character.toUpperCase(part.charAt(0))).append(rest);
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, 'T');
    }
    return out.toString();
  }

  /** The processor's default naming ({@code io.jmigrate.processor.model.Naming.snakeCase}), to name only what differs. */
  static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean prevLower = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1)) || Character.isDigit(javaName.charAt(i - 1)));
        boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        boolean prevUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
        if (out.length() > 0 && out.charAt(out.length() - 1) != '_' && (prevLower || (prevUpper && nextLower))) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String literal(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }

  static String javadoc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;").replace("@", "{@literal @}");
  }
}
