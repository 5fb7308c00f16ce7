package io.jmigrate.engine;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one migration's statements: one by one, or, where the dialect allows, as one JDBC batch
 * (one round trip for the whole migration and its history row). Either way a failure names the
 * statement.
 */
final class StatementSink implements AutoCloseable {
  private final Statement statement;
  private final boolean batch;
  private final List<String> pending = new ArrayList<>();

  StatementSink(Connection c, boolean batch) throws SQLException {
    this.statement = c.createStatement();
    this.batch = batch;
  }

  boolean batching() {
    return batch;
  }

  void add(String sql) throws SQLException {
    if (!batch) {
      try {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new SQLException("at statement [" + sql + "]: " + e.getMessage(), e);
      }
      return;
    }
    statement.addBatch(sql);
    pending.add(sql);
  }

  /** Sends what is batched; before Java steps, which must see the statements before them. */
  void flush() throws SQLException {
    if (pending.isEmpty()) {
      return;
    }
    try {
      statement.executeBatch();
    } catch (BatchUpdateException e) {
      int failed = failedEntry(e);
      String sql = failed < pending.size() ? pending.get(failed) : pending.get(pending.size() - 1);
      SQLException cause = e.getNextException() != null ? e.getNextException() : e;
      throw new SQLException("at statement [" + sql + "]: " + cause.getMessage(), e);
    } finally {
      pending.clear();
    }
  }

  /** Which batch entry failed: PostgreSQL's driver says "Batch entry N …"; otherwise the update counts tell. */
  private static int failedEntry(BatchUpdateException e) {
    Matcher m = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    int[] counts = e.getUpdateCounts();
    if (counts == null) {
      return 0;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == Statement.EXECUTE_FAILED) {
        return i;
      }
    }
    return counts.length;
  }

  private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+)");

  @Override
  public void close() throws SQLException {
    statement.close();
  }
}
