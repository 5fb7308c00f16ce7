package io.jmigrate.inspect;

import static io.jmigrate.inspect.ModelSource.camel;
import static io.jmigrate.inspect.ModelSource.literal;

import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.schema.TableDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One inspected table → the source of a {@code jakarta.persistence} entity ({@code inspect --jpa}),
 * which jmigrate's JPA extractor reads back into the same table. Every name is written out, quoted
 * where it is not plain lower case ({@code "\"AlbumId\""}), so that neither naming strategy
 * ({@code -Ajmigrate.naming}) nor Hibernate changes it. Kept names: indexes by
 * {@code @Index(name)}, foreign keys by {@code @ForeignKey(name)}, a primary key's by jmigrate's
 * {@code @io.jmigrate.Table(primaryKeyName)} (JPA has no place for it).
 */
final class JpaModelSource {
  private JpaModelSource() {}

  /** Simple names an entity must not take, beyond {@link ModelSource}'s: what entities import, and the nested {@code Key}. */
  static final Set<String> TAKEN = Set.of("Entity", "IdClass", "GeneratedValue", "GenerationType", "ManyToOne",
      "JoinColumn", "FetchType", "Serializable", "Objects", "Key", "OnDelete", "OnDeleteAction", "ColumnDefault", "Comment",
      "GeneratedColumn");

