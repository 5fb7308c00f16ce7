package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The {@code jmigrate_history} table: one row per applied migration. */
final class History {
  static final String TABLE = "jmigrate_history";

  private History() {}

  /** The rows in version order, or null when the table does not exist yet. */
  static List<HistoryRow> read(Connection c) throws SQLException {
    try {
      return query(c);
    } catch (SQLException e) {
      if (!exists(c)) {
        return null;
      }
      return query(c); // another process created the table just now
    }
  }

  private static List<HistoryRow> query(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, description, checksum, applied_at, execution_ms, success FROM "
            + TABLE + " ORDER BY version")) {
      List<HistoryRow> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(new HistoryRow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
            rs.getBoolean(6)));
      }
      return rows;
    }
  }

  static boolean exists(Connection c) throws SQLException {
    for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
      try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  static void create(Connection c, Dialect dialect) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(dialect.createHistoryTable(TABLE));
    }
  }

  static boolean has(Connection c, int version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE version = ?")) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static void insert(Connection c, int version, String description, int checksum, long millis) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
        + " (version, description, checksum, execution_ms, success) VALUES (?, ?, ?, ?, ?)")) {
      ps.setInt(1, version);
      ps.setString(2, description);
      ps.setInt(3, checksum);
      ps.setLong(4, millis);
      ps.setBoolean(5, true);
      ps.executeUpdate();
    }
  }

  /** The insert as one literal statement, for a batch; the database measures execution_ms. */
  static String insertSql(Dialect dialect, int version, String description, int checksum) {
    return "INSERT INTO " + TABLE + " (version, description, checksum, execution_ms, success) VALUES ("
        + version + ", '" + description.replace("'", "''") + "', " + checksum + ", "
        + dialect.transactionMillisSql() + ", TRUE)";
  }

  static String deleteSql(int version) {
    return "DELETE FROM " + TABLE + " WHERE version = " + version;
  }

  static void delete(Connection c, int version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE version = ?")) {
      ps.setInt(1, version);
      ps.executeUpdate();
    }
  }
}
