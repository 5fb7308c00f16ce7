package io.jmigrate.jpa;

import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** A database product the comparison runs on: a fresh, empty database per call, and how Hibernate talks to it. */
enum Target {
  POSTGRESQL(null, false, true) {
    @Override
    String newDatabaseUrl(Path dir) throws SQLException {
      return Postgres.newDatabaseUrl();
    }
  },
  /** With {@code DATABASE_TO_LOWER=TRUE}, the setting the README recommends: Hibernate's unquoted names fold as jmigrate's quoted ones are written. */
  H2(null, true, true) {
    @Override
    String newDatabaseUrl(Path dir) {
      return io.jmigrate.testing.H2.memUrl();
    }
  },
  MARIADB(null, true, true) {
    @Override
    String newDatabaseUrl(Path dir) throws SQLException {
      return MariaDb.newDatabaseUrl();
    }
  },
  SQLITE("org.hibernate.community.dialect.SQLiteDialect", false, false) {
    @Override
    String newDatabaseUrl(Path dir) {
      return "jdbc:sqlite:" + dir.resolve("db" + NEXT.incrementAndGet() + ".sqlite");
    }
  };

  private static final AtomicInteger NEXT = new AtomicInteger();

  /** Hibernate's dialect class when it cannot pick one from the connection (SQLite's is a community dialect). */
  final String hibernateDialect;
  /**
   * Whether the database makes an index for a foreign key by itself (H2, InnoDB). Which one it makes,
   * or whether it reuses an index declared for other reasons, depends on the order of the DDL, so
   * the catalog comparison leaves such indexes out.
   */
  final boolean indexesForeignKeys;

  /**
   * Whether Hibernate's export is the reference for the whole catalog and its validation. Not for
   * SQLite: Hibernate's community SQLiteDialect declares an IDENTITY id without a type, makes no
   * foreign keys or unique constraints, and its validation fails on its own export (a Long id is
   * expected as BIGINT, while only INTEGER PRIMARY KEY is SQLite's auto-assigned rowid). There the
   * comparison is of tables, column names, nullability and primary keys, and validation is not run.
   */
  final boolean hibernateIsReference;

  Target(String hibernateDialect, boolean indexesForeignKeys, boolean hibernateIsReference) {
    this.hibernateDialect = hibernateDialect;
    this.indexesForeignKeys = indexesForeignKeys;
    this.hibernateIsReference = hibernateIsReference;
  }

  abstract String newDatabaseUrl(Path dir) throws SQLException;
}
