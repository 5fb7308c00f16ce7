package io.jmigrate.processor.model.validate;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.TableDeclaration;
import io.jmigrate.dialect.BuildRules;
import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.UnsupportedDatabaseException;
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


  /**
   * An expression every built-in dialect reads alike as a default: a number, a quoted text, NULL,
   * TRUE/FALSE, CURRENT_TIMESTAMP/CURRENT_DATE. Anything else ({@code now()}, {@code gen_random_uuid()})
   * is one dialect's SQL as far as jmigrate can tell.
   */
  private static final String PORTABLE = "(?i)\\s*(-?[0-9]+(\\.[0-9]+)?|'([^']|'')*'|NULL|TRUE|FALSE|CURRENT_TIMESTAMP|CURRENT_DATE)\\s*";

  private final List<String> targets;
  /** Each target's rules, by name, in the targets' order (an unknown target is reported by the processor). */
  private final Map<String, BuildRules> rules = new java.util.LinkedHashMap<>();

  DialectRules(List<String> targets) {
    this.targets = List.copyOf(targets);
    for (String t : targets) {
      try {
        rules.put(t, Dialect.named(t).buildRules());
      } catch (UnsupportedDatabaseException unknown) {
        // reported once, by the processor, before any model is read
      }
    }
  }

  /** The first target whose rules have {@code limit}, or null. */
  private String first(java.util.function.Predicate<BuildRules> limit) {
    return rules.entrySet().stream().filter(e -> limit.test(e.getValue())).map(Map.Entry::getKey).findFirst().orElse(null);
  }

  private String dialects() {
    return String.join(",", targets);
  }

  /** How messages name a target's database: its costs' name for it, else its own name. */
  private static String displayName(String target) {
    io.jmigrate.dialect.Costs costs = Dialect.named(target).costs();
    return costs != null ? costs.displayName() : target;
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
    Problem p = generated(c);
    p = p != null ? p : collation(c);
    p = p != null ? p : coverage(c, given);
    p = p != null ? p : mariaDbLength(c);
    return p != null ? p : mariaDbTextDefault(c);
  }

  /**
   * MariaDB keeps a TEXT column's default as an expression in 3-byte UTF-8: a character beyond
   * the BMP (an emoji) would be stored as '?'. A VARCHAR's default keeps it.
   */
  private Problem mariaDbTextDefault(ColumnDeclaration c) {
    ColumnType type = c.javaType().columnType();
    String t = first(BuildRules::textDefaultsInBmpOnly);
    if (t != null && c.defaultValue() != null
        && (type == ColumnType.STRING && c.length() == 0 || type == ColumnType.CLOB || type == ColumnType.LONG_TEXT)
        && !c.defaultValue().codePoints().allMatch(Character::isBmpCodePoint)) {
      return Problem.error(c.origin().of("defaultValue"), rules.get(t).databases() + " keep the default of a TEXT column in 3-byte "
          + "UTF-8, so a character beyond it (an emoji) in the defaultValue of " + c.qualifiedField() + " would be stored"
          + " as '?' (" + t + " is a target dialect: -Ajmigrate.dialects=" + dialects() + "). Give the "
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
    List<String> folding = rules.entrySet().stream().filter(e -> e.getValue().namesIgnoreCase()).map(Map.Entry::getKey)
        .toList();
    if (folding.isEmpty()) {
      return null;
    }
    return what + " \"" + name + "\" differs from \"" + other + "\" only in case, and "
        + String.join(" and ", folding.stream().map(DialectRules::displayName).toList())
        + " compare" + (folding.size() == 1 ? "s" : "") + " names without case (-Ajmigrate.dialects="
        + String.join(",", targets) + "), so the two would be one there. " + fix;
  }

  /**
   * A column's own collation: text only, a plain name (written into the SQL as it is), and one every target
   * dialect can give a column: H2 has none per column, SQLite only its built-in ones.
   */
  private Problem collation(ColumnDeclaration c) {
    if (c.collation() == null) {
      return null;
    }
    ColumnType type = c.javaType().columnType();
    if (type != null && !type.collates()) {
      return Problem.error(c.origin().of("collation"), c.qualifiedField() + " has a collation but is "
          + type + ": a collation orders text, so only a String column (VARCHAR, TEXT or a fixed CHAR) has one");
    }
    if (!c.collation().matches("[A-Za-z0-9_.@-]+")) {
      return Problem.error(c.origin().of("collation"), "\"" + c.collation() + "\" is not a collation name: give the"
          + " name as the database spells it, letters, digits and _ . - @ only (\"C\", \"utf8mb4_unicode_ci\", \"NOCASE\")");
    }
    String none = first(r -> !r.hasColumnCollations());
    if (none != null) {
      return Problem.error(c.origin().of("collation"), c.qualifiedField() + " has the collation " + c.collation()
          + ", and " + rules.get(none).databases() + " has no collation per column (" + none + " is a target dialect:"
          + " -Ajmigrate.dialects=" + dialects() + "). Remove the collation, or leave " + none + " out of the targets.");
    }
    String fixed = first(r -> r.columnCollations() != null
        && !r.columnCollations().contains(c.collation().toUpperCase(java.util.Locale.ROOT)));
    if (fixed != null) {
      return Problem.error(c.origin().of("collation"), "the collation " + c.collation() + " of " + c.qualifiedField()
          + " is not one of " + rules.get(fixed).databases() + "'s (" + String.join(", ",
              new TreeSet<>(rules.get(fixed).columnCollations())) + "; " + fixed + " is a target dialect:"
          + " -Ajmigrate.dialects=" + dialects() + "). Collation names are the database's own: give one that every"
          + " target has.");
    }
    return null;
  }

  /** A generated column has no default and is no key; a virtual one needs targets that have them. */
  private Problem generated(ColumnDeclaration c) {
    if (c.generatedAs() == null) {
      return null;
    }
    if (c.id() || (c.defaultValue() != null && !c.defaultValue().isEmpty()) || c.defaultSql() != null
        || !c.defaultSqlVariants().isEmpty()) {
      return Problem.error(c.origin().of("generatedAs"), c.qualifiedField() + " is generated (generatedAs): the"
          + " database computes every value, so it can be neither an @Id nor have a default");
    }
    String noVirtual = first(r -> !r.hasVirtualGeneratedColumns());
    if (!c.stored() && noVirtual != null) {
      return Problem.error(c.origin().of("stored"), c.qualifiedField() + " is a virtual generated column (stored ="
          + " false), which " + rules.get(noVirtual).databases() + " does not have (" + noVirtual + " is a target"
          + " dialect: -Ajmigrate.dialects=" + dialects() + "). Store it (stored = true, the default).");
    }
    return null;
  }

  /** MariaDB/MySQL keep a utf8mb4 VARCHAR within the 65535-byte row. */
  private Problem mariaDbLength(ColumnDeclaration c) {
    List<String> noEnumTypes = targets.stream().filter(t -> rules.containsKey(t) && !rules.get(t).hasEnumTypes()).toList();
    if (c.javaType().columnType() == ColumnType.ENUM && !noEnumTypes.isEmpty()) {
      return Problem.error(c.origin(), c.qualifiedField() + " is stored as the PostgreSQL enum type " + c.javaType().enumType()
          + ", which " + String.join(" and ", noEnumTypes) + " do" + (noEnumTypes.size() == 1 ? "es" : "") + " not have"
          + " (target dialects: -Ajmigrate.dialects=" + dialects() + "). Store it as text (JPA:"
          + " @Enumerated(STRING) without @JdbcTypeCode(SqlTypes.NAMED_ENUM); @Table: no enumType), or target postgresql only.");
    }
    String noArrays = first(r -> !r.hasArrays());
    if (noArrays != null && c.javaType().columnType() != null && c.javaType().columnType().element() != null) {
      return Problem.error(c.origin(), c.qualifiedField() + " is an array (" + c.javaType() + "), which "
          + rules.get(noArrays).databases() + " does not have (" + noArrays + " is a target dialect: -Ajmigrate.dialects="
          + dialects() + "). Store the"
          + " values in a table of their own (JPA: @ElementCollection), or as a JSON document (@Json String).");
    }
    String fixed = first(r -> r.maxFixedLength() > 0 && c.length() > r.maxFixedLength());
    if (fixed != null && c.javaType().columnType() == ColumnType.CHAR) {
      int max = rules.get(fixed).maxFixedLength();
      return Problem.error(c.origin().of("length"), "length " + c.length() + " is more than " + rules.get(fixed).databases()
          + " allow for a fixed-length CHAR (" + max + "; a target dialect: -Ajmigrate.dialects=" + dialects() + ")."
          + " Give at most " + max + ", or use a String without fixed = true (VARCHAR).");
    }
    String varchar = first(r -> r.maxVarcharLength() > 0 && c.length() > r.maxVarcharLength());
    if (varchar != null && c.javaType().columnType() == ColumnType.STRING) {
      int max = rules.get(varchar).maxVarcharLength();
      return Problem.error(c.origin().of("length"), "length " + c.length() + " is more than " + rules.get(varchar).databases()
          + " can hold in a VARCHAR (" + max + " characters of utf8mb4, a target dialect: "
          + "-Ajmigrate.dialects=" + dialects() + "). Give at most " + max + ", or no length (TEXT)"
          + " (JPA: Hibernate's SqlTypes.LONGVARCHAR is varchar(32600); SqlTypes.LONG32VARCHAR is a TEXT type there).");
    }
    return null;
  }

  /**
   * MariaDB/MySQL cannot key or index a BLOB (a {@code byte[]}) without a prefix length, nor a
   * VARCHAR beyond 3072 bytes (768 utf8mb4 characters).
   */
  List<Problem> keys(TableDeclaration t, Map<String, ColumnDeclaration> columns) {
    List<Problem> problems = new ArrayList<>();
    String target = first(r -> r.maxKeyBytes() > 0 || r.maxKeyedLength() > 0 || !r.keysLargeValues());
    if (target == null) {
      return problems;
    }
    BuildRules r = rules.get(target);
    for (ColumnDeclaration c : columns.values()) {
      if (c.id() || c.unique() || c.foreignKey() != null) {
        String what = c.id() ? "a primary key" : c.unique() ? "a unique index" : "a foreign key";
        // A too-long string is its length's fault; anything else the key's.
        String at = c.javaType().columnType() == ColumnType.STRING ? "length"
            : c.id() ? "generated" : c.unique() ? "unique" : "foreignKey";
        add(problems, key(target, r, c, what, c.origin().of(at)));
      }
    }
    for (IndexDeclaration i : t.indexes()) {
      for (int k = 0; k < i.columns().size(); k++) {
        ColumnDeclaration c = columns.get(i.columns().get(k));
        if (c != null) {
          add(problems, key(target, r, c, "an index", i.origin().of("columns", k)));
        }
      }
    }
    if (problems.isEmpty()) {
      // Each column fits: the key as a whole must too (InnoDB sums its parts' widths).
      List<ColumnDeclaration> primary = columns.values().stream().filter(ColumnDeclaration::id).toList();
      add(problems, keyLength(target, r, t, primary, "the primary key", t.origin()));
      for (IndexDeclaration i : t.indexes()) {
        List<ColumnDeclaration> parts = i.columns().stream().map(columns::get).filter(c -> c != null).toList();
        add(problems, keyLength(target, r, t, parts, i.unique() ? "the unique index" : "the index", i.origin().of("columns")));
      }
    }
    return problems;
  }

  /** A key whose columns are together wider than the target allows: CREATE TABLE would fail at the first migrate. */
  private Problem keyLength(String target, BuildRules r, TableDeclaration t, List<ColumnDeclaration> parts, String what,
      io.jmigrate.processor.model.Origin at) {
    int limit = r.maxKeyBytes();
    int total = parts.stream().mapToInt(c -> keyBytes(r, c)).sum();
    if (limit == 0 || parts.size() < 2 || total <= limit) {
      return null;
    }
    List<String> widths = parts.stream().map(c -> c.name() + " " + keyBytes(r, c)).toList();
    return Problem.error(at, what + " of " + t.name() + " (" + parts.stream().map(ColumnDeclaration::name)
        .collect(java.util.stream.Collectors.joining(", ")) + ") is " + total + " bytes wide on " + r.databases() + " ("
        + String.join(", ", widths) + "; a utf8mb4 character is 4 bytes), more than InnoDB's " + limit
        + " bytes for a key (" + target + " is a target dialect: -Ajmigrate.dialects=" + dialects()
        + "), so the first migrate would fail there. " + shorter(r, parts, total, limit));
  }

  /**
   * What makes a too-wide key fit: the longest string column shorter, when that alone leaves it at least as long as
   * sharing the cut would; otherwise the string columns at most one length each (those already shorter keep
   * theirs), the longest length with which the key fits. Never a length below 1: when even that does not fit,
   * fewer columns.
   */
  private static String shorter(BuildRules r, List<ColumnDeclaration> parts, int total, int limit) {
    List<ColumnDeclaration> strings = new ArrayList<>(parts.stream()
        .filter(c -> c.javaType().columnType() == ColumnType.STRING).toList());
    int others = total - strings.stream().mapToInt(c -> keyBytes(r, c)).sum();
    // The longest length each cut column may keep: raise it while the key still fits.
    strings.sort(java.util.Comparator.comparingInt(c -> keyBytes(r, c)));
    int share = 0;
    for (int n = 1; n <= limit; n++) {
      int width = others;
      for (ColumnDeclaration c : strings) {
        width += Math.min(keyBytes(r, c), r.keyBytes(ColumnType.STRING, n, 0, 0));
      }
      if (width > limit) {
        break;
      }
      share = n;
    }
    if (strings.isEmpty() || share == 0) {
      return "Key the table by fewer columns" + (strings.isEmpty() ? "." : ": its other columns take " + others
          + " bytes, too many for " + strings.size() + " string column" + (strings.size() == 1 ? "" : "s")
          + " of even 1 character.");
    }
    ColumnDeclaration longest = strings.get(strings.size() - 1);
    int alone = 0; // the longest length the longest column may keep, the others unchanged
    for (int n = 1; n <= limit && total - keyBytes(r, longest) + r.keyBytes(ColumnType.STRING, n, 0, 0) <= limit; n++) {
      alone = n;
    }
    if (alone >= share) {
      return "Give " + longest.qualifiedField() + " at most " + alone + " characters, or key the table by fewer columns.";
    }
    int each = r.keyBytes(ColumnType.STRING, share, 0, 0);
    List<String> cut = strings.stream().filter(c -> keyBytes(r, c) > each)
        .map(ColumnDeclaration::qualifiedField).toList();
    return "Give " + (cut.size() == 1 ? cut.get(0) : String.join(", ", cut.subList(0, cut.size() - 1)) + " and "
        + cut.get(cut.size() - 1) + " each") + " at most " + share + " characters, or key the table by fewer columns.";
  }

  /** The bytes {@code c} takes in a key on the target. */
  static int keyBytes(BuildRules r, ColumnDeclaration c) {
    return r.keyBytes(c.javaType().columnType(), c.length(), c.precision(), c.scale());
  }

  private Problem key(String name, BuildRules r, ColumnDeclaration c, String what, io.jmigrate.processor.model.Origin at) {
    String target = " (" + name + " is a target dialect: -Ajmigrate.dialects=" + dialects() + ")";
    String there = r.databases();
    if (!r.keysLargeValues() && (c.javaType().columnType() == ColumnType.CLOB
        || c.javaType().columnType() == ColumnType.LONG_TEXT) || c.javaType().columnType() == ColumnType.BLOB) {
      return Problem.error(at, c.qualifiedField() + " is a @Lob (a TEXT or BLOB type on " + there + "), which cannot"
          + " be in " + what + " there" + target + ". Key or index another column.");
    }
    if (!r.keysLargeValues() && (c.javaType().columnType() == ColumnType.JSON
        || (c.javaType().columnType() != null && c.javaType().columnType().element() != null))) {
      String kind = c.javaType().columnType() == ColumnType.JSON ? "JSON" : "an array (JSON";
      return Problem.error(at, c.qualifiedField() + " is " + kind + (kind.equals("JSON") ? " (" : ", ")
          + "a LONGTEXT on " + there + "), which cannot be in "
          + what + " there" + target + ". Key or index another column.");
    }
    if (!r.keysLargeValues() && c.javaType().columnType() == ColumnType.BINARY) {
      return Problem.error(at, c.qualifiedField() + " is a byte[] (LONGBLOB on " + there + "), which cannot be in "
          + what + " there" + target + ". Key or index another column, e.g. a hash of the bytes.");
    }
    int keyed = r.maxKeyedLength();
    if (keyed > 0 && c.javaType().columnType() == ColumnType.STRING && c.length() > keyed) {
      return Problem.error(at, c.qualifiedField() + " has length " + c.length() + ", but " + there + " index at most "
          + keyed + " utf8mb4 characters (" + r.maxKeyBytes() + " bytes), so it cannot be in " + what + " there" + target
          + ". Give at most " + keyed + ".");
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
