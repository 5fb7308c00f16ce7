package io.jmigrate.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the comparison compares: one database's tables, columns (normalised type, nullability,
 * identity), primary keys, foreign keys (columns, referenced table and columns, actions), unique
 * constraints and indexes, and sequences, read through JDBC {@link DatabaseMetaData} as text lines
 * in a stable order (on SQLite, only tables, columns, nullability and primary keys: see
 * {@link Target#hibernateIsReference}). Constraint and index names are left out: jmigrate and Hibernate name them
 * differently, and nothing but a name depends on it.
 */
final class Catalog {
  private static final Set<String> SIZED = Set.of("varchar", "character varying", "char", "character", "bpchar",
      "nvarchar", "nchar", "varbinary", "binary", "binary varying", "character large object", "float");
  private static final Set<String> SCALED = Set.of("numeric", "decimal");

  private Catalog() {}

  /** Every line of the current catalog and schema, sorted; jmigrate's own history table left out. */
  static List<String> read(Connection c, Target target) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String catalog = c.getCatalog();
    String schema = target == Target.MARIADB || target == Target.SQLITE ? null : c.getSchema();
    TreeSet<String> lines = new TreeSet<>();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String t = rs.getString("TABLE_NAME");
        // HTE_/HT_: Hibernate's scratch tables for multi-table updates, which its SQLite dialect
        // makes as ordinary tables; they belong to Hibernate's runtime, not to the model.
        if (!t.equalsIgnoreCase("jmigrate_history") && !t.startsWith("sqlite_") && !t.startsWith("HTE_") && !t.startsWith("HT_")) {
          tables.add(t);
        }
      }
    }
    int duplicate = 0;
    for (String t : tables) {
      String shown = target == Target.SQLITE ? t.toLowerCase(Locale.ROOT) : t; // SQLite's table names ignore case
      lines.add("table " + shown);
      try (ResultSet rs = md.getColumns(catalog, schema, t, "%")) {
        while (rs.next()) {
          boolean full = target.hibernateIsReference;
          lines.add("column " + shown + "." + column(rs, "COLUMN_NAME", target) + (full ? " " + type(rs) : "")
              + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : "")
              + (full && "YES".equals(rs.getString("IS_AUTOINCREMENT")) ? " identity" : ""));
        }
      }
      List<String> pk = keyColumns(md, catalog, schema, t, target);
      if (!pk.isEmpty()) {
        lines.add("primary key " + shown + " (" + String.join(", ", pk) + ")");
      }
      if (!target.hibernateIsReference) {
        continue; // see Target.hibernateIsReference
      }
      List<List<String>> foreignKeyColumns = new ArrayList<>();
      for (ForeignKey fk : foreignKeys(md, catalog, schema, t, target)) {
        foreignKeyColumns.add(fk.columns);
        lines.add("foreign key " + t + " (" + String.join(", ", fk.columns) + ") references " + fk.table
            + " (" + String.join(", ", fk.referenced) + ")" + fk.actions);
      }
      for (Map.Entry<String, Index> e : indexes(md, catalog, schema, t, target).entrySet()) {
        Index ix = e.getValue();
        if (ix.columns.equals(pk)) {
          continue; // the primary key's own index
        }
        if (!ix.unique && target.indexesForeignKeys && foreignKeyColumns.contains(ix.columns)) {
          continue; // made by the database for a foreign key (see Target.indexesForeignKeys)
        }
        String line = (ix.unique ? "unique " : "index ") + t + " (" + String.join(", ", ix.columns) + ")";
        if (!lines.add(line)) {
          lines.add(line + " #" + (++duplicate)); // two alike: keep both visible
        }
      }
    }
    lines.addAll(sequences(c, target));
    lines.addAll(checks(c, target));
    lines.addAll(enumTypes(c, target));
    return List.copyOf(lines);
  }

  /**
   * The check constraints, by table and expression as the database gives it back (not by name:
   * Hibernate's are unnamed, so the database names them; jmigrate names its own). MariaDB's own
   * {@code json_valid} check of a JSON column is the type's, not the model's.
   */
  private static List<String> checks(Connection c, Target target) throws SQLException {
    String query = switch (target) {
      case POSTGRESQL -> "SELECT t.relname, pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint k"
          + " JOIN pg_catalog.pg_class t ON t.oid = k.conrelid WHERE k.contype = 'c'"
          + " AND k.connamespace = current_schema()::regnamespace";
      case H2 -> "SELECT t.TABLE_NAME, k.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
          + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS k ON k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
          + " AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME WHERE t.CONSTRAINT_TYPE = 'CHECK' AND t.TABLE_SCHEMA = CURRENT_SCHEMA";
      case MARIADB -> "SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
          + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND CHECK_CLAUSE NOT LIKE 'json_valid(%'";
      default -> null;
    };
    List<String> out = new ArrayList<>();
    if (query == null || !target.hibernateIsReference) {
      return out;
    }
    try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        String clause = rs.getString(2);
        if (target == Target.MARIADB) { // its column names compare without case (as the columns' lines show them)
          clause = java.util.regex.Pattern.compile("`[^`]*`").matcher(clause)
              .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group().toLowerCase(Locale.ROOT)));
        }
        out.add("check " + rs.getString(1) + " " + conjunctsSorted(clause));
      }
    }
    return out;
  }

  /**
   * A check of several conditions joined by AND, its conditions sorted: Hibernate joins a column's unnamed checks
   * into one, and Bean Validation's two bounds ({@code @Min}, {@code @Max}) come in the order of Hibernate
   * Validator's constraint set, an immutable set whose order changes from run to run. Any other check as given.
   */
  static String conjunctsSorted(String clause) {
    String body = clause.strip();
    String prefix = "";
    if (body.regionMatches(true, 0, "CHECK ", 0, 6)) {
      prefix = body.substring(0, 6);
      body = body.substring(6).strip();
    }
    body = unwrapped(body);
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (quote != 0) {
        quote = ch == quote ? 0 : quote;
      } else if (ch == '\'' || ch == '"' || ch == '`') {
        quote = ch;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (depth == 0 && body.regionMatches(true, i, " and ", 0, 5)
          || depth == 0 && body.regionMatches(true, i, "\nand ", 0, 5)) {
        parts.add(unwrapped(body.substring(start, i).strip()));
        start = i + 5;
      }
    }
    if (parts.isEmpty() || body.toLowerCase(Locale.ROOT).contains(" between ")) {
      return clause;
    }
    parts.add(unwrapped(body.substring(start).strip()));
    parts.sort(null);
    return prefix + "(" + String.join(") AND (", parts) + ")";
  }

  /** {@code (a)} as {@code a}: the outer parentheses around the whole. */
  private static String unwrapped(String e) {
    while (e.startsWith("(") && e.endsWith(")")) {
      int depth = 0;
      int closes = -1;
      for (int i = 0; i < e.length() && closes < 0; i++) {
        depth += e.charAt(i) == '(' ? 1 : e.charAt(i) == ')' ? -1 : 0;
        closes = depth == 0 ? i : -1;
      }
      if (closes != e.length() - 1) {
        break;
      }
      e = e.substring(1, e.length() - 1).strip();
    }
    return e;
  }

  /**
   * A column name, in lower case where the database compares column names regardless of case
   * (MariaDB, SQLite): there {@code firstName} and {@code firstname} are one column to every query.
   * MariaDB's table names are kept as they are: they are file names, case-sensitive on Linux.
   */
  private static String column(ResultSet rs, String label, Target target) throws SQLException {
    String name = rs.getString(label);
    return target == Target.MARIADB || target == Target.SQLITE ? name.toLowerCase(Locale.ROOT) : name;
  }

  /** The type as the database reports it, with the length or precision and scale that matter for it. */
  private static String type(ResultSet rs) throws SQLException {
    String name = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").trim();
    int jdbc = rs.getInt("DATA_TYPE");
    int size = rs.getInt("COLUMN_SIZE");
    if (SCALED.contains(name) || jdbc == Types.NUMERIC || jdbc == Types.DECIMAL) {
      return name + "(" + size + "," + rs.getInt("DECIMAL_DIGITS") + ")";
    }
    if (SIZED.contains(name)) {
      return name + "(" + size + ")";
    }
    return name;
  }

  private static List<String> keyColumns(DatabaseMetaData md, String catalog, String schema, String t, Target target) throws SQLException {
    Map<Integer, String> bySeq = new java.util.TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(catalog, schema, t)) {
      while (rs.next()) {
        bySeq.put(rs.getInt("KEY_SEQ"), column(rs, "COLUMN_NAME", target));
      }
    }
    return List.copyOf(bySeq.values());
  }

  private record ForeignKey(List<String> columns, String table, List<String> referenced, String actions) {}

  private static List<ForeignKey> foreignKeys(DatabaseMetaData md, String catalog, String schema, String t, Target target) throws SQLException {
    List<ForeignKey> out = new ArrayList<>();
    List<String> columns = null;
    List<String> referenced = null;
    try (ResultSet rs = md.getImportedKeys(catalog, schema, t)) {
      while (rs.next()) {
        if (rs.getInt("KEY_SEQ") == 1) { // a new key begins (SQLite's keys have no names to group by)
          columns = new ArrayList<>();
          referenced = new ArrayList<>();
          out.add(new ForeignKey(columns, rs.getString("PKTABLE_NAME"), referenced,
              action(" on update ", rs.getShort("UPDATE_RULE")) + action(" on delete ", rs.getShort("DELETE_RULE"))));
        }
        columns.add(column(rs, "FKCOLUMN_NAME", target));
        referenced.add(column(rs, "PKCOLUMN_NAME", target));
      }
    }
    return out;
  }

  /** NO ACTION and RESTRICT are alike until a deferred check: both print nothing. */
  private static String action(String prefix, short rule) {
    return switch (rule) {
      case DatabaseMetaData.importedKeyCascade -> prefix + "cascade";
      case DatabaseMetaData.importedKeySetNull -> prefix + "set null";
      case DatabaseMetaData.importedKeySetDefault -> prefix + "set default";
      default -> "";
    };
  }

  private record Index(boolean unique, List<String> columns) {}

  private static Map<String, Index> indexes(DatabaseMetaData md, String catalog, String schema, String t, Target target) throws SQLException {
    Map<String, Index> out = new LinkedHashMap<>();
    Map<String, Map<Integer, String>> columns = new LinkedHashMap<>();
    Map<String, Boolean> unique = new LinkedHashMap<>();
    try (ResultSet rs = md.getIndexInfo(catalog, schema, t, false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        unique.put(name, !rs.getBoolean("NON_UNIQUE"));
        columns.computeIfAbsent(name, n -> new java.util.TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), column(rs, "COLUMN_NAME", target));
      }
    }
    for (String name : columns.keySet()) {
      out.put(name, new Index(unique.get(name), List.copyOf(columns.get(name).values())));
    }
    return out;
  }

  /** PostgreSQL's enum types (Hibernate's for {@code SqlTypes.NAMED_ENUM}) with their labels in order. */
  private static List<String> enumTypes(Connection c, Target target) throws SQLException {
    List<String> out = new ArrayList<>();
    if (target != Target.POSTGRESQL) {
      return out;
    }
    try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT t.typname, string_agg(e.enumlabel, ','"
        + " ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e"
        + " ON e.enumtypid = t.oid WHERE n.nspname = current_schema() GROUP BY t.typname")) {
      while (rs.next()) {
        out.add("enum type " + rs.getString(1) + " (" + rs.getString(2) + ")");
      }
    }
    return out;
  }

  /** Sequences (Hibernate's for SEQUENCE and AUTO ids) with their increment, where the database has them. */
  private static List<String> sequences(Connection c, Target target) throws SQLException {
    String sql = switch (target) {
      case POSTGRESQL -> "SELECT sequence_name, increment FROM information_schema.sequences WHERE sequence_schema = current_schema()";
      case H2 -> "SELECT sequence_name, increment FROM information_schema.sequences WHERE sequence_schema = current_schema"
          + " AND sequence_name NOT LIKE 'system_sequence%'";
      case MARIADB -> "SELECT table_name, '' FROM information_schema.tables WHERE table_schema = database() AND table_type = 'SEQUENCE'";
      case SQLITE -> null;
    };
    List<String> out = new ArrayList<>();
    if (sql == null) {
      return out;
    }
    try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String increment = rs.getString(2);
        out.add("sequence " + rs.getString(1) + (increment.isEmpty() ? "" : " increment " + increment));
      }
    }
    return out;
  }
}
