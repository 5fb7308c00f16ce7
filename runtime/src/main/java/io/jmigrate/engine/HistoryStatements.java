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
 * Each use is still inside the migration's own transaction, as before.
 */
final class HistoryStatements implements AutoCloseable {
  private final Connection connection;
  private final Dialect dialect;
  private PreparedStatement has;
  private PreparedStatement insert;

  HistoryStatements(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
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
      if (insert != null) {
        insert.close();
      }
    }
  }
}
