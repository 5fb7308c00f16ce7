package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failed migration gives back everything it took, on every database: a step that cannot succeed
 * (duplicates under a new unique index, orphans under a new foreign key, NULLs under a NOT NULL) is
 * found before the migration's first statement, so a column dropped or NULLs filled in the same
 * migration are untouched; where a failure can only show later (after a hand-written step), what no
 * reverse undoes runs after it, and where even that cannot be, the message says which values are
 * gone instead of "back at the previous version".
 */
class FailedMigrationKeepsDataTest {
  @TempDir Path dir;

  static final Migration CREATE = new TestMigration(1, "create",
      createTable(table("account",
          column("id", BIGINT).notNull(),
          column("email", STRING).length(60),
          column("legacy", STRING).length(20),
          column("nickname", STRING).length(20),
          column("owner_id", BIGINT)).primaryKey("id")),
      createTable(table("person", column("id", BIGINT).notNull(), column("name", STRING).length(20)).primaryKey("id")));

  Connection open(String db) throws Exception {
    return switch (db) {
      case "sqlite" -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("f" + System.nanoTime() + ".db"));
      case "postgresql" -> Postgres.newDatabase();
      case "mariadb" -> MariaDb.newPortableDatabase();
      default -> H2.file(dir, "f" + System.nanoTime());
    };
  }

  static final String ROWS = "SELECT id, email, legacy, nickname, owner_id FROM account ORDER BY id";

  /** Two accounts with the same email, values in every column; returns every value as it is. */
  static List<String> seed(Connection c) throws Exception {
    exec(c, "INSERT INTO person (id, name) VALUES (1, 'ann')");
    exec(c, "INSERT INTO account (id, email, legacy, nickname, owner_id) VALUES"
        + " (1, 'a@x', 'old-1', NULL, 1), (2, 'a@x', 'old-2', 'bo', 7), (3, 'c@x', 'old-3', NULL, NULL)");
    return rows(c);
  }

  static List<String> rows(Connection c) throws Exception {
    return strings(c, "SELECT " + "id || ':' || coalesce(email, '-') || ':' || coalesce(legacy, '-') || ':'"
        + " || coalesce(nickname, '-') || ':' || coalesce(CAST(owner_id AS VARCHAR(20)), '-') FROM account ORDER BY id");
  }

  /** Migrates {@code ops} as version 2 over the seeded rows; it must fail and leave every value. */
  MigrationException failsKeepingEverything(String db, Operation... ops) throws Exception {
    Migrator m = new Migrator(List.of(CREATE, new TestMigration(2, "doomed", ops)));
    try (Connection c = open(db)) {
      m.migrateTo(c, 1);
      List<String> before = seed(c);
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertEquals(before, rows(c), db + ": every value is back: " + e.getMessage());
      assertEquals(1, m.status(c).currentVersion(), db + ": at the previous version");
      assertTrue(m.validate(c).isEmpty(), db + ": the schema is the previous version's: " + m.validate(c));
      return e;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb", "h2"})
  void dropAndUniqueIndexOverDuplicates(String db) throws Exception {
    MigrationException e = failsKeepingEverything(db,
        dropColumn("account", "legacy"),
        addIndex("account", uniqueIndex("uq_account_email", "email")));
    assertTrue(e.getMessage().contains("1 value(s) of account (email) occur in more than one row"), e.getMessage());
    assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb", "h2"})
  void dropAndForeignKeyOverOrphans(String db) throws Exception {
    // As a TABLE_PER_CLASS → JOINED change: columns move out, and the child gets a key to the parent.
    MigrationException e = failsKeepingEverything(db,
        dropColumn("account", "legacy"),
        dropColumn("account", "nickname"),
        addForeignKey("account", foreignKey("fk_account_owner_id", "owner_id", "person", "id")));
    assertTrue(e.getMessage().contains("1 row(s) of table account have values of (owner_id) that no row of person"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb", "h2"})
  void fillAndForeignKeyOverOrphans(String db) throws Exception {
    MigrationException e = failsKeepingEverything(db,
        alterColumn("account", column("nickname", STRING).length(20).notNull().defaultValue("none")),
        addForeignKey("account", foreignKey("fk_account_owner_id", "owner_id", "person", "id")));
    assertTrue(e.getMessage().contains("no row of person"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb", "h2"})
  void dropAndNotNullOverNulls(String db) throws Exception {
    MigrationException e = failsKeepingEverything(db,
        dropColumn("account", "legacy"),
        alterColumn("account", column("nickname", STRING).length(20).notNull()));
    assertTrue(e.getMessage().contains("2 row(s) of table account have NULL in column nickname"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb", "h2"})
  void afterAHandWrittenStepTheDropWaitsForTheStepThatFails(String db) throws Exception {
    // The hand-written step may change any data, so the index cannot be checked first; the drop runs after it.
    failsKeepingEverything(db,
        sql("UPDATE person SET name = name", "UPDATE person SET name = name"),
        dropColumn("account", "legacy"),
        alterColumn("account", column("nickname", STRING).length(20).notNull().defaultValue("none")),
        addIndex("account", uniqueIndex("uq_account_email", "email")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb", "h2"})
  void whatCannotBeGivenBackIsSaid(String db) throws Exception {
    // The drop must run before the hand-written step, which may rely on it; the index after both fails.
    Migrator m = new Migrator(List.of(CREATE, new TestMigration(2, "doomed",
        dropColumn("account", "legacy"),
        sql("UPDATE person SET name = name", "UPDATE person SET name = name"),
        addIndex("account", uniqueIndex("uq_account_email", "email")))));
    try (Connection c = open(db)) {
      m.migrateTo(c, 1);
      List<String> before = seed(c);
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertEquals(1, m.status(c).currentVersion(), db);
      String message = e.getMessage();
      if (db.equals("sqlite")) {
        assertEquals(before, rows(c), db + ": rolled back whole");
        assertTrue(message.contains("rolled back"), message);
      } else if (db.equals("postgresql") && rows(c).equals(before)) {
        assertFalse(message.contains("not every value is back"), message);
      } else {
        assertEquals(List.of("-", "-", "-"), strings(c, "SELECT coalesce(legacy, '-') FROM account ORDER BY id"), db);
        assertTrue(message.contains("not every value is back: column account.legacy was dropped with its values and"
            + " re-created empty"), message);
        assertFalse(message.contains("back at the previous version"), message);
      }
    }
  }
}
