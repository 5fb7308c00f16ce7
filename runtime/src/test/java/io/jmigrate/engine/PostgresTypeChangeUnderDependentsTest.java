package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.testing.Postgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A type change PostgreSQL refuses because a view or a generated column reads the column: the failure names that
 * object and the way forward, is one sentence per clause (no {@code "d".. It was}), and changes nothing.
 */
class PostgresTypeChangeUnderDependentsTest {
  static final Migration CREATE = new TestMigration(1, "create",
      createTable(table("t", column("id", INTEGER).notNull(), column("p", DECIMAL).precision(4, 2),
          column("n", SMALLINT), column("d", INTEGER).generatedAs("n * 2", true)).primaryKey("id")),
      sql("CREATE VIEW v AS SELECT id, p FROM t"));

  @Test
  void aViewReadingTheColumnIsNamedWithTheWayForward() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      Migrator m = new Migrator(List.of(CREATE, new TestMigration(2, "widen p",
          alterColumn("t", column("p", DECIMAL).precision(5, 2)))));
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      String message = e.getMessage();
      assertTrue(message.contains("cannot alter type of a column used by a view or rule"), message);
      assertTrue(message.contains("the view v reads p") && message.contains("sql(\"DROP VIEW v\") before it")
          && message.contains("pg_get_viewdef('v')"), message);
      assertFalse(message.contains(".."), message);
      assertTrue(message.endsWith("It was rolled back; jmigrate_history is unchanged."), message);
      assertEquals(List.of(), new Migrator(List.of(CREATE)).validate(c).differences(), "as version 1 made it");
    }
  }

  @Test
  void aGeneratedColumnReadingTheColumnIsNamedWithTheWayForward() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      Migrator m = new Migrator(List.of(CREATE, new TestMigration(2, "widen n",
          alterColumn("t", column("n", INTEGER)))));
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      String message = e.getMessage();
      assertTrue(message.contains("is used by generated column \"d\". PostgreSQL changes no type of a column a"
          + " generated column reads: the generated column d reads n. Drop d before this change"), message);
      assertFalse(message.contains(".."), message);
      assertTrue(message.endsWith("It was rolled back; jmigrate_history is unchanged."), message);
      assertEquals(List.of(), new Migrator(List.of(CREATE)).validate(c).differences(), "as version 1 made it");
    }
  }
}