  static String of(String pkg, InspectedTable inspected, Map<String, String> classes, Map<String, TableDefinition> all,
      String dialect) {
    TableDefinition t = inspected.table();
    String className = classes.get(t.name());
    Set<String> imports = new TreeSet<>();
    imports.add("jakarta.persistence.Column");
    imports.add("jakarta.persistence.Entity");
    List<String> notes = new ArrayList<>();
    Map<String, ForeignKeyDefinition> fkByColumn = new LinkedHashMap<>();
    t.foreignKeys().forEach(f -> fkByColumn.put(f.columns().get(0), f));
    Set<String> fieldNames = new HashSet<>();
    List<String> keyFields = new ArrayList<>();
    boolean composite = t.primaryKey().size() > 1;
    StringBuilder body = new StringBuilder();
    StringBuilder key = new StringBuilder();
    Set<io.jmigrate.schema.CheckDefinition> writtenOnField = new HashSet<>();

    for (InspectedColumn ic : inspected.columns()) {
      ColumnDefinition c = ic.column();
      boolean id = t.primaryKey().contains(c.name());
      ForeignKeyDefinition fk = fkByColumn.get(c.name());
      String target = fk == null ? null : classes.get(fk.refTable());
      ColumnDefinition referenced = target == null ? null
          : all.get(fk.refTable()).column(fk.refColumns().get(0)).orElse(null);
      boolean toKey = referenced != null && all.get(fk.refTable()).primaryKey().equals(List.of(referenced.name()));
      // A plain @ManyToOne when the column is what the association makes of the referenced key; otherwise
      // (a key column, another type or size) the column as a field of its own, and a read-only association.
      boolean association = toKey && !id && sameType(c, referenced);
      String field = unique(association ? associationName(camel(c.name())) : camel(c.name()), fieldNames);
      if (fk != null && target == null) {
        notes.add("the foreign key " + fk.name() + " (" + c.name() + " → " + fk.refTable() + "): its table has no "
            + "entity; the key stays in the database, the entity does not declare it");
      }
      if (fk != null && fk.onUpdate() != ReferentialAction.NO_ACTION) {
        notes.add("ON UPDATE " + fk.onUpdate().name().replace('_', ' ') + " of " + fk.name() + ": JPA cannot declare it;"
            + " " + io.jmigrate.catalog.Unmanaged.RESOURCE + " declares it, so validate accepts it and reports another value");
      }
      String type = c.type() == ColumnType.NATIVE && elementArray(c.sqlType()) != null ? elementArray(c.sqlType())
          : ModelSource.javaType(c.type(), id || !c.nullable(), imports);
      if (association) {
        body.append(joinColumn(fk, c, target, field, false, true, imports));
      } else {
        if (id) {
          imports.add("jakarta.persistence.Id");
          body.append("  @Id\n");
          if (c.generated()) {
            imports.add("jakarta.persistence.GeneratedValue");
            imports.add("jakarta.persistence.GenerationType");
            body.append("  @GeneratedValue(strategy = GenerationType.IDENTITY)\n");
          }
          keyFields.add(type + " " + field);
        }
        body.append("  ").append(column(c, id)).append('\n');
        jdbcTypeCode(c, body, imports);
        columnDefault(c, body, imports);
        io.jmigrate.schema.CheckDefinition own = columnCheck(t, c.name());
        if (own != null) { // Hibernate's @Check on the field: unnamed, <table>_<column>_check as PostgreSQL names it
          writtenOnField.add(own);
          imports.add("org.hibernate.annotations.Check");
          body.append("  @Check(constraints = ").append(literal(own.expression())).append(")\n");
        }
        if (c.computed()) { // Hibernate's @GeneratedColumn: GENERATED ALWAYS AS (…) STORED (virtual ones are left out)
          imports.add("org.hibernate.annotations.GeneratedColumn");
          body.append("  @GeneratedColumn(").append(literal(c.generatedAs())).append(")\n");
          if (!c.nullable()) {
            notes.add("the NOT NULL of the generated column " + c.name() + ": Hibernate 7 writes it on H2 only (not on"
                + " PostgreSQL or MariaDB), so jmigrate reads the entity's column as Hibernate makes it on the target"
                + " databases (-Ajmigrate.dialects)");
          }
        }
        if (c.comment() != null) { // Hibernate's @Comment: COMMENT ON COLUMN, or MariaDB's COMMENT in the definition
          imports.add("org.hibernate.annotations.Comment");
          body.append("  @Comment(").append(literal(c.comment())).append(")\n");
        }
        if (c.collation() != null) { // Hibernate's @Collate: "collate …" after the column's type
          imports.add("org.hibernate.annotations.Collate");
          body.append("  @Collate(").append(literal(c.collation())).append(")\n");
        }
        body.append("  ").append(type).append(' ').append(field).append(';');
        if (ic.liveType() != null) {
          body.append(" // ").append(ic.liveType());
        }
        body.append("\n\n");
        if (referenced != null) {
          String assoc = unique(associationName(field), fieldNames);
          body.append(joinColumn(fk, c, target, assoc, true, toKey, imports));
        }
      }
    }
    if (composite) {
      imports.add("jakarta.persistence.IdClass");
      imports.add("java.io.Serializable");
      imports.add("java.util.Objects");
      key.append("\n\n  /** The composite key, as {@code @IdClass} wants it: the key fields, equals and hashCode. */\n");
      key.append("  public static class Key implements Serializable {\n");
      List<String> names = new ArrayList<>();
      for (String f : keyFields) {
        key.append("    ").append(f).append(";\n");
        names.add(f.substring(f.indexOf(' ') + 1));
      }
      key.append("\n    @Override\n    public boolean equals(Object o) {\n      return o instanceof Key k");
      names.forEach(n -> key.append(" && Objects.equals(").append(n).append(", k.").append(n).append(')'));
      key.append(";\n    }\n\n    @Override\n    public int hashCode() {\n      return Objects.hash(")
          .append(String.join(", ", names)).append(");\n    }\n  }");
    }

    List<String> annotations = new ArrayList<>();
    annotations.add("@Entity");
    if (composite) {
      annotations.add("@IdClass(" + className + ".Key.class)");
    }
    if (t.comment() != null) { // Hibernate's @Comment on the entity: its table's comment
      imports.add("org.hibernate.annotations.Comment");
      annotations.add("@Comment(" + literal(t.comment()) + ")");
    }
    List<String> jmigrateTable = new ArrayList<>();
    if (t.primaryKeyName() != null) {
      jmigrateTable.add("primaryKeyName = " + literal(t.primaryKeyName()));
    }
    // An entity's table is the database's collation unless told (as Hibernate's): on MariaDB say any other.
    if ("mariadb".equals(dialect) && !TableDefinition.DATABASE_COLLATION.equals(t.collation())) {
      jmigrateTable.add("collation = " + literal(t.collationShown()));
    }
    if (!jmigrateTable.isEmpty()) {
      annotations.add("@io.jmigrate.Table(" + String.join(", ", jmigrateTable) + ")");
    }
    imports.add("jakarta.persistence.Table");
    List<String> indexes = new ArrayList<>();
    for (IndexDefinition i : t.indexes()) {
      imports.add("jakarta.persistence.Index");
      indexes.add("@Index(name = " + literal(i.name()) + ", columnList = "
          + literal(String.join(", ", i.columns().stream().map(JpaModelSource::quoted).toList()))
          + (i.unique() ? ", unique = true" : "") + ")");
    }
    String table = "@Table(name = " + name(t.name());
    if (composite && !hibernateKeyOrder(t).equals(t.primaryKey())) {
      // Hibernate orders a composite key's columns by size, then name, unless a unique constraint over exactly the
      // key's columns lists them: then the key has that order, and the constraint is no unique constraint of its own.
      imports.add("jakarta.persistence.UniqueConstraint");
      table += ", uniqueConstraints = @UniqueConstraint(columnNames = {"
          + String.join(", ", t.primaryKey().stream().map(k -> literal(quoted(k))).toList()) + "})";
      notes.add("the primary key's column order, " + t.primaryKey() + ": Hibernate would order it "
          + hibernateKeyOrder(t) + " (by size, then name), so @Table(uniqueConstraints) lists the key's columns,"
          + " which gives the key their order (and adds no unique constraint)");
    }
    if (indexes.size() == 1) {
      table += ", indexes = " + indexes.get(0);
    } else if (!indexes.isEmpty()) {
      table += ", indexes = {\n    " + String.join(",\n    ", indexes) + "\n}";
    }
    annotations.add(table + ")");
    for (io.jmigrate.schema.CheckDefinition k : t.checks()) { // Hibernate's own, which its export and jmigrate read
      if (writtenOnField.contains(k)) {
        continue;
      }
      annotations.add("@org.hibernate.annotations.Check(name = " + literal(k.name()) + ", constraints = "
          + literal(k.expression()) + ")");
    }

    StringBuilder s = new StringBuilder();
    s.append("package ").append(pkg).append(";\n\n");
    for (String imp : imports) {
      s.append("import ").append(imp).append(";\n");
    }
    s.append("\n/**\n * The table {@code ").append(t.name()).append("}, as jmigrate inspect read it from a ").append(dialect)
        .append(" database.\n");
    List<String> leftOut = new ArrayList<>(inspected.leftOut().stream().map(Finding::toString).toList());
    leftOut.addAll(notes);
    if (!leftOut.isEmpty()) {
      s.append(" *\n * <p>Left out or kept only in part (they stay in the database as they are):\n *\n * <ul>\n");
      for (String f : leftOut) {
        s.append(" *   <li>").append(ModelSource.javadoc(f)).append('\n');
      }
      s.append(" * </ul>\n");
    }
    s.append(" */\n");
    annotations.forEach(a -> s.append(a).append('\n'));
    s.append("public class ").append(className).append(" {\n");
    s.append(body.toString().stripTrailing()).append(key).append("\n}\n");
    return s.toString();
  }

