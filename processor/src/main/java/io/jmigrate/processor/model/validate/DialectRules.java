package io.jmigrate.processor.model.validate;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.TableDeclaration;
import io.jmigrate.schema.ColumnType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the project's target dialects ({@code -Ajmigrate.dialects=…}) cannot do, found at compile
 * time instead of at deploy: a project that tests on SQLite or H2 and deploys to PostgreSQL or
 * MariaDB learns here that a model asks for something one of them refuses. With no target named,
 * only the {@code @DefaultSql} annotations themselves are checked.
 */
final class DialectRules {
  /** The {@code name()}s of the dialects on the processor path (jmigrate's own and any registered beside them), sorted. */
  static List<String> known() {
    return io.jmigrate.dialect.Dialect.names().stream().sorted().toList();
  }

  /** utf8mb4 is 4 bytes a character: InnoDB's 3072-byte index key and 65535-byte row limit. */
  private static final int MARIADB_INDEXED_CHARS = 768;
  private static final int MARIADB_VARCHAR_CHARS = 16383;

  /**
   * An expression every built-in dialect reads alike as a default: a number, a quoted text, NULL,
   * TRUE/FALSE, CURRENT_TIMESTAMP/CURRENT_DATE. Anything else ({@code now()}, {@code gen_random_uuid()})
   * is one dialect's SQL as far as jmigrate can tell.
   */
  private static final String PORTABLE = "(?i)\\s*(-?[0-9]+(\\.[0-9]+)?|'([^']|'')*'|NULL|TRUE|FALSE|CURRENT_TIMESTAMP|CURRENT_DATE)\\s*";

  private final List<String> targets;

  DialectRules(List<String> targets) {
    this.targets = List.copyOf(targets);
  }

  /** The first problem of one column's SQL default and type on the targets; null when none. */
  Problem column(ColumnDeclaration c) {
    Set<String> given = new HashSet<>();
    for (int i = 0; i < c.defaultSqlVariants().size(); i++) {
      Map.Entry<String, String> v = c.defaultSqlVariants().get(i);
      String at = "defaultSqlVariants[" + i + "]";
      if (!known().contains(v.getKey())) {
        return Problem.error(c.origin().of(at), "@DefaultSql names the dialect \"" + v.getKey()
            + "\"; the dialects are " + String.join(", ", known()));
      }
      if (!given.add(v.getKey())) {
        return Problem.error(c.origin().of(at), "two @DefaultSql on " + c.qualifiedField() + " name the dialect \""
            + v.getKey() + "\"; give one expression per dialect");
      }
      if (v.getValue().isBlank()) {
        return Problem.error(c.origin().of(at + ".value"), "@DefaultSql(dialect = \"" + v.getKey()
            + "\") has no expression");
      }
      if (c.defaultValue() != null && !c.defaultValue().isEmpty()) {
        return Problem.error(c.origin().of(at), "give either defaultValue or @DefaultSql, not both");
      }
    }
    Problem p = coverage(c, given);
    p = p != null ? p : mariaDbLength(c);
    return p != null ? p : mariaDbTextDefault(c);
  }

  /**
   * MariaDB keeps a TEXT column's default as an expression in 3-byte UTF-8: a character beyond
   * the BMP (an emoji) would be stored as '?'. A VARCHAR's default keeps it.
   */
  private Problem mariaDbTextDefault(ColumnDeclaration c) {
    ColumnType type = c.javaType().columnType();
    if (targets.contains("mariadb") && c.defaultValue() != null
        && (type == ColumnType.STRING && c.length() == 0 || type == ColumnType.CLOB)
        && !c.defaultValue().codePoints().allMatch(Character::isBmpCodePoint)) {
      return Problem.error(c.origin().of("defaultValue"), "MariaDB and MySQL keep the default of a TEXT column in 3-byte "
          + "UTF-8, so a character beyond it (an emoji) in the defaultValue of " + c.qualifiedField() + " would be stored"
          + " as '?' (mariadb is a target dialect: -Ajmigrate.dialects=" + String.join(",", targets) + "). Give the "
          + "column a length (a VARCHAR keeps it), or leave the character out of the default.");
    }
    return null;
  }

