package io.jmigrate.dialect;

import io.jmigrate.migration.Operations.RunJava;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a dialect writes what an operation does. Migrating executes into it; previewing
 * ({@code Runtime.sql}) records into it ({@link SqlRecorder}): one producer for both, so the
 * preview is what runs.
 */
public interface Sink {
  /** A statement that changes the database. */
  void execute(String sql) throws SQLException;

  /**
   * A statement whose wait for its lock blocks no reads or writes of others (it takes at most
   * SHARE UPDATE EXCLUSIVE: {@code CREATE INDEX CONCURRENTLY}, {@code VALIDATE CONSTRAINT}): it
   * waits as long as it takes, without the run's lock timeout, rather than give up and start over
   * (a concurrent build would be built again from the start). Recorded as any statement.
   */
  default void executeWaiting(String sql) throws SQLException {
    execute(sql);
  }

  /**
   * A query that must return no row. A row fails the migration with {@code failure}, in which
   * {@code {1}}, {@code {2}}, … stand for the row's columns. Runs where it stands, before the
   * statements that follow it.
   */
  void check(String query, String failure) throws SQLException;

  /**
   * Reads the live catalog (e.g. a table's triggers), with one string parameter; the first column
   * of every row. A preview without a database gets no rows.
   */
  List<String> read(String query, String parameter) throws SQLException;

  /** A hand-written Java step: runs on the migration's connection, after the statements before it. */
  void java(RunJava step) throws SQLException;

  /**
   * Whether the operation being written runs outside the migration's transaction, each statement
   * committing by itself (a part of a split migration, see {@link Dialect#online}): only then may
   * a dialect write its online form (PostgreSQL's {@code CREATE INDEX CONCURRENTLY} cannot run in
   * a transaction, and a {@code NOT VALID} constraint helps only when it commits before its
   * {@code VALIDATE}).
   */
  default boolean outsideTransaction() {
    return false;
  }
}