  /**
   * The order Hibernate (6.6 and 7, {@code ColumnOrderingStrategyStandard}) gives the key's columns of the entity
   * written for {@code t}: by physical size (at least 4 bytes), then over 2 KB or not, then name. The sizes are
   * those jmigrate's JPA reader gives the column this class writes ({@code JpaTable.physicalSize} in the processor).
   */
  static List<String> hibernateKeyOrder(TableDefinition t) {
    List<ColumnDefinition> key = new ArrayList<>(t.primaryKey().stream().map(k -> t.column(k).orElseThrow()).toList());
    key.sort(java.util.Comparator.comparingInt((ColumnDefinition c) -> Math.max(physicalSize(c), 4))
        .thenComparing((ColumnDefinition c) -> physicalSize(c) > 2048).thenComparing((ColumnDefinition c) -> c.name()));
    return key.stream().map(ColumnDefinition::name).toList();
  }

  private static int physicalSize(ColumnDefinition c) {
    return switch (c.type()) {
      case BOOLEAN -> 1;
      case SMALLINT -> 2;
      case INTEGER, REAL, DOUBLE, DATE, TIME -> 4;
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ -> 8;
      case UUID -> 16;
      case DECIMAL -> (int) Math.ceil((c.precision() == 0 ? 38 : c.precision()) / (Math.log(10) / Math.log(2) * 8));
      case STRING, BINARY, CLOB, LONG_TEXT, BLOB -> c.length() == 255 || c.length() == 0 ? Integer.MAX_VALUE / 2 : c.length();
      case CHAR -> Math.max(c.length(), 1);
      case JSON, STRING_ARRAY, INTEGER_ARRAY, BIGINT_ARRAY, ENUM, NATIVE -> Integer.MAX_VALUE / 2;
    };
  }

