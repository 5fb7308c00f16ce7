package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table whose foreign key references its own unique, not primary, key (found by the evolution
 * property test, seed -4912018968739314347): the databases that check the reference at CREATE
 * TABLE need the unique index first.
 */
class SelfReferenceTest {
  static final List<Migration> MIGRATIONS = List.of(new TestMigration(1, "create",
      createTable(table("t6", column("id", BIGINT).notNull(), column("c4", BIGINT).notNull().defaultValue("67"),
          column("c5", BIGINT)).primaryKey("id", "c4")
          .index(uniqueIndex("ux_t6_id", "id"))
          .foreignKey(foreignKey("fk_t6_c5", "c5", "t6", "id")))));

  void check(Connection c) throws Exception {
    Migrator m = new Migrator(MIGRATIONS);
    assertEquals(1, m.migrate(c).size());
    assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
    m.migrateTo(c, 0);
  }

  @Test
  void postgres() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      check(c);
    }
  }

  @Test
  void mariaDb() throws Exception {
    try (Connection c = MariaDb.newDatabase()) {
      check(c);
    }
  }
}