  /**
   * Every target gets an expression: its own {@code @DefaultSql}, or the common {@code defaultSql}.
   * A common expression that is not portable serves one target at most, since jmigrate cannot
   * tell which dialect it was written for.
   */
  private Problem coverage(ColumnDeclaration c, Set<String> given) {
    if (targets.isEmpty() || !c.hasDefaultSql()) {
      return null;
    }
    List<String> without = targets.stream().filter(t -> !given.contains(t)).toList();
    String common = c.defaultSql() == null || c.defaultSql().isEmpty() ? null : c.defaultSql();
    if (common == null && !without.isEmpty()) {
      return Problem.error(c.origin().of("defaultSqlVariants[0]"), c.qualifiedField() + " has an SQL default for "
          + String.join(", ", new TreeSet<>(given)) + " but none for the target dialect" + plural(without) + " "
          + String.join(", ", without) + " (-Ajmigrate.dialects=" + String.join(",", targets) + "). Add "
          + suggestion(without) + ", or a common @Column(defaultSql = \"…\").");
    }
    if (common != null && without.size() > 1 && !common.matches(PORTABLE)) {
      return Problem.error(c.origin().of("defaultSql"), "defaultSql \"" + common + "\" would be used as written on "
          + String.join(" and ", without) + ", target dialects (-Ajmigrate.dialects=" + String.join(",", targets)
          + ") that read SQL each its own way. Add " + suggestion(without.subList(1, without.size()))
          + " (the common expression then serves " + without.get(0) + " only), or use an expression every target "
          + "reads alike (CURRENT_TIMESTAMP, CURRENT_DATE, a number, 'text').");
    }
    return null;
  }

  /**
   * Two names that differ only in case ({@code Name} and {@code name}) are one name on the target
   * dialects that compare names without case: SQLite (tables and columns), MariaDB and MySQL
   * (columns always; tables on Windows and macOS). Null when no such target is named.
   */
  String sameNameIgnoringCase(String what, String name, String other, String fix) {
    List<String> folding = targets.stream().filter(t -> t.equals("sqlite") || t.equals("mariadb")).toList();
    if (folding.isEmpty()) {
      return null;
    }
    return what + " \"" + name + "\" differs from \"" + other + "\" only in case, and "
        + String.join(" and ", folding.stream().map(t -> t.equals("sqlite") ? "SQLite" : "MariaDB").toList())
        + " compare" + (folding.size() == 1 ? "s" : "") + " names without case (-Ajmigrate.dialects="
        + String.join(",", targets) + "), so the two would be one there. " + fix;
  }

  /** MariaDB/MySQL keep a utf8mb4 VARCHAR within the 65535-byte row. */
  private Problem mariaDbLength(ColumnDeclaration c) {
    if (targets.contains("sqlite") && c.javaType().columnType() != null && c.javaType().columnType().element() != null) {
      return Problem.error(c.origin(), c.qualifiedField() + " is an array (" + c.javaType() + "), which SQLite does not"
          + " have (sqlite is a target dialect: -Ajmigrate.dialects=" + String.join(",", targets) + "). Store the"
          + " values in a table of their own (JPA: @ElementCollection), or as a JSON document (@Json String).");
    }
    if (targets.contains("mariadb") && c.javaType().columnType() == ColumnType.CHAR && c.length() > 255) {
      return Problem.error(c.origin().of("length"), "length " + c.length() + " is more than MariaDB and MySQL allow for"
          + " a fixed-length CHAR (255; a target dialect: -Ajmigrate.dialects=" + String.join(",", targets) + ")."
          + " Give at most 255, or use a String without fixed = true (VARCHAR).");
    }
    if (targets.contains("mariadb") && c.javaType().columnType() == ColumnType.STRING && c.length() > MARIADB_VARCHAR_CHARS) {
      return Problem.error(c.origin().of("length"), "length " + c.length() + " is more than MariaDB and MySQL can "
          + "hold in a VARCHAR (" + MARIADB_VARCHAR_CHARS + " characters of utf8mb4, a target dialect: "
          + "-Ajmigrate.dialects=" + String.join(",", targets) + "). Give at most " + MARIADB_VARCHAR_CHARS
          + ", or no length (TEXT).");
    }
    return null;
  }

