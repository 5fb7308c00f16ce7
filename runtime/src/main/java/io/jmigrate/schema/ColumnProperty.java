package io.jmigrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The properties of a {@link ColumnDefinition} beyond its name and type, each with every form it is written
 * in: the checksum line ({@code io.jmigrate.migration.Checksum}, format 1), the schema fingerprint
 * ({@link SchemaFingerprint}), the build's snapshot keys, the Java of a generated migration, and the review
 * notes beside it. Every one of those renders a column by walking {@link #values()} in order, so a new
 * property is one constant here (the compiler asks for each form) plus its record component, and dialect SQL.
 *
 * <p>The checksum and fingerprint texts and the snapshot keys are contracts pinned by tests: a new property
 * writes nothing in any of them while it is unset, so every older column keeps its bytes.
 */
public enum ColumnProperty {
  /**
   * The SQL type of a {@link ColumnType#NATIVE} column, as written ({@code tsvector}). Only such columns have
   * this part, so every older column keeps its forms.
   */
  SQL_TYPE {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.sqlType() != null ? " SQL-TYPE " + c.sqlType() : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return c.sqlType() != null ? " sql-type=" + SchemaFingerprint.quote(c.sqlType()) : "";
    }

    @Override
    public String review(ColumnDefinition c) {
      return c.sqlType() != null ? " " + c.sqlType() : "";
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.sqlType() != null) {
        key.accept("sqlType", c.sqlType());
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return keys.containsKey("sqlType") ? c.sqlType(String.valueOf(keys.get("sqlType"))) : c;
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.sqlType() != null ? List.of(DslCall.of("sqlType", c.sqlType())) : List.of();
    }
  },
  LENGTH {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.length() > 0 ? "(" + c.length() + ")" : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return " length=" + c.length();
    }

    @Override
    public String review(ColumnDefinition c) {
      return checksum(c);
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.length() > 0) {
        key.accept("length", c.length());
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return c.length(integer(keys.get("length")));
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.length() > 0 ? List.of(DslCall.of("length", c.length())) : List.of();
    }
  },
  PRECISION {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.precision() > 0 ? "(" + c.precision() + "," + c.scale() + ")" : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return " precision=" + c.precision() + "," + c.scale();
    }

    @Override
    public String review(ColumnDefinition c) {
      return c.precision() > 0 ? "(" + c.precision() + ", " + c.scale() + ")" : "";
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.precision() > 0) {
        key.accept("precision", c.precision());
        key.accept("scale", c.scale());
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return c.precision(integer(keys.get("precision")), integer(keys.get("scale")));
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.precision() > 0 ? List.of(DslCall.of("precision", c.precision(), c.scale())) : List.of();
    }
  },
  NULLABLE {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.nullable() ? " NULL" : " NOT NULL";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return c.nullable() ? " null" : " not-null";
    }

    @Override
    public String review(ColumnDefinition c) {
      return c.nullable() ? "" : " NOT NULL";
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (!c.nullable()) {
        key.accept("nullable", false);
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return c.nullable(!keys.containsKey("nullable") || bool(keys.get("nullable")));
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.nullable() ? List.of() : List.of(DslCall.of("notNull"));
    }
  },
  DEFAULT_VALUE {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.defaultValue() != null ? " DEFAULT '" + c.defaultValue().replace("'", "''") + "'" : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return c.defaultValue() != null ? " default-value=" + SchemaFingerprint.quote(c.defaultValue()) : "";
    }

    @Override
    public String review(ColumnDefinition c) {
      return checksum(c);
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.defaultValue() != null) {
        key.accept("defaultValue", c.defaultValue());
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return keys.containsKey("defaultValue") ? c.defaultValue(String.valueOf(keys.get("defaultValue"))) : c;
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.defaultValue() != null ? List.of(DslCall.of("defaultValue", c.defaultValue())) : List.of();
    }
  },
  DEFAULT_SQL {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.defaultSql() != null ? " DEFAULT (" + c.defaultSql() + ")" : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return c.defaultSql() != null ? " default-sql=" + SchemaFingerprint.quote(c.defaultSql()) : "";
    }

    @Override
    public String review(ColumnDefinition c) {
      return checksum(c);
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.defaultSql() != null) {
        key.accept("defaultSql", c.defaultSql());
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return keys.containsKey("defaultSql") ? c.defaultSql(String.valueOf(keys.get("defaultSql"))) : c;
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.defaultSql() != null ? List.of(DslCall.of("defaultSql", c.defaultSql())) : List.of();
    }
  },
  /** Only columns with per-dialect variants have this part, so every older column keeps its forms. */
  DEFAULT_SQL_BY_DIALECT {
    @Override
    public String checksum(ColumnDefinition c) {
      StringBuilder s = new StringBuilder();
      c.defaultSqlByDialect().forEach((d, e) -> s.append(" DEFAULT ON ").append(d).append(" (").append(e).append(')'));
      return s.toString();
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      StringBuilder s = new StringBuilder();
      c.defaultSqlByDialect().forEach((d, e) -> s.append(" default-sql-").append(d).append('=')
          .append(SchemaFingerprint.quote(e)));
      return s.toString();
    }

    @Override
    public String review(ColumnDefinition c) {
      return checksum(c);
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (!c.defaultSqlByDialect().isEmpty()) {
        key.accept("defaultSqlByDialect", c.defaultSqlByDialect()); // sorted by dialect name
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      if (keys.containsKey("defaultSqlByDialect")) {
        for (var variant : ((Map<String, String>) keys.get("defaultSqlByDialect")).entrySet()) {
          c = c.defaultSql(variant.getKey(), variant.getValue());
        }
      }
      return c;
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      List<DslCall> calls = new ArrayList<>();
      c.defaultSqlByDialect().forEach((d, e) -> calls.add(DslCall.of("defaultSql", d, e)));
      return calls;
    }
  },
  GENERATED {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.generated() ? " GENERATED" : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return c.generated() ? " generated" : "";
    }

    @Override
    public String review(ColumnDefinition c) {
      return c.generated() ? " IDENTITY" : "";
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.generated()) {
        key.accept("generated", true);
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return keys.containsKey("generated") && bool(keys.get("generated")) ? c.identity() : c;
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.generated() ? List.of(DslCall.of("identity")) : List.of();
    }
  },
  /** Only JPA columns that asked for it have this part, so every older column keeps its forms. */
  UTC_DATETIME {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.utcDatetime() ? " UTC-DATETIME" : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return c.utcDatetime() ? " utc-datetime" : "";
    }

    @Override
    public String review(ColumnDefinition c) {
      return ""; // a storage detail of one dialect: the reviewer sees it in the code
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.utcDatetime()) {
        key.accept("utcDatetime", true);
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return keys.containsKey("utcDatetime") && bool(keys.get("utcDatetime")) ? c.asUtcDatetime() : c;
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.utcDatetime() ? List.of(DslCall.of("asUtcDatetime")) : List.of();
    }
  },
  /** The PostgreSQL enum type of an {@link ColumnType#ENUM} column. */
  ENUM_TYPE {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.enumType() != null ? " ENUM-TYPE " + c.enumType() : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return c.enumType() != null ? " enum-type=" + SchemaFingerprint.quote(c.enumType()) : "";
    }

    @Override
    public String review(ColumnDefinition c) {
      return c.enumType() != null ? " " + c.enumType() : "";
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.enumType() != null) {
        key.accept("enumType", c.enumType());
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return keys.containsKey("enumType") ? c.enumType(String.valueOf(keys.get("enumType"))) : c;
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.enumType() != null ? List.of(DslCall.of("enumType", c.enumType())) : List.of();
    }
  },
  /** Only columns with a collation of their own have this part, so every older column keeps its forms. */
  COLLATION {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.collation() != null ? " COLLATE " + c.collation() : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return c.collation() != null ? " collation=" + SchemaFingerprint.quote(c.collation()) : "";
    }

    @Override
    public String review(ColumnDefinition c) {
      return checksum(c);
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.collation() != null) {
        key.accept("collation", c.collation());
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return keys.containsKey("collation") ? c.collation(String.valueOf(keys.get("collation"))) : c;
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.collation() != null ? List.of(DslCall.of("collation", c.collation())) : List.of();
    }
  },
  /** Only commented columns have this part, so every older column keeps its forms. */
  COMMENT {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.comment() != null ? " COMMENT '" + c.comment().replace("'", "''") + "'" : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return c.comment() != null ? " comment=" + SchemaFingerprint.quote(c.comment()) : "";
    }

    @Override
    public String review(ColumnDefinition c) {
      return checksum(c);
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.comment() != null) {
        key.accept("comment", c.comment());
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return keys.containsKey("comment") ? c.comment(String.valueOf(keys.get("comment"))) : c;
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.comment() != null ? List.of(DslCall.of("comment", c.comment())) : List.of();
    }
  },
  /**
   * A generated (computed) column: its expression as written and whether it is stored. Only generated
   * columns have this part, so every older column keeps its forms.
   */
  GENERATED_AS {
    @Override
    public String checksum(ColumnDefinition c) {
      return c.generatedAs() != null
          ? " GENERATED ALWAYS AS (" + c.generatedAs() + ")" + (c.stored() ? " STORED" : " VIRTUAL") : "";
    }

    @Override
    public String fingerprint(ColumnDefinition c) {
      return c.generatedAs() != null
          ? " generatedAs=" + SchemaFingerprint.quote(c.generatedAs()) + (c.stored() ? " stored" : " virtual") : "";
    }

    @Override
    public String review(ColumnDefinition c) {
      return checksum(c);
    }

    @Override
    public void snapshot(ColumnDefinition c, BiConsumer<String, Object> key) {
      if (c.generatedAs() != null) {
        key.accept("generatedAs", c.generatedAs());
        key.accept("stored", c.stored());
      }
    }

    @Override
    public ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys) {
      return keys.containsKey("generatedAs")
          ? c.generatedAs(String.valueOf(keys.get("generatedAs")), bool(keys.get("stored"))) : c;
    }

    @Override
    public List<DslCall> java(ColumnDefinition c) {
      return c.generatedAs() != null ? List.of(DslCall.of("generatedAs", c.generatedAs(), c.stored())) : List.of();
    }
  };

  /** The part of the checksum line (format 1) after the name and type; never changes for a set value. */
  public abstract String checksum(ColumnDefinition c);

  /** The part of the fingerprint line after the name and type. */
  public abstract String fingerprint(ColumnDefinition c);

  /** The part of the reviewer's {@code STRING(20) NOT NULL DEFAULT 'x'}; empty for what the note leaves out. */
  public abstract String review(ColumnDefinition c);

  /** The snapshot keys and values (Integer, String, Boolean or a sorted {@code Map<String, String>}), when set. */
  public abstract void snapshot(ColumnDefinition c, BiConsumer<String, Object> key);

  /** The column with this property as the snapshot's keys give it (values as {@link #snapshot} writes them). */
  public abstract ColumnDefinition read(ColumnDefinition c, Map<String, Object> keys);

  /** The chained calls after {@code column(name, TYPE)} in a generated migration; empty when unset. */
  public abstract List<DslCall> java(ColumnDefinition c);

  /** A number as the snapshot gives it (a number, or digits in a string); 0 when absent. */
  private static int integer(Object v) {
    return v == null ? 0 : v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString());
  }

  private static boolean bool(Object v) {
    return v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v));
  }

  /** {@code name TYPE(20) NOT NULL …}: the checksum's text of a column (format 1). */
  public static String checksumText(ColumnDefinition c) {
    StringBuilder s = new StringBuilder(c.name()).append(' ').append(c.type().name());
    for (ColumnProperty p : values()) {
      s.append(p.checksum(c));
    }
    return s.toString();
  }

  /** {@code STRING(20) NOT NULL DEFAULT 'x'}: the reviewer's text of a column's definition, without its name. */
  public static String reviewText(ColumnDefinition c) {
    StringBuilder s = new StringBuilder(c.type().name());
    for (ColumnProperty p : values()) {
      s.append(p.review(c));
    }
    return s.toString();
  }

  /** {@code column("email", STRING).length(200).notNull()}: the calls that build the column. */
  public static List<DslCall> javaCalls(ColumnDefinition c) {
    List<DslCall> calls = new ArrayList<>(List.of(DslCall.of("column", c.name(), c.type())));
    for (ColumnProperty p : values()) {
      calls.addAll(p.java(c));
    }
    return calls;
  }
}
