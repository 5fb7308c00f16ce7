package io.jmigrate.catalog;

import io.jmigrate.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, per dialect, what live tables have that jmigrate's schema values do not describe (see
 * {@link LiveAttribute}): the one place that knows them, shared by {@code inspect}, {@code validate}
 * and the check that refuses a migration that would strip one. When the model learns an attribute
 * (a comment, a collation, a generated column), its query leaves this list.
 *
 * <ul>
 *   <li>PostgreSQL: generated columns ({@code GENERATED ALWAYS AS (…) STORED}, left out of the model),
 *       identities {@code GENERATED ALWAYS}, column collations and comments, {@code DEFERRABLE}
 *       foreign keys, indexes with a descending column or {@code INCLUDE} columns (left out);
 *   <li>MariaDB/MySQL: {@code ON UPDATE}, column comments, a column's character set or collation
 *       other than its table's, generated columns (left out); {@code UNSIGNED} integers are not
 *       attributes: inspect leaves their tables out, as no signed Java type holds their values;
 *   <li>SQLite: generated columns (left out), {@code COLLATE}, {@code AUTOINCREMENT} and {@code CHECK}
 *       constraints without a name or on a column (named table checks are modelled: {@link LiveChecks}),
 *       read from the table's {@code CREATE TABLE};
 *   <li>H2: generated columns (left out), identities {@code GENERATED ALWAYS}, column comments (its
 *       ALTER COLUMN forms change one thing each and keep the rest).
 * </ul>
 */
public final class LiveAttributes {
  private LiveAttributes() {}

