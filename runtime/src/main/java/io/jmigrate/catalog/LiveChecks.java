package io.jmigrate.catalog;

import io.jmigrate.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The named table-level check constraints of the live tables, per dialect, read alike by
 * {@code inspect} and {@code validate}: table, then check name, then the expression as the database
 * gives it back (PostgreSQL and H2 rewrite it: {@code ((status)::text = ANY (…))}, so expressions are
 * shown, and checks are compared by name). Names are lower-cased where the database folded them.
 * A check written on a column ({@code status text CHECK (…)}) is not read here: MariaDB makes one for
 * every JSON column, and SQLite's stays a {@link LiveAttributes kept attribute}.
 */
public final class LiveChecks {
  private LiveChecks() {}

  private static final Map<String, String> QUERIES = Map.of(
      "postgresql", "SELECT t.relname, k.conname, pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint k"
          + " JOIN pg_catalog.pg_class t ON t.oid = k.conrelid WHERE k.contype = 'c' AND t.relkind IN ('r', 'p')"
          + " AND k.connamespace = current_schema()::regnamespace AND k.conislocal",
      "mariadb", "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
          + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND LEVEL = 'Table'",
      "h2", "SELECT t.TABLE_NAME, t.CONSTRAINT_NAME, k.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
          + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS k ON k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
          + " AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME WHERE t.CONSTRAINT_TYPE = 'CHECK'"
          + " AND t.TABLE_SCHEMA = CURRENT_SCHEMA");

  /** Table name to (check name to expression), both sorted. */
  public static Map<String, Map<String, String>> read(Connection c, Dialect d) throws SQLException {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> table : d.liveCatalog().namedChecks(c).entrySet()) {
      table.getValue().forEach((name, expression) ->
          out.computeIfAbsent(table.getKey(), k -> new TreeMap<>()).put(name, unwrapped(expression.strip())));
    }
    String query = QUERIES.get(d.name());
    if (query == null) {
      return out;
    }
    if (d.name().equals("mariadb") && !hasLevel(c)) {
      query = MYSQL; // MySQL: no LEVEL (nor column checks of its own: a column's CHECK is a table's there)
    }
    try (PreparedStatement s = c.prepareStatement(query); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String expression = rs.getString(3);
        if (d.name().equals("postgresql") && expression.startsWith("CHECK ")) {
          expression = expression.substring("CHECK ".length());
        }
        out.computeIfAbsent(folded(d, rs.getString(1)), k -> new TreeMap<>())
            .put(folded(d, rs.getString(2)), unwrapped(expression.strip()));
      }
    }
    return out;
  }

  /**
   * MariaDB's checks written on a column ({@code price int check (price >= 0)}, as Hibernate's export writes a
   * column's checks), which MariaDB names after the column: table to (name to expression), its own {@code
   * json_valid} check of a JSON column left out. Empty on other databases, where such a check is a table's.
   * {@code validate} matches them to the model's checks by their condition.
   */
  public static Map<String, Map<String, String>> columnChecks(Connection c, Dialect d) throws SQLException {
    Map<String, Map<String, String>> out = new TreeMap<>();
    if (!d.name().equals("mariadb") || !hasLevel(c)) {
      return out;
    }
    try (PreparedStatement s = c.prepareStatement("SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE"
        + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND LEVEL = 'Column'"
        + " AND CHECK_CLAUSE NOT LIKE 'json_valid(%'"); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), unwrapped(rs.getString(3).strip()));
      }
    }
    return out;
  }

  private static final String MYSQL = "SELECT t.TABLE_NAME, t.CONSTRAINT_NAME, k.CHECK_CLAUSE"
      + " FROM information_schema.TABLE_CONSTRAINTS t JOIN information_schema.CHECK_CONSTRAINTS k"
      + " ON k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
      + " WHERE t.CONSTRAINT_TYPE = 'CHECK' AND t.TABLE_SCHEMA = DATABASE()";

  /** Whether the server's CHECK_CONSTRAINTS tells table checks from column checks (MariaDB 10.5.10+). */
  private static boolean hasLevel(Connection c) {
    // An error here leaves a MariaDB or MySQL transaction as it was.
    try (PreparedStatement s = c.prepareStatement("SELECT LEVEL FROM information_schema.CHECK_CONSTRAINTS WHERE 1 = 0");
        ResultSet rs = s.executeQuery()) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** H2 folding unquoted names to upper case keeps {@code ck_t} as {@code CK_T}: the models' name is lower case. */
  private static String folded(Dialect d, String name) {
    return d.name().equals("h2") && name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
  }

  /** {@code (a > 0)} as {@code a > 0}: the outer parentheses a database adds are not the expression's. */
  static String unwrapped(String e) {
    while (e.startsWith("(") && e.endsWith(")") && closes(e) == e.length() - 1) {
      e = e.substring(1, e.length() - 1).strip();
    }
    return e;
  }

  /** Where the parenthesis opening {@code e} closes, quotes skipped. */
  private static int closes(String e) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < e.length(); i++) {
      char ch = e.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"' || ch == '`') {
        quote = ch;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
