package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The history statements a run repeats for every migration (the re-check under the write lock and
 * the row's insert), each prepared once per run on its connection and closed at the run's end,
 * instead of once per migration: applying many small migrations then costs less above plain JDBC.
 * Each use is still inside the migration's own transaction, as before. Where the dialect has a data
 * version (SQLite), the re-check runs only once another connection has committed since the run read
 * the history: the data version is cheaper to read than the history (which a migration's DDL makes
 * SQLite prepare again), and unchanged it proves that nobody else applied or reverted anything.
 */
final class HistoryStatements implements AutoCloseable {
  private final Connection connection;
  private final Dialect dialect;
  private PreparedStatement has;
  private PreparedStatement insert;
  private String insertPrefix; // of the literal insert a batch carries: made at the first, kept for the run
  private String insertSuffix;
  private PreparedStatement dataVersion; // null: the dialect has no data version, every migration is re-checked
  private long readAt; // the data version before the run read the history
  private boolean othersWrote = true; // until read: another connection may have written since the history was read

  HistoryStatements(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /**
   * Just before the run reads the history (under its lock): remembers the dialect's data version
   * ({@link Dialect#dataVersionQuery}), so that {@link #othersMayHaveWritten} can tell whether that read still holds.
   */
  void beforeReadingHistory() throws SQLException {
    String query = dialect.dataVersionQuery();
    if (query == null) {
      return;
    }
    if (dataVersion == null) {
      dataVersion = connection.prepareStatement(query);
    }
    readAt = dataVersion();
    othersWrote = false;
  }

  /**
   * Inside a migration's transaction (holding its write lock): whether another connection may have written since
   * the run read the history, so that the history must be re-checked ({@link #has}). Once another connection has
   * written, every later migration of the run is re-checked as well: the number then proves nothing about the rows
   * the run read.
   */
  boolean othersMayHaveWritten() throws SQLException {
    if (!othersWrote && dataVersion() != readAt) {
      othersWrote = true;
    }
    return othersWrote;
  }

  private long dataVersion() throws SQLException {
    try (ResultSet rs = dataVersion.executeQuery()) {
      return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
    }
  }

  /** As {@link History#has}, with the run's prepared statement. */
  boolean has(int version) throws SQLException {
    if (has == null) {
      has = connection.prepareStatement("SELECT 1 FROM " + dialect.quote(History.TABLE) + " WHERE version = ?");
    }
    has.setInt(1, version);
    try (ResultSet rs = has.executeQuery()) {
      return rs.next();
    }
  }

  /**
   * As {@link History#insertSql}, from a prefix and suffix made once per run (the table's quoted name and the
   * dialect's time expression are the same for every migration), into a builder of the right size.
   */
  String insertSql(int version, String description, int checksum) {
    if (insertPrefix == null) {
      insertPrefix = History.insertSqlPrefix(dialect);
      insertSuffix = History.insertSqlSuffix(dialect);
    }
    String quoted = description.indexOf('\'') < 0 ? description : description.replace("'", "''");
    return new StringBuilder(insertPrefix.length() + quoted.length() + insertSuffix.length() + 32).append(insertPrefix)
        .append(version).append(", '").append(quoted).append("', ").append(checksum).append(insertSuffix).toString();
  }

  /** As {@link History#insert}, with the run's prepared statement. */
  void insert(int version, String description, int checksum, long millis) throws SQLException {
    if (insert == null) {
      // The leading comment: sqlite-jdbc runs "SELECT last_insert_rowid()" after every statement that starts
      // with INSERT (for getGeneratedKeys, which nothing here reads): one statement more per migration.
      insert = connection.prepareStatement("/* jmigrate */ INSERT INTO " + dialect.quote(History.TABLE)
          + " (version, description, checksum, execution_ms, success) VALUES (?, ?, ?, ?, ?)");
    }
    insert.setInt(1, version);
    insert.setString(2, description);
    insert.setInt(3, checksum);
    insert.setLong(4, millis);
    insert.setBoolean(5, true);
    insert.executeUpdate();
  }

  @Override
  public void close() throws SQLException {
    try {
      if (has != null) {
        has.close();
      }
    } finally {
      try {
        if (insert != null) {
          insert.close();
        }
      } finally {
        if (dataVersion != null) {
          dataVersion.close();
        }
      }
    }
  }
}
