package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.LiveAttribute;
import io.jmigrate.dialect.LiveCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's catalog beyond JDBC, read from each table's {@code CREATE TABLE} text: generated columns
 * (left out), {@code COLLATE} (a text column's is read into the model by inspect, compared by validate),
 * {@code AUTOINCREMENT} and unnamed or column {@code CHECK} constraints; named table checks (modelled);
 * triggers; the declared column types ({@code PRAGMA table_info}), as its driver reports
 * lengths oddly.
 */
final class SqliteCatalog implements LiveCatalog {
  // A table's unnamed and column checks are attributes (fromCreateTable), each reported and kept; its named table
  // checks are the model's (namedChecks). So no kind lists the tables that have checks.
  private static final List<ObjectKind> OBJECTS = List.of(
        new ObjectKind("trigger", "SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1",
            "kept: SQLite's table rebuild recreates a table's triggers"));

  private final SqliteDialect dialect;

  SqliteCatalog(SqliteDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public List<LiveAttribute> attributes(Connection c) throws SQLException {
    List<LiveAttribute> out = new ArrayList<>();
    fromCreateTable(c, out);
    return out;
  }

  @Override
  public List<ObjectKind> objects() {
    return OBJECTS;
  }

  /** SQLite keeps a named table check only in its table's CREATE TABLE text: read from there. */
  @Override
  public Map<String, Map<String, String>> namedChecks(Connection c) throws SQLException {
    Map<String, Map<String, String>> out = new TreeMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'table'"
        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql IS NOT NULL ORDER BY name");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String sql = rs.getString(2);
        int open = sql.indexOf('(');
        int close = sql.lastIndexOf(')');
        if (open < 0 || close < open) {
          continue;
        }
        for (String part : topLevelParts(sql.substring(open + 1, close))) {
          Matcher m = NAMED_CHECK.matcher(part.strip());
          if (m.matches()) {
            String name = m.group(1);
            name = name.charAt(0) == '"' || name.charAt(0) == '`' || name.charAt(0) == '[' ? name.substring(1, name.length() - 1) : name;
            out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(name, m.group(2));
          }
        }
      }
    }
    return out;
  }

  @Override
  public Map<String, String> declaredTypes(Connection c, String table) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + dialect.quote(table) + ")")) {
      while (rs.next()) {
        out.put(rs.getString("name"), rs.getString("type"));
      }
    }
    return out;
  }

  @Override
  public String strips(LiveAttribute a, String column, String s) {
    return s.equals("DROP TABLE " + dialect.quote(a.table()))
        ? "SQLite changes it by rebuilding the table from the model, which does not have it" : null;
  }

  @Override
  public boolean rebuildsTables() {
    return true;
  }

  private static final Pattern COLLATE = Pattern.compile("(?i)\\bCOLLATE\\s+(\"[^\"]+\"|\\w+)");
  private static final Pattern AUTOINCREMENT = Pattern.compile("(?i)\\bAUTOINCREMENT\\b");
  private static final Pattern GENERATED = Pattern.compile("(?i)(\\bGENERATED\\s+ALWAYS\\s+)?\\bAS\\s*\\(");
  private static final Pattern CHECK = Pattern.compile("(?i)\\bCHECK\\s*\\(");
  /** {@code CONSTRAINT "name" CHECK (…)} among the table-level parts of the CREATE TABLE text. */
  private static final Pattern NAMED_CHECK = Pattern.compile("(?is)^CONSTRAINT\\s+(\"[^\"]+\"|`[^`]+`|\\[[^]]+]|\\S+)\\s+CHECK\\s*(\\(.*\\))$");
  private static final Pattern CONSTRAINT = Pattern.compile("(?i)^(CONSTRAINT\\s+\\S+\\s+)?(PRIMARY|UNIQUE|CHECK|FOREIGN)\\b.*",
      Pattern.DOTALL);

  /** SQLite keeps a table's definition as its CREATE TABLE text: the parts of it are read from there. */
  private static void fromCreateTable(Connection c, List<LiveAttribute> out) throws SQLException {
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
            // A named table check is the model's (namedChecks reads it); an unnamed one stays an attribute.
            if (CHECK.matcher(p).find() && !NAMED_CHECK.matcher(p).matches()) {
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
  private static List<String> topLevelParts(String body) {
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
