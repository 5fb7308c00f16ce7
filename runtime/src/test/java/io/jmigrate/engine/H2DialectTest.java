package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.migration.Migration;
import io.jmigrate.testing.H2;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** H2 facts the dialect is built on, measured on a real H2, and what the dialect does about them. */
class H2DialectTest {
  @Test
  void ddlCommitsTheOpenTransactionSoTheDialectSaysItIsNotTransactional() throws Exception {
    try (Connection c = H2.mem()) {
      Dialect d = Dialect.of(c);
      assertEquals("h2", d.name());
      exec(c, "CREATE TABLE kept (x INT)");
      c.setAutoCommit(false);
      exec(c, "INSERT INTO kept VALUES (1)");
      exec(c, "CREATE TABLE made_in_transaction (y INT)");
      exec(c, "ALTER TABLE kept ALTER COLUMN x SET DATA TYPE BIGINT");
      c.rollback();
      c.setAutoCommit(true);
      assertEquals(List.of("1"), strings(c, "SELECT x FROM kept"), "the INSERT was committed by the DDL after it");
      assertEquals(List.of("1"), strings(c, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'made_in_transaction'"));
      assertEquals(List.of("BIGINT"), strings(c, "SELECT upper(data_type) FROM information_schema.columns WHERE table_name = 'kept'"));
      assertFalse(d.transactionalDdl());
    }
  }

  @Test
  void aNarrowingThatCutsAFractionFailsBeforeAnythingChanges() throws Exception {
    // H2's bare NUMERIC has scale 0: a check through CAST(x AS NUMERIC) would see 1.5 as 2 and let it pass.
    List<Migration> ms = List.of(
        new TestMigration(1, "create", createTable(table("m", column("id", BIGINT).notNull(), column("d", DOUBLE)).primaryKey("id"))),
        new TestMigration(2, "narrow", alterColumn("m", column("d", INTEGER))));
    try (Connection c = H2.mem()) {
      Migrator m = new Migrator(ms);
      m.migrateTo(c, 1);
      exec(c, "INSERT INTO m (id, d) VALUES (1, 1.5)");
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("1 row(s) of table m do not fit"), e.getMessage());
      assertEquals(List.of("1.5"), strings(c, "SELECT d FROM m"));
      assertEquals(1, m.status(c).currentVersion());
    }
  }

  @Test
  void aDecimalWithoutPrecisionKeepsEveryDigit() throws Exception {
    List<Migration> ms = List.of(new TestMigration(1, "create",
        createTable(table("p", column("id", BIGINT).notNull(), column("v", DECIMAL)).primaryKey("id"))));
    try (Connection c = H2.mem()) {
      Migrator m = new Migrator(ms);
      m.migrate(c);
      exec(c, "INSERT INTO p (id, v) VALUES (1, 12345678901234567890.123456789)");
      assertEquals(List.of("12345678901234567890.123456789"), strings(c, "SELECT v FROM p"));
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
    }
  }

  @Test
  void anIndexThatAForeignKeyAdoptedIsDroppedAndTheKeyStays() throws Exception {
    // H2 gives a foreign key added after an index on its columns that index, then refuses DROP INDEX.
    List<Migration> ms = List.of(
        new TestMigration(1, "create",
            createTable(table("parent", column("id", BIGINT).notNull()).primaryKey("id")),
            createTable(table("child", column("id", BIGINT).notNull(), column("parent_id", BIGINT)).primaryKey("id")),
            addIndex("child", index("ix_child_parent_id", "parent_id"))),
        new TestMigration(2, "key", addForeignKey("child", foreignKey("fk_child_parent_id", "parent_id", "parent", "id"))),
        new TestMigration(3, "unindex", dropIndex("child", "ix_child_parent_id")));
    try (Connection c = H2.mem()) {
      Migrator m = new Migrator(ms);
      m.migrateTo(c, 2);
      assertEquals(List.of("ix_child_parent_id"), strings(c, "SELECT index_name FROM information_schema.table_constraints"
          + " WHERE constraint_name = 'fk_child_parent_id'"), "the key adopted the index");
      m.migrate(c);
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      exec(c, "INSERT INTO parent (id) VALUES (1)");
      exec(c, "INSERT INTO child (id, parent_id) VALUES (1, 1)");
      assertThrows(java.sql.SQLException.class, () -> exec(c, "INSERT INTO child (id, parent_id) VALUES (2, 2)"),
          "the foreign key is still enforced");
      m.migrateTo(c, 1);
      assertTrue(new Migrator(ms.subList(0, 1)).validate(c).isEmpty());
    }
  }
}