  /**
   * MariaDB/MySQL cannot key or index a BLOB (a {@code byte[]}) without a prefix length, nor a
   * VARCHAR beyond 3072 bytes (768 utf8mb4 characters).
   */
  List<Problem> keys(TableDeclaration t, Map<String, ColumnDeclaration> columns) {
    List<Problem> problems = new ArrayList<>();
    if (!targets.contains("mariadb")) {
      return problems;
    }
    for (ColumnDeclaration c : columns.values()) {
      if (c.id() || c.unique() || c.foreignKey() != null) {
        String what = c.id() ? "a primary key" : c.unique() ? "a unique index" : "a foreign key";
        // A too-long string is its length's fault; anything else the key's.
        String at = c.javaType().columnType() == ColumnType.STRING ? "length"
            : c.id() ? "generated" : c.unique() ? "unique" : "foreignKey";
        add(problems, key(c, what, c.origin().of(at)));
      }
    }
    for (IndexDeclaration i : t.indexes()) {
      for (int k = 0; k < i.columns().size(); k++) {
        ColumnDeclaration c = columns.get(i.columns().get(k));
        if (c != null) {
          add(problems, key(c, "an index", i.origin().of("columns", k)));
        }
      }
    }
    if (problems.isEmpty()) {
      // Each column fits: the key as a whole must too (InnoDB sums its parts' widths).
      List<ColumnDeclaration> primary = columns.values().stream().filter(ColumnDeclaration::id).toList();
      add(problems, keyLength(t, primary, "the primary key", t.origin()));
      for (IndexDeclaration i : t.indexes()) {
        List<ColumnDeclaration> parts = i.columns().stream().map(columns::get).filter(c -> c != null).toList();
        add(problems, keyLength(t, parts, i.unique() ? "the unique index" : "the index", i.origin().of("columns")));
      }
    }
    return problems;
  }

  /** InnoDB's limit on a key's width, all its columns together (utf8mb4, DYNAMIC rows). */
  private static final int MARIADB_KEY_BYTES = 3072;

  /** A key whose columns are together wider than InnoDB's 3072 bytes: CREATE TABLE would fail at the first migrate. */
  private Problem keyLength(TableDeclaration t, List<ColumnDeclaration> parts, String what,
      io.jmigrate.processor.model.Origin at) {
    int total = parts.stream().mapToInt(DialectRules::mariaDbKeyBytes).sum();
    if (parts.size() < 2 || total <= MARIADB_KEY_BYTES) {
      return null;
    }
    List<String> widths = parts.stream().map(c -> c.name() + " " + mariaDbKeyBytes(c)).toList();
    ColumnDeclaration longest = parts.stream().filter(c -> c.javaType().columnType() == ColumnType.STRING)
        .max(java.util.Comparator.comparingInt(DialectRules::mariaDbKeyBytes)).orElse(null);
    String fix = longest == null ? "Key the table by fewer columns."
        : "Give " + longest.qualifiedField() + " at most " + Math.max(0, (MARIADB_KEY_BYTES - total
            + mariaDbKeyBytes(longest)) / 4) + " characters, or key the table by fewer columns.";
    return Problem.error(at, what + " of " + t.name() + " (" + parts.stream().map(ColumnDeclaration::name)
        .collect(java.util.stream.Collectors.joining(", ")) + ") is " + total + " bytes wide on MariaDB and MySQL ("
        + String.join(", ", widths) + "; a utf8mb4 character is 4 bytes), more than InnoDB's " + MARIADB_KEY_BYTES
        + " bytes for a key (mariadb is a target dialect: -Ajmigrate.dialects=" + String.join(",", targets)
        + "), so the first migrate would fail there. " + fix);
  }

