package io.jmigrate.dialect;

import io.jmigrate.migration.Operation;
import io.jmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Turns operations into one database's SQL, and holds what else differs between databases:
 * how to lock and how to open a migration's transaction.
 */
public interface Dialect {

  /** {@code sqlite} or {@code postgresql}. */
  String name();

  /** The statements that perform {@code op} on a database whose schema is {@code before}. */
  List<String> statements(Operation op, Schema before);

  /**
   * Performs {@code op}. The default runs {@link #statements} one by one; a dialect overrides
   * it where a step needs to read the database (SQLite's rebuild keeps the table's triggers).
   */
  default void execute(Operation op, Schema before, Connection connection, StatementRunner runner)
      throws SQLException {
    for (String sql : statements(op, before)) {
      runner.run(sql);
    }
  }

  /** {@code CREATE TABLE IF NOT EXISTS jmigrate_history (…)}. */
  String createHistoryTable(String table);

  /**
   * Prepares the session for a migration run and takes the lock that lets one process at a
   * time migrate, where the dialect locks per run. Closing it releases the lock and restores
   * the session; the database releases it too when the session ends, so a killed process
   * never leaves the database locked.
   */
  Session open(Connection connection) throws SQLException;

  /** Starts one migration's transaction (write-locking where the dialect locks that way). */
  void begin(Connection connection) throws SQLException;

  void commit(Connection connection) throws SQLException;

  void rollback(Connection connection) throws SQLException;

  /** Checks run inside the transaction after a migration's operations, before its commit. */
  default void verify(Connection connection, List<Operation> ops) throws SQLException {}

  /**
   * Whether {@link #open} holds a lock for the whole run. If not, the lock comes with each
   * migration's transaction, and the engine re-checks the history inside it.
   */
  boolean locksPerRun();

  /**
   * Whether a migration's statements may go to the database as one JDBC batch (one round trip)
   * together with its history row; then {@link #transactionMillisSql} must be given.
   */
  default boolean batchesStatements() {
    return false;
  }

  /** An SQL expression for the milliseconds since the current transaction began. */
  default String transactionMillisSql() {
    throw new UnsupportedOperationException(name() + " does not batch");
  }

  /** What {@link #open} changed, undone by {@link #close}. */
  interface Session extends AutoCloseable {
    @Override
    void close() throws SQLException;
  }

  /** Runs one SQL statement, naming it if it fails. */
  @FunctionalInterface
  interface StatementRunner {
    void run(String sql) throws SQLException;
  }

  /** The dialect for a connection, from its database product name. */
  static Dialect of(Connection connection) throws SQLException {
    return named(connection.getMetaData().getDatabaseProductName());
  }

  /** {@code sqlite} or {@code postgresql} (case-insensitive; {@code postgres} and {@code pg} work too). */
  static Dialect named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("sqlite")) {
      return new SqliteDialect();
    }
    if (n.contains("postgres") || n.equals("pg")) {
      return new PostgresDialect();
    }
    throw new IllegalArgumentException(
        "jmigrate supports SQLite and PostgreSQL, not \"" + name + "\"");
  }
}
