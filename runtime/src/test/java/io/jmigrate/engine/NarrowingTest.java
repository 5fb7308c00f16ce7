package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A confirmed narrowing never cuts data: when a value does not fit the new definition the
 * migration fails before changing anything, naming table, column and how many rows; the same on
 * SQLite (which would keep the value) and PostgreSQL (which would cut it).
 */
class NarrowingTest {
  @TempDir Path dir;

  static final Migration CREATE = new TestMigration(1, "create",
      createTable(table("item",
          column("id", BIGINT).notNull(),
          column("code", STRING).length(20),
          column("price", DECIMAL).precision(10, 3),
          column("qty", BIGINT),
          column("ratio", DOUBLE),
          column("n", INTEGER),
          column("amount", DECIMAL).precision(30, 2)).primaryKey("id")));

  interface Db {
    Connection open() throws Exception;
  }

  Connection sqliteFile() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("n" + System.nanoTime() + ".db"));
  }

  /** Migrates {@code alter} over one row that does not fit and one that does; returns the failure. */
  MigrationException refused(Db db, ColumnDefinition narrower, String misfit, String fits) throws Exception {
    Migrator m = new Migrator(List.of(CREATE, new TestMigration(2, "narrow", alterColumn("item", narrower))));
    try (Connection c = db.open()) {
      m.migrateTo(c, 1);
      exec(c, "INSERT INTO item (id, " + narrower.name() + ") VALUES (1, " + misfit + "), (2, " + fits + "), (3, "
          + misfit + ")");
      List<String> before = strings(c, "SELECT " + narrower.name() + " FROM item ORDER BY id");
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertEquals(before, strings(c, "SELECT " + narrower.name() + " FROM item ORDER BY id"), "data untouched");
      assertEquals(1, m.status(c).currentVersion(), "nothing recorded");
      assertTrue(e.getMessage().contains("2 row(s) of table item do not fit the new definition of column "
          + narrower.name()), e.getMessage());
      exec(c, "DELETE FROM item WHERE id <> 2");
      assertEquals(1, m.migrate(c).size(), "once the rows fit, the narrowing applies");
      assertEquals(1, strings(c, "SELECT " + narrower.name() + " FROM item").size());
      return e;
    }
  }

  void everyKind(Db db) throws Exception {
    MigrationException e = refused(db, column("code", STRING).length(10), "'fifteen chars!!'", "'short'");
    assertTrue(e.getMessage().contains("VARCHAR(20) to VARCHAR(10)"), e.getMessage());
    refused(db, column("price", DECIMAL).precision(5, 3), "123.5", "12.5");       // too many integer digits
    refused(db, column("price", DECIMAL).precision(10, 1), "1.25", "1.5");        // too many decimals
    refused(db, column("qty", SMALLINT), "40000", "12");                          // out of range
    refused(db, column("ratio", INTEGER), "1.5", "2");                            // a fraction into an integer
    refused(db, column("qty", STRING).length(3), "12345", "123");                 // text too short for the number
    refused(db, column("code", DECIMAL).precision(10, 1), "'1.25'", "'1.5'");          // text into fewer decimals
    // Into a float, an integer beyond its significand would be rounded (…993 to …992).
    e = refused(db, column("qty", DOUBLE), "9007199254740993", "9007199254740992");
    assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
    refused(db, column("qty", DOUBLE), "-9223372036854775807", "-9223372036854775808");
    // A decimal of more digits than a double keeps would be rounded too.
    refused(db, column("amount", DOUBLE), "9007199254740993", "12.5");
  }

  /** A 4-byte REAL (not SQLite's, which is 8 bytes): an INTEGER beyond 2^24 would be rounded. */
  void fourByteReal(Db db) throws Exception {
    refused(db, column("n", REAL), "16777217", "16777216");
    refused(db, column("n", REAL), "2147483647", "2147483520");
    refused(db, column("ratio", REAL), "0.1", "0.5"); // a double the 4-byte float rounds
    refused(db, column("amount", REAL), "16777217", "0.5"); // a decimal the 4-byte float rounds
  }

  @Test
  void onSqlite() throws Exception {
    everyKind(this::sqliteFile);
  }

  @Test
  void onSqliteTextThatIsNoNumberStaysText() throws Exception {
    // SQLite converts by the column's affinity and would keep 'abc' as text in an INTEGER column.
    MigrationException e = refused(this::sqliteFile, column("code", INTEGER), "'abc'", "'12'");
    assertTrue(e.getMessage().contains("VARCHAR(20) to INTEGER"), e.getMessage());
    refused(this::sqliteFile, column("code", DOUBLE), "'1.5x'", "'1.5'");
  }

  /**
   * On SQLite a change between types of one affinity (INTEGER to BIGINT, DOUBLE to REAL) converts nothing: no
   * scan of the rows, and a value that was kept as text before is kept, as it was, after.
   */
  @Test
  void onSqliteAWideningOfOneAffinityScansNoRow() throws Exception {
    Migrator m = new Migrator(List.of(CREATE, new TestMigration(2, "widen",
        alterColumn("item", column("n", BIGINT)), alterColumn("item", column("ratio", REAL)))));
    assertTrue(!String.join("\n", m.sql(io.jmigrate.dialect.Dialect.named("sqlite"), 1, 2)).contains("typeof"),
        "no row scanned");
    try (Connection c = sqliteFile()) {
      m.migrateTo(c, 1);
      exec(c, "INSERT INTO item (id, n, ratio) VALUES (1, 'abc', 'x1.5'), (2, 12, 1.5)");
      assertEquals(1, m.migrate(c).size());
      assertEquals(List.of("abc|x1.5|text|text", "12|1.5|integer|real"),
          strings(c, "SELECT n || '|' || ratio || '|' || typeof(n) || '|' || typeof(ratio) FROM item ORDER BY id"));
    }
    // Between affinities the scan stays: 'abc' into a DOUBLE column is refused (onSqliteTextThatIsNoNumberStaysText).
    assertTrue(String.join("\n", new Migrator(List.of(CREATE, new TestMigration(2, "to real",
        alterColumn("item", column("n", DOUBLE))))).sql(io.jmigrate.dialect.Dialect.named("sqlite"), 1, 2))
        .contains("typeof"));
  }

  @Test
  void onPostgres() throws Exception {
    everyKind(Postgres::newDatabase);
    fourByteReal(Postgres::newDatabase);
  }

  @Test
  void onMariaDb() throws Exception {
    everyKind(io.jmigrate.testing.MariaDb::newDatabase);
    fourByteReal(io.jmigrate.testing.MariaDb::newDatabase);
  }

  @Test
  void onH2() throws Exception {
    everyKind(() -> io.jmigrate.testing.H2.file(dir, "n" + System.nanoTime()));
    fourByteReal(() -> io.jmigrate.testing.H2.file(dir, "n" + System.nanoTime()));
  }

  @Test
  void wideningNeedsNoCheck() {
    String sql = String.join("\n", new Migrator(List.of(CREATE, new TestMigration(2, "widen",
        alterColumn("item", column("code", STRING).length(30)),
        alterColumn("item", column("price", DECIMAL).precision(12, 4)),
        alterColumn("item", column("qty", DECIMAL).precision(25, 2)))))
        .sql(io.jmigrate.dialect.Dialect.named("postgresql"), 1, 2));
    assertTrue(!sql.contains("check:"), sql);
  }
}
