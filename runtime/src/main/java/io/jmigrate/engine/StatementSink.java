package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.Sink;
import io.jmigrate.migration.Operations.RunJava;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Sink} that migrates: sends one migration's statements one by one, or, where the
 * dialect allows, as one JDBC batch (one round trip for the whole migration and its history row).
 * Checks, catalog reads and Java steps first send what is batched, since they must see it. Either
 * way a failure names the statement.
 */
final class StatementSink implements Sink, AutoCloseable {
  private final Connection connection;
  private final Dialect dialect;
  private final Statement statement;
  private final boolean batch;
  private final List<String> pending = new ArrayList<>();
  private final boolean outsideTransaction;
  private boolean ranJava;
  private final List<String> ran = new ArrayList<>(); // executed one by one and succeeded

  StatementSink(Connection c, Dialect dialect) throws SQLException {
    this(c, dialect, false);
  }

  /**
   * @param outsideTransaction the connection is in autocommit and each statement commits by itself
   *     (an online step): never batched, since a batch runs as one transaction
   */
  StatementSink(Connection c, Dialect dialect, boolean outsideTransaction) throws SQLException {
    this.connection = c;
    this.dialect = dialect;
    this.statement = c.createStatement();
    this.outsideTransaction = outsideTransaction;
    this.batch = dialect.batchesStatements() && !outsideTransaction;
  }

  @Override
  public boolean outsideTransaction() {
    return outsideTransaction;
  }

  boolean batching() {
    return batch;
  }

  @Override
  public void execute(String sql) throws SQLException {
    if (!batch) {
      Progress.running(connection, sql, sql);
      try {
        statement.execute(sql);
      } catch (SQLException e) {
        throw refused(sql, e, e);
      }
      ran.add(sql);
      return;
    }
    statement.addBatch(sql);
    pending.add(sql);
  }

  @Override
  public void executeWaiting(String sql) throws SQLException {
    flush();
    try (Dialect.Session noTimeout = dialect.limitLockWaits(connection, java.time.Duration.ZERO)) {
      execute(sql);
    }
  }

  @Override
  public void check(String query, String failure) throws SQLException {
    flush();
    Progress.running(connection, "check " + query, null);
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
      if (rs.next()) {
        String message = failure;
        for (int i = rs.getMetaData().getColumnCount(); i >= 1; i--) {
          message = message.replace("{" + i + "}", String.valueOf(rs.getString(i)));
        }
        throw new SQLException(message);
      }
    }
  }

  @Override
  public List<String> read(String query, String parameter) throws SQLException {
    flush();
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(query)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  @Override
  public void java(RunJava step) throws SQLException {
    flush();
    Progress.running(connection, "Java step \"" + step.description() + "\"", null);
    ranJava = true;
    try {
      step.step().run(connection);
    } catch (SQLException e) {
      throw new SQLException("in Java step \"" + step.description() + "\": " + e.getMessage(), e);
    }
  }

  /** The statements sent one by one that succeeded (where DDL commits by itself, each is in effect). */
  List<String> ran() {
    return List.copyOf(ran);
  }

  /** Whether a Java step ran: the server's transaction clock then misses the time it took. */
  boolean ranJava() {
    return ranJava;
  }

  /** Sends what is batched. */
  void flush() throws SQLException {
    if (pending.isEmpty()) {
      return;
    }
    Progress.running(connection, pending.size() == 1 ? pending.get(0)
        : "one batch of " + pending.size() + " statements, starting with " + pending.get(0), null);
    try {
      statement.executeBatch();
    } catch (BatchUpdateException e) {
      int failed = dialect.failedBatchEntry(e);
      String sql = failed < pending.size() ? pending.get(failed) : pending.get(pending.size() - 1);
      SQLException cause = e.getNextException() != null ? e.getNextException() : e;
      throw refused(sql, cause, e);
    } finally {
      pending.clear();
    }
  }

  /**
   * The statement the database refused, with its message, ending without a period (the callers go on with ". It was
   * rolled back", which made {@code "d".. It was} of a message that ended with one), and the dialect's way forward.
   */
  private SQLException refused(String sql, SQLException cause, SQLException wrapped) {
    String forward = dialect.wayForward(cause);
    return new SQLException("at statement [" + sql + "]: " + clause(cause.getMessage())
        + (forward == null ? "" : ". " + forward), wrapped);
  }

  /** A message to go on after with ". …": without the period (and space) it may end with. */
  static String clause(String message) {
    String m = String.valueOf(message).strip();
    while (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1).strip();
    }
    return m;
  }

  @Override
  public void close() throws SQLException {
    statement.close();
  }
}