  /**
   * The Java array for a PostgreSQL array of elements jmigrate has no array type for ({@code real[]},
   * {@code smallint[]}, {@code double precision[]}; {@code String[]} for other elements), null for a type that is no
   * array: with it Hibernate maps the field as an ARRAY, so its validate accepts the column (a {@code String} it
   * expects as VARCHAR, and refuses); the
   * {@code columnDefinition} keeps the type for jmigrate. Compared with Hibernate's export and validate in jpa-tests
   * ({@code mappings/nativearrays}).
   */
  static String elementArray(String sqlType) {
    if (sqlType == null || !sqlType.endsWith("[]") || sqlType.indexOf('[') != sqlType.length() - 2) {
      return null;
    }
    return switch (sqlType.substring(0, sqlType.length() - 2).trim().toLowerCase(java.util.Locale.ROOT)) {
      case "real", "float4" -> "Float[]";
      case "smallint", "int2" -> "Short[]";
      case "double precision", "float8" -> "Double[]";
      default -> "String[]"; // inet[], numeric(5,2)[]: an ARRAY to Hibernate too, which compares the type code
    };
  }

  /** What {@code inspect --jpa} cannot declare of a table: reported with the rest. */
  static List<Finding> findings(InspectedTable inspected) {
    List<Finding> out = new ArrayList<>();
    if (hasEnumType(inspected)) {
      out.add(new Finding(inspected.table().name(), "table " + inspected.table().name(), "left out: it has a column of a"
          + " PostgreSQL enum type, which an entity declares with @JdbcTypeCode(SqlTypes.NAMED_ENUM) only as Hibernate names"
          + " and orders it (the Java enum's name, labels sorted); inspect without --jpa writes a jmigrate model for it"));
      return out;
    }
    if (hasUnwritableNativeType(inspected)) {
      out.add(new Finding(inspected.table().name(), "table " + inspected.table().name(), "left out: it has a column of a"
          + " type jmigrate does not model whose name holds a quote (beyond an enum's or set's plain list of values) or"
          + " a ';', which jmigrate's JPA reader does not read from columnDefinition; inspect without --jpa writes a"
          + " jmigrate model for it"
          + " (@Column(sqlType))"));
      return out;
    }
    if (hasVirtualColumn(inspected)) {
      out.add(new Finding(inspected.table().name(), "table " + inspected.table().name(), "left out: it has a virtual"
          + " generated column, and Hibernate's @GeneratedColumn makes stored ones; inspect without --jpa writes a"
          + " jmigrate model for it (@Column(generatedAs, stored = false))"));
      return out;
    }
    if (!expressible(inspected)) {
      out.add(new Finding(inspected.table().name(), "table " + inspected.table().name(), "left out: a JPA entity needs "
          + "an @Id and the table has no primary key (inspect without --jpa writes a jmigrate model for it); "
          + "foreign keys to it are left out of the other entities"));
      return out;
    }
    for (ForeignKeyDefinition fk : inspected.table().foreignKeys()) {
      if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
        out.add(new Finding(inspected.table().name(), "foreign key " + fk.name() + " ON UPDATE "
            + fk.onUpdate().name().replace('_', ' '), "JPA cannot declare ON UPDATE; the entity's key has NO ACTION, and "
            + io.jmigrate.catalog.Unmanaged.RESOURCE + " declares the database's, which validate accepts"));
      }
    }
    return out;
  }

  /**
   * What the database keeps on the table's foreign keys that an entity cannot declare, for {@link
   * io.jmigrate.catalog.Unmanaged}: an ON UPDATE action ({@code foreign key c.p_id->p.id: on update = CASCADE}).
   */
  static List<io.jmigrate.catalog.Unmanaged.Entry> declared(InspectedTable inspected) {
    List<io.jmigrate.catalog.Unmanaged.Entry> out = new ArrayList<>();
    if (!expressible(inspected)) {
      return out;
    }
    for (ForeignKeyDefinition fk : inspected.table().foreignKeys()) {
      if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
        out.add(new io.jmigrate.catalog.Unmanaged.Entry(io.jmigrate.catalog.Unmanaged.foreignKey(inspected.table().name(),
            fk.columns(), fk.refTable(), fk.refColumns()), "on update", fk.onUpdate().sql()));
      }
    }
    return out;
  }

  /** Whether the table can be an entity: it has a primary key. */
  static boolean expressible(InspectedTable inspected) {
    return !inspected.table().primaryKey().isEmpty() && !hasEnumType(inspected) && !hasVirtualColumn(inspected)
        && !hasUnwritableNativeType(inspected);
  }

  /**
   * A column of a type jmigrate does not model that a {@code columnDefinition} cannot give as one type: one with a
   * quote or a ';' that is not an enum's or set's list of values. The others ({@code tsvector}, {@code inet}, a domain,
   * an array of one, MariaDB's {@code enum('a','b')} and {@code set('x','y')}, H2's {@code ENUM('a', 'b')}) are
   * written as {@code @Column(columnDefinition)}, which the JPA reader takes as that type.
   */
  private static boolean hasUnwritableNativeType(InspectedTable inspected) {
    return inspected.table().columns().stream().anyMatch(c -> c.type() == ColumnType.NATIVE
        && (c.sqlType().contains("'") || c.sqlType().contains(";")) && !QUOTED_LIST.matcher(c.sqlType()).matches());
  }

  /** An enum's or set's list of quoted values, as the JPA reader takes it (its JpaTypes). */
  private static final java.util.regex.Pattern QUOTED_LIST = java.util.regex.Pattern.compile(
      "(?i)(?:enum|set)\\s*\\(\\s*'(?:[^'\\\\]|'')*'(?:\\s*,\\s*'(?:[^'\\\\]|'')*')*\\s*\\)");

  /** A virtual generated column, which Hibernate cannot declare: its {@code @GeneratedColumn} is stored (see docs/jpa.md). */
  private static boolean hasVirtualColumn(InspectedTable inspected) {
    return inspected.table().columns().stream().anyMatch(c -> c.computed() && !c.stored());
  }

  /**
   * A PostgreSQL enum type column: Hibernate names its type after the Java enum and sorts its labels, so
   * an entity cannot declare a type of another name or order (inspect without --jpa writes a jmigrate model).
   */
  private static boolean hasEnumType(InspectedTable inspected) {
    return inspected.table().columns().stream().anyMatch(c -> c.type() == ColumnType.ENUM);
  }

  /**
   * The check of {@code table} named {@code <table>_<column>_check}: the name PostgreSQL gives a check Hibernate
   * writes unnamed on the column, and the one jmigrate gives a column's check, so it goes back on the field.
   */
  private static io.jmigrate.schema.CheckDefinition columnCheck(TableDefinition t, String column) {
    String name = t.name() + "_" + column + "_check";
    return t.checks().stream().filter(k -> k.name().equals(name) && name.length() <= 63).findFirst().orElse(null);
  }

  private static String column(ColumnDefinition c, boolean id) {
    List<String> args = new ArrayList<>();
    args.add("name = " + name(c.name()));
    if (!c.nullable() && !id) {
      args.add("nullable = false");
    }
    if (c.type() == ColumnType.STRING) {
      args.add(c.length() > 0 ? "length = " + c.length() : "columnDefinition = \"text\"");
    }
    if (c.type() == ColumnType.CHAR || c.type() == ColumnType.STRING_ARRAY && c.length() > 0) {
      args.add("length = " + Math.max(c.length(), 1));
    }
    if (c.type() == ColumnType.DECIMAL) {
      args.add(c.precision() > 0 ? "precision = " + c.precision() + ", scale = " + c.scale()
          : "columnDefinition = \"numeric\"");
    }
    if (c.type() == ColumnType.NATIVE) { // a type jmigrate does not model: the JPA reader takes it as written
      args.add("columnDefinition = " + literal(c.sqlType()));
    }
    return "@Column(" + String.join(", ", args) + ")";
  }

  /** Fixed-length text and JSON: a {@code String} with Hibernate's {@code @JdbcTypeCode}, which makes char(n) and jsonb. */
  private static void jdbcTypeCode(ColumnDefinition c, StringBuilder body, Set<String> imports) {
    String code = c.type() == ColumnType.CHAR ? "CHAR" : c.type() == ColumnType.JSON ? "JSON" : null;
    if (code != null) {
      imports.add("org.hibernate.annotations.JdbcTypeCode");
      imports.add("org.hibernate.type.SqlTypes");
      body.append("  @JdbcTypeCode(SqlTypes.").append(code).append(")\n");
    }
  }

  /** Hibernate's {@code @ColumnDefault}: the SQL expression; a value becomes its SQL literal. */
  private static void columnDefault(ColumnDefinition c, StringBuilder body, Set<String> imports) {
    String sql = c.defaultSql();
    if (sql == null && c.defaultValue() != null) {
      String v = c.defaultValue();
      boolean bare = switch (c.type()) {
        case INTEGER, BIGINT, SMALLINT, DOUBLE, REAL, DECIMAL, BOOLEAN -> true;
        default -> false;
      };
      sql = bare ? v : "'" + v.replace("'", "''") + "'";
    }
    if (sql != null) {
      imports.add("org.hibernate.annotations.ColumnDefault");
      body.append("  @ColumnDefault(").append(literal(sql)).append(")\n");
    }
  }

  private static String joinColumn(ForeignKeyDefinition fk, ColumnDefinition c, String target, String field,
      boolean readOnly, boolean toKey, Set<String> imports) {
    imports.add("jakarta.persistence.ManyToOne");
    imports.add("jakarta.persistence.JoinColumn");
    imports.add("jakarta.persistence.ForeignKey");
    imports.add("jakarta.persistence.FetchType");
    StringBuilder s = new StringBuilder("  @ManyToOne(fetch = FetchType.LAZY)\n  @JoinColumn(name = ").append(name(c.name()));
    if (!toKey) {
      s.append(", referencedColumnName = ").append(name(fk.refColumns().get(0)));
    }
    if (readOnly) {
      s.append(", insertable = false, updatable = false");
    } else if (!c.nullable()) {
      s.append(", nullable = false");
    }
    s.append(",\n      foreignKey = @ForeignKey(name = ").append(literal(fk.name())).append("))\n");
    if (fk.onDelete() != ReferentialAction.NO_ACTION) {
      imports.add("org.hibernate.annotations.OnDelete");
      imports.add("org.hibernate.annotations.OnDeleteAction");
      s.append("  @OnDelete(action = OnDeleteAction.").append(fk.onDelete().name()).append(")\n");
    }
    if (!readOnly && c.comment() != null) { // Hibernate's @Comment on a to-one field: its join column's comment
      imports.add("org.hibernate.annotations.Comment");
      s.append("  @Comment(").append(literal(c.comment())).append(")\n");
    }
    return s.append("  ").append(target).append(' ').append(field).append(";\n\n").toString();
  }

  private static boolean sameType(ColumnDefinition a, ColumnDefinition b) {
    return a.type() == b.type() && a.length() == b.length() && a.precision() == b.precision() && a.scale() == b.scale()
        && a.defaultSql() == null && a.defaultValue() == null;
  }

  /** {@code artistId} → {@code artist}; otherwise the field's name with {@code Ref}. */
  private static String associationName(String field) {
    return field.length() > 2 && field.endsWith("Id") ? field.substring(0, field.length() - 2) : field + "Ref";
  }

  private static String unique(String base, Set<String> used) {
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + i;
    }
    return name;
  }

  /** A name as a Java literal, quoted for JPA unless it is plain lower case, which every naming keeps as it is. */
  static String name(String name) {
    return literal(quoted(name));
  }

  private static String quoted(String name) {
    return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name + "\"";
  }
}
