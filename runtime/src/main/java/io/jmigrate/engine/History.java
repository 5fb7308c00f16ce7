package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code jmigrate_history} table: one row per applied migration. Always named quoted, through
 * the dialect, and looked up in the connection's current schema, so that creating and reading it
 * agree on databases that fold unquoted names to upper case and on schemas other than the default.
 */
final class History {
  static final String TABLE = "jmigrate_history";

  private History() {}

  /** The rows in version order, or null when the table does not exist yet. */
  static List<HistoryRow> read(Connection c, Dialect dialect) throws SQLException {
    try {
      return query(c, dialect);
    } catch (SQLException e) {
      String kind = kind(c, dialect);
      if (kind == null) {
        return null;
      }
      refuseNonTable(kind);
      return query(c, dialect); // another process created the table just now
    }
  }

  private static void refuseNonTable(String kind) {
    if (!kind.contains("TABLE")) {
      throw new MigrationException("the database has a " + kind.toLowerCase(java.util.Locale.ROOT) + " named " + TABLE
          + ", which is not jmigrate's history table. Rename or drop it; jmigrate keeps its history in a table of"
          + " that name.");
    }
  }

  private static List<HistoryRow> query(Connection c, Dialect dialect) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, description, checksum, applied_at, execution_ms, success FROM "
            + dialect.quote(TABLE) + " ORDER BY version")) {
      List<HistoryRow> rows = new ArrayList<>();
      while (rs.next()) {
        String stored = rs.getString(3);
        rows.add(new HistoryRow(rs.getInt(1), rs.getString(2), parse(stored), rs.getString(4), rs.getLong(5),
            rs.getBoolean(6) || rs.wasNull(), stored));
      }
      return rows;
    }
  }

  /** The stored checksum as jmigrate writes it; a value it could not have written reads as 0 (and is shown as stored). */
  private static int parse(String stored) {
    try {
      return stored == null ? 0 : Integer.parseInt(stored.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The catalog's type of the object named {@value #TABLE} in the current schema ({@code TABLE}, {@code VIEW}, …), or null. */
  static String kind(Connection c, Dialect dialect) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(dialect.currentCatalog(c), dialect.currentSchema(c), TABLE, null)) {
      while (rs.next()) {
        if (TABLE.equals(rs.getString("TABLE_NAME"))) {
          String type = rs.getString("TABLE_TYPE");
          return type == null ? "TABLE" : type.toUpperCase(java.util.Locale.ROOT);
        }
      }
    }
    return null;
  }

  static void create(Connection c, Dialect dialect) throws SQLException {
    String kind = kind(c, dialect);
    if (kind != null) {
      refuseNonTable(kind);
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute(dialect.createHistoryTable(TABLE));
    }
  }

  static boolean has(Connection c, Dialect dialect, int version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + dialect.quote(TABLE) + " WHERE version = ?")) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static void insert(Connection c, Dialect dialect, int version, String description, int checksum, long millis)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + dialect.quote(TABLE)
        + " (version, description, checksum, execution_ms, success) VALUES (?, ?, ?, ?, ?)")) {
      ps.setInt(1, version);
      ps.setString(2, description);
      ps.setInt(3, checksum);
      ps.setLong(4, millis);
      ps.setBoolean(5, true);
      ps.executeUpdate();
    }
  }

  /**
   * A row saying that {@code version} did not complete and is partly applied (success false), so
   * that {@code status} shows it and {@code migrate} refuses to go on until someone looked.
   */
  static void insertIncomplete(Connection c, Dialect dialect, int version, String description, int checksum)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + dialect.quote(TABLE)
        + " (version, description, checksum, execution_ms, success) VALUES (?, ?, ?, ?, ?)")) {
      ps.setInt(1, version);
      ps.setString(2, description);
      ps.setInt(3, checksum);
      ps.setLong(4, 0);
      ps.setBoolean(5, false);
      ps.executeUpdate();
    }
  }

  /** The insert as one literal statement, for a batch; the database measures execution_ms. */
  static String insertSql(Dialect dialect, int version, String description, int checksum) {
    return "INSERT INTO " + dialect.quote(TABLE) + " (version, description, checksum, execution_ms, success) VALUES ("
        + version + ", '" + description.replace("'", "''") + "', " + checksum + ", "
        + dialect.transactionMillisSql() + ", TRUE)";
  }

  static String deleteSql(Dialect dialect, int version) {
    return "DELETE FROM " + dialect.quote(TABLE) + " WHERE version = " + version;
  }

  static void delete(Connection c, Dialect dialect, int version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + dialect.quote(TABLE) + " WHERE version = ?")) {
      ps.setInt(1, version);
      ps.executeUpdate();
    }
  }
}
