package io.jmigrate.dialect;

import io.jmigrate.migration.Operations.RunJava;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sink} that records instead of executing: the preview. Statements and checks are
 * recorded as they would run; catalog reads and Java steps, which are not statements of the
 * migration, as {@code --} comments. Given a connection, catalog reads see the live database, so
 * the preview of a pending migration lists exactly what migrating it runs; without one they see
 * nothing, and the comment says what would be read.
 */
public final class SqlRecorder implements Sink {
  private final Connection catalog;
  private final List<String> lines = new ArrayList<>();
  private boolean outsideTransaction;

  /** @param catalog the database whose catalog reads see, or null */
  public SqlRecorder(Connection catalog) {
    this.catalog = catalog;
  }

  /** What was recorded: statements without a trailing semicolon, and {@code --} comments. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Records what follows as running outside a transaction (an online step of a split migration), or not. */
  public void outsideTransaction(boolean outside) {
    this.outsideTransaction = outside;
  }

  @Override
  public boolean outsideTransaction() {
    return outsideTransaction;
  }

  /** Adds a comment line. */
  public void comment(String text) {
    lines.add("-- " + text);
  }

  @Override
  public void execute(String sql) {
    lines.add(sql);
  }

  @Override
  public void check(String query, String failure) {
    comment("check: fails the migration if this returns a row");
    lines.add(query);
  }

  @Override
  public List<String> read(String query, String parameter) throws SQLException {
    if (catalog == null) {
      comment("at run time, reads " + query.replace("?", "'" + parameter + "'")
          + " and runs what follows from what it returns");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = catalog.prepareStatement(query)) {
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
  public void java(RunJava step) {
    comment("java: " + step.description());
  }
}
