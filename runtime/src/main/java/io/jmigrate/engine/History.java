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
 *
 * <p>Where DDL commits by itself (MariaDB/MySQL, H2), a migration in progress also has a row:
 * {@code success} false, {@code steps_done} = how many of its steps are in effect, and
 * {@code step_started} = the next step when something of it may have committed (null otherwise);
 * its {@code checksum} is then that of the steps done. The two columns were added after release
 * 0.1: {@link #addProgressColumns} adds them to an older table, under the run lock, before the
 * first such row is written. Rows of completed migrations leave them null.
 */
final class History {
  static final String TABLE = "jmigrate_history";

  private History() {}

  /** The rows in version order, or null when the table does not exist yet. */
  static List<HistoryRow> read(Connection c, Dialect dialect) throws SQLException {
    // Through the catalog first, not a query that fails: MariaDB's driver logs every failed query as a warning,
    // which a new user took for an error on each first command against a database without history.
    String existing = kind(c, dialect);
    if (existing == null) {
      return null;
    }
    refuseNonTable(existing);
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

  /**
   * The rows of a history table known to exist (the run created it or found it, under its lock): without
   * {@link #read}'s look at the catalog first, which costs a catalog query and two round trips per run.
   */
  static List<HistoryRow> readExisting(Connection c, Dialect dialect) throws SQLException {
    return query(c, dialect);
  }

  private static List<HistoryRow> query(Connection c, Dialect dialect) throws SQLException {
    // SELECT *: a table made before steps_done/step_started existed reads too, in the same one query.
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + dialect.quote(TABLE) + " ORDER BY version")) {
      boolean progress = hasProgressColumns(rs.getMetaData());
      List<HistoryRow> rows = new ArrayList<>();
      while (rs.next()) {
        String stored = rs.getString("checksum");
        boolean success = rs.getBoolean("success") || rs.wasNull();
        rows.add(new HistoryRow(rs.getInt("version"), rs.getString("description"), parse(stored),
            rs.getString("applied_at"), rs.getLong("execution_ms"), success, stored,
            progress ? integer(rs, "steps_done") : null, progress ? integer(rs, "step_started") : null));
      }
      return rows;
    }
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static boolean hasProgressColumns(java.sql.ResultSetMetaData meta) throws SQLException {
    int found = 0;
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String name = meta.getColumnLabel(i);
      if (name.equalsIgnoreCase("steps_done") || name.equalsIgnoreCase("step_started")) {
        found++;
      }
    }
    return found == 2;
  }

  /**
   * Adds {@code steps_done} and {@code step_started} to a history table made before they existed
   * (release 0.1's shape); nothing when they are there. Run under the run lock.
   */
  static void addProgressColumns(Connection c, Dialect dialect) throws SQLException {
    boolean stepsDone = false;
    boolean stepStarted = false;
    try (ResultSet rs = dialect.catalog(c).getColumns(dialect.currentCatalog(c), dialect.currentSchema(c), TABLE, "%")) {
      while (rs.next()) {
        if (TABLE.equals(rs.getString("TABLE_NAME"))) {
          stepsDone |= rs.getString("COLUMN_NAME").equalsIgnoreCase("steps_done");
          stepStarted |= rs.getString("COLUMN_NAME").equalsIgnoreCase("step_started");
        }
      }
    }
    try (Statement s = c.createStatement()) {
      if (!stepsDone) {
        s.execute("ALTER TABLE " + dialect.quote(TABLE) + " ADD COLUMN steps_done INTEGER");
      }
      if (!stepStarted) {
        s.execute("ALTER TABLE " + dialect.quote(TABLE) + " ADD COLUMN step_started INTEGER");
      }
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
    try (ResultSet rs = dialect.catalog(c).getTables(dialect.currentCatalog(c), dialect.currentSchema(c), TABLE, null)) {
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
   * The row of a migration whose first step is about to run where DDL commits by itself: in
   * progress, no step done, step 1 started (see {@link History}). Written in that step's
   * transaction, so it commits only when something of the step commits.
   */
  static void insertStarted(Connection c, Dialect dialect, int version, String description, int checksumOfNone)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + dialect.quote(TABLE)
        + " (version, description, checksum, execution_ms, success, steps_done, step_started)"
        + " VALUES (?, ?, ?, 0, ?, 0, 1)")) {
      ps.setInt(1, version);
      ps.setString(2, description);
      ps.setInt(3, checksumOfNone);
      ps.setBoolean(4, false);
      ps.executeUpdate();
    }
  }

  /**
   * Records the progress of a migration in progress: steps 1 to {@code stepsDone} are in effect
   * (their operations have checksum {@code checksumOfDone}); {@code stepStarted} is the step that
   * may be partly or wholly in effect, or null.
   */
  static void progress(Connection c, Dialect dialect, int version, int stepsDone, Integer stepStarted,
      int checksumOfDone) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + dialect.quote(TABLE)
        + " SET steps_done = ?, step_started = ?, checksum = ?, success = ? WHERE version = ?")) {
      ps.setInt(1, stepsDone);
      if (stepStarted == null) {
        ps.setNull(2, java.sql.Types.INTEGER);
      } else {
        ps.setInt(2, stepStarted);
      }
      ps.setInt(3, checksumOfDone);
      ps.setBoolean(4, false);
      ps.setInt(5, version);
      ps.executeUpdate();
    }
  }

  /** Marks a migration in progress as applied: its full checksum, the time it took, no progress left. */
  static void complete(Connection c, Dialect dialect, int version, int checksum, long millis) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + dialect.quote(TABLE)
        + " SET steps_done = NULL, step_started = NULL, checksum = ?, execution_ms = ?, success = ? WHERE version = ?")) {
      ps.setInt(1, checksum);
      ps.setLong(2, millis);
      ps.setBoolean(3, true);
      ps.setInt(4, version);
      ps.executeUpdate();
    }
  }

  /** The insert as one literal statement, for a batch; the database measures execution_ms. */
  static String insertSql(Dialect dialect, int version, String description, int checksum) {
    return insertSqlPrefix(dialect) + version + ", '" + description.replace("'", "''") + "', " + checksum
        + insertSqlSuffix(dialect);
  }

  /** {@link #insertSql} up to the version. */
  static String insertSqlPrefix(Dialect dialect) {
    return "INSERT INTO " + dialect.quote(TABLE) + " (version, description, checksum, execution_ms, success) VALUES (";
  }

  /** {@link #insertSql} after the checksum. */
  static String insertSqlSuffix(Dialect dialect) {
    return ", " + dialect.transactionMillisSql() + ", TRUE)";
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