  /** The bytes a column takes in an InnoDB key, as MariaDB counts them for the 3072-byte limit (measured on 10.11). */
  static int mariaDbKeyBytes(ColumnDeclaration c) {
    return switch (c.javaType().columnType()) {
      case STRING -> 4 * (c.length() > 0 ? c.length() : 255); // unbounded: VARCHAR(255) when keyed
      case UUID -> 4 * 36; // CHAR(36)
      case BOOLEAN -> 1;
      case SMALLINT -> 2;
      case DATE -> 3;
      case INTEGER, REAL -> 4;
      case TIME -> 6; // TIME(6)
      case TIMESTAMP_TZ -> 7; // TIMESTAMP(6)
      case BIGINT, DOUBLE, TIMESTAMP -> 8; // DATETIME(6)
      case DECIMAL -> c.precision() > 0 ? decimalBytes(c.precision() - c.scale()) + decimalBytes(c.scale())
          : decimalBytes(35) + decimalBytes(30); // DECIMAL(65,30)
      case CHAR -> 4 * Math.max(c.length(), 1); // VARCHAR(n) on MariaDB, as Hibernate makes it
      case BINARY, CLOB, BLOB, JSON, STRING_ARRAY, INTEGER_ARRAY, BIGINT_ARRAY -> 0; // refused as key columns
    };
  }

  /** MariaDB's packed DECIMAL: 4 bytes per 9 digits, and 0–4 for the rest. */
  private static int decimalBytes(int digits) {
    int[] rest = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
    return digits / 9 * 4 + rest[digits % 9];
  }

  private Problem key(ColumnDeclaration c, String what, io.jmigrate.processor.model.Origin at) {
    String target = " (mariadb is a target dialect: -Ajmigrate.dialects=" + String.join(",", targets) + ")";
    if (c.javaType().columnType() == ColumnType.CLOB || c.javaType().columnType() == ColumnType.BLOB) {
      return Problem.error(at, c.qualifiedField() + " is a @Lob (a TEXT or BLOB type on MariaDB and MySQL), which cannot"
          + " be in " + what + " there" + target + ". Key or index another column.");
    }
    if (c.javaType().columnType() == ColumnType.JSON
        || (c.javaType().columnType() != null && c.javaType().columnType().element() != null)) {
      String kind = c.javaType().columnType() == ColumnType.JSON ? "JSON" : "an array (JSON";
      return Problem.error(at, c.qualifiedField() + " is " + kind + (kind.equals("JSON") ? " (" : ", ")
          + "a LONGTEXT on MariaDB and MySQL), which cannot be in "
          + what + " there" + target + ". Key or index another column.");
    }
    if (c.javaType().columnType() == ColumnType.BINARY) {
      return Problem.error(at, c.qualifiedField() + " is a byte[] (LONGBLOB on MariaDB and MySQL), which cannot be in "
          + what + " there" + target + ". Key or index another column, e.g. a hash of the bytes.");
    }
    if (c.javaType().columnType() == ColumnType.STRING && c.length() > MARIADB_INDEXED_CHARS) {
      return Problem.error(at, c.qualifiedField() + " has length " + c.length() + ", but MariaDB and MySQL index at most "
          + MARIADB_INDEXED_CHARS + " utf8mb4 characters (3072 bytes), so it cannot be in " + what + " there" + target
          + ". Give at most " + MARIADB_INDEXED_CHARS + ".");
    }
    return null;
  }

  private static void add(List<Problem> problems, Problem p) {
    if (p != null) {
      problems.add(p);
    }
  }

  private static String plural(List<String> names) {
    return names.size() == 1 ? "" : "s";
  }

  private static String suggestion(List<String> dialects) {
    return String.join(" and ", dialects.stream().map(d -> "@DefaultSql(dialect = \"" + d + "\", value = \"…\")").toList());
  }
}
