package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.addEnumValue;
import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createEnumType;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.dropEnumType;
import static io.jmigrate.migration.Operations.dropTable;
import static io.jmigrate.migration.Operations.enumType;
import static io.jmigrate.migration.Operations.renameEnumValue;
import static io.jmigrate.migration.Operations.sql;
import static io.jmigrate.migration.Operations.table;
import static io.jmigrate.schema.ColumnType.ENUM;
import static io.jmigrate.schema.ColumnType.INTEGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enum type operations as hand-written migrations run them: on PostgreSQL a value added to an existing
 * type is used by a later step of the same migration (the step commits by itself first), a label is renamed
 * and renamed back, the type is created and dropped both ways; the other databases refuse them naming
 * why, before anything changes.
 */
class EnumTypeOperationsTest {
  @TempDir Path dir;

  static final Migration CREATE = migration(1, "mood", createEnumType(enumType("mood", "sad", "ok")),
      createTable(table("feeling", column("id", INTEGER).notNull(), column("m", ENUM).enumType("mood").notNull())
          .primaryKey("id")),
      sql("INSERT INTO feeling VALUES (1, 'ok')"));
  static final Migration ADD_AND_USE = migration(2, "happy", addEnumValue("mood", "happy"),
      sql("INSERT INTO feeling VALUES (2, 'happy')", "DELETE FROM feeling WHERE id = 2"));
  static final Migration RENAME = migration(3, "fine", renameEnumValue("mood", "ok", "fine"));

  @Test
  void onPostgresql() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      Migrator m = new Migrator(List.of(CREATE, ADD_AND_USE, RENAME));
      assertEquals(3, m.migrate(c).size());
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      assertEquals(List.of("1 fine", "2 happy"), Sql.strings(c, "SELECT id || ' ' || m FROM feeling ORDER BY id"));
      m.migrateTo(c, 2);
      assertEquals(List.of("1 ok", "2 happy"), Sql.strings(c, "SELECT id || ' ' || m FROM feeling ORDER BY id"));
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrateTo(c, 0));
      assertTrue(e.getMessage().contains("PostgreSQL cannot drop the value happy of enum type mood"), e.getMessage());

      // Created and dropped: both ways.
      Migrator drops = new Migrator(List.of(migration(1, "t", createEnumType(enumType("t", "a"))),
          migration(2, "no t", dropEnumType("t"))));
      try (Connection d = Postgres.newDatabase()) {
        drops.migrate(d);
        assertEquals(List.of(), Sql.strings(d, "SELECT typname FROM pg_type WHERE typname = 't'"));
        drops.migrateTo(d, 1);
        assertEquals(List.of("a"), Sql.strings(d, "SELECT enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
            + " WHERE t.typname = 't'"));
        drops.migrateTo(d, 0);
        assertEquals(List.of(), Sql.strings(d, "SELECT typname FROM pg_type WHERE typname = 't'"));
      }
    }
  }

  @Test
  void otherDatabasesRefuseNamingWhy() throws Exception {
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"));
        Connection h2 = H2.file(dir, "b")) {
      for (Connection c : List.of(sqlite, h2)) {
        Exception e = assertThrows(Exception.class, () -> new Migrator(List.of(CREATE)).migrate(c));
        String message = e.getMessage() + " " + e.getCause();
        assertTrue(message.contains("has no named enum types (PostgreSQL only)"), message);
        assertEquals(List.of(), Sql.strings(c, "SELECT 1 FROM jmigrate_history WHERE version = 1"));
      }
    }
  }

  static Migration migration(int version, String name, Operation... ops) {
    return new Migration(version, name) {
      @Override
      public List<Operation> up() {
        return List.of(ops);
      }
    };
  }
}