  /** Each query returns: table, object, attribute, value, whether the object is left out ('t'/'f', 1/0). */
  private static final Map<String, List<String>> QUERIES = Map.of(
      "postgresql", List.of(
          "SELECT table_name, 'column ' || table_name || '.' || column_name, 'generated',"
              + " 'GENERATED ALWAYS AS (' || generation_expression || ') STORED', 't' FROM information_schema.columns"
              + " WHERE table_schema = current_schema() AND is_generated = 'ALWAYS'",
          "SELECT table_name, 'column ' || table_name || '.' || column_name, 'identity', 'GENERATED ALWAYS AS IDENTITY', 'f'"
              + " FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'"
              + " AND identity_generation = 'ALWAYS'",
          "SELECT table_name, 'column ' || table_name || '.' || column_name, 'collation', collation_name, 'f'"
              + " FROM information_schema.columns WHERE table_schema = current_schema() AND collation_name IS NOT NULL",
          "SELECT c.relname, CASE WHEN d.objsubid = 0 THEN 'table ' || c.relname ELSE 'column ' || c.relname || '.' || a.attname END,"
              + " 'comment', d.description, 'f' FROM pg_description d JOIN pg_class c ON c.oid = d.objoid"
              + " JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attribute a ON a.attrelid = c.oid"
              + " AND a.attnum = d.objsubid WHERE d.classoid = 'pg_class'::regclass AND n.nspname = current_schema()"
              + " AND c.relkind IN ('r', 'p')",
          "SELECT t.relname, 'foreign key ' || t.relname || '.' || k.conname, 'deferrable', CASE WHEN k.condeferred"
              + " THEN 'DEFERRABLE INITIALLY DEFERRED' ELSE 'DEFERRABLE INITIALLY IMMEDIATE' END, 'f' FROM pg_constraint k"
              + " JOIN pg_class t ON t.oid = k.conrelid WHERE k.contype = 'f' AND k.condeferrable"
              + " AND k.connamespace = current_schema()::regnamespace",
          "SELECT t.relname, 'index ' || i.relname, 'definition', pg_get_indexdef(i.oid), 't' FROM pg_index x"
              + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
              + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema()"
              + " AND (x.indnkeyatts < x.indnatts OR EXISTS (SELECT 1 FROM unnest(x.indoption::int2[]) o WHERE (o & 1) = 1))"),
      "mariadb", List.of(
          "SELECT TABLE_NAME, CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME), 'on update',"
              + " SUBSTRING(EXTRA, LOCATE('on update', LOWER(EXTRA))), 0 FROM information_schema.COLUMNS"
              + " WHERE TABLE_SCHEMA = DATABASE() AND LOWER(EXTRA) LIKE '%on update%'",
          "SELECT TABLE_NAME, CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME), 'comment', COLUMN_COMMENT, 0"
              + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_COMMENT <> ''",
          "SELECT c.TABLE_NAME, CONCAT('column ', c.TABLE_NAME, '.', c.COLUMN_NAME), 'collation',"
              + " CONCAT(c.CHARACTER_SET_NAME, ' ', c.COLLATION_NAME), 0 FROM information_schema.COLUMNS c"
              + " JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
              + " WHERE c.TABLE_SCHEMA = DATABASE() AND c.COLLATION_NAME IS NOT NULL AND c.COLLATION_NAME <> t.TABLE_COLLATION",
          "SELECT TABLE_NAME, CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME), 'generated', CONCAT(COLUMN_TYPE,"
              + " ' AS (', GENERATION_EXPRESSION, ') ', IF(UPPER(EXTRA) LIKE '%STORED%', 'STORED', 'VIRTUAL')), 1"
              + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND IS_GENERATED = 'ALWAYS'"),
      "h2", List.of(
          "SELECT TABLE_NAME, 'column ' || TABLE_NAME || '.' || COLUMN_NAME, 'generated', 'GENERATED ALWAYS AS ('"
              + " || GENERATION_EXPRESSION || ')', 't' FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
              + " AND IS_GENERATED = 'ALWAYS'",
          "SELECT TABLE_NAME, 'column ' || TABLE_NAME || '.' || COLUMN_NAME, 'identity', 'GENERATED ALWAYS AS IDENTITY', 'f'"
              + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND IS_IDENTITY = 'YES'"
              + " AND IDENTITY_GENERATION = 'ALWAYS'",
          "SELECT TABLE_NAME, 'column ' || TABLE_NAME || '.' || COLUMN_NAME, 'comment', REMARKS, 'f'"
              + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND REMARKS IS NOT NULL AND REMARKS <> ''"));

  /** Marks these catalog reads in a statement log, apart from a migration's own statements. */
  public static final String MARK = "/* jmigrate: kept attributes */ ";

  /** Everything of this kind in the connection's current schema, in a stable order. */
  public static List<LiveAttribute> read(Connection c, Dialect d) throws SQLException {
    List<LiveAttribute> out = new ArrayList<>();
    if (d.name().equals("sqlite")) {
      sqlite(c, out);
    }
    for (String query : QUERIES.getOrDefault(d.name(), List.of())) {
      try (PreparedStatement s = c.prepareStatement(MARK + query); ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String left = rs.getString(5);
          out.add(new LiveAttribute(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              left.equals("t") || left.equals("1")));
        }
      }
    }
    out.sort(java.util.Comparator.comparing((LiveAttribute a) -> a.object()).thenComparing(LiveAttribute::attribute));
    return out;
  }

  private static final Pattern COLLATE = Pattern.compile("(?i)\\bCOLLATE\\s+(\"[^\"]+\"|\\w+)");
  private static final Pattern AUTOINCREMENT = Pattern.compile("(?i)\\bAUTOINCREMENT\\b");
  private static final Pattern GENERATED = Pattern.compile("(?i)(\\bGENERATED\\s+ALWAYS\\s+)?\\bAS\\s*\\(");
  private static final Pattern CHECK = Pattern.compile("(?i)\\bCHECK\\s*\\(");
  private static final Pattern CONSTRAINT = Pattern.compile("(?i)^(CONSTRAINT\\s+\\S+\\s+)?(PRIMARY|UNIQUE|CHECK|FOREIGN)\\b.*",
      Pattern.DOTALL);

  /** SQLite keeps a table's definition as its CREATE TABLE text: the parts of it are read from there. */
  private static void sqlite(Connection c, List<LiveAttribute> out) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'table'"
        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql IS NOT NULL ORDER BY name");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String table = rs.getString(1);
        String sql = rs.getString(2);
        int open = sql.indexOf('(');
        int close = sql.lastIndexOf(')');
        if (open < 0 || close < open) {
          continue;
        }
        for (String part : topLevelParts(sql.substring(open + 1, close))) {
          String p = part.strip();
          if (CONSTRAINT.matcher(p).matches()) {
            // A named table check is the model's (LiveChecks reads it); an unnamed one stays an attribute.
            if (CHECK.matcher(p).find() && !LiveChecks.NAMED_CHECK.matcher(p).matches()) {
              out.add(new LiveAttribute(table, "table " + table, "check", p, false));
            }
            continue;
          }
          String[] nameAndRest = nameAndRest(p);
          String object = "column " + table + "." + nameAndRest[0];
          String rest = nameAndRest[1];
          Matcher generated = GENERATED.matcher(rest);
          if (generated.find()) {
            out.add(new LiveAttribute(table, object, "generated", rest.substring(generated.start()).strip(), true));
            continue;
          }
          Matcher collate = COLLATE.matcher(rest);
          if (collate.find()) {
            out.add(new LiveAttribute(table, object, "collation", collate.group(1).replace("\"", ""), false));
          }
          if (AUTOINCREMENT.matcher(rest).find()) {
            out.add(new LiveAttribute(table, object, "autoincrement", "AUTOINCREMENT", false));
          }
          if (CHECK.matcher(rest).find()) {
            out.add(new LiveAttribute(table, object, "check", rest.substring(CHECK.matcher(rest).results().findFirst()
                .orElseThrow().start()).strip(), false));
          }
        }
      }
    }
  }

  /** The comma-separated parts of a definition list, commas inside parentheses and quotes not splitting. */
  static List<String> topLevelParts(String body) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    StringBuilder current = new StringBuilder();
    for (char ch : body.toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
        quote = ch == '[' ? ']' : ch;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(ch);
    }
    if (!current.toString().isBlank()) {
      parts.add(current.toString());
    }
    return parts;
  }

  /** A column definition's name, unquoted, and where the rest of the definition starts. */
  private static String[] nameAndRest(String part) {
    char first = part.charAt(0);
    if (first == '"' || first == '`' || first == '[') {
      int close = part.indexOf(first == '[' ? ']' : first, 1);
      close = close < 0 ? part.length() - 1 : close;
      return new String[] {part.substring(1, close), part.substring(close + 1)};
    }
    String[] words = part.split("\\s+", 2);
    return new String[] {words[0], words.length > 1 ? words[1] : ""};
  }
}
