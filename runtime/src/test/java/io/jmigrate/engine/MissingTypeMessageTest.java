package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.addColumn;
import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.sql;
import static io.jmigrate.migration.Operations.table;
import static io.jmigrate.schema.ColumnType.INTEGER;
import static io.jmigrate.schema.ColumnType.NATIVE;
import static io.jmigrate.schema.ColumnType.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.Sql;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fresh database migrated from an adopted database's first migration, whose columns use a domain the models leave
 * to the database (Pagila's {@code year}): the failure names the column and says the type must be created first; with
 * the type created by an sql step before it, the same migration applies. A failure that is not about the type gets
 * no such sentence.
 */
class MissingTypeMessageTest {
  static Migration migration(int version, String name, Operation... ops) {
    return new Migration(version, name) {
      @Override
      public List<Operation> up() {
        return List.of(ops);
      }
    };
  }

  static final Operation FILM = createTable(table("film", column("film_id", INTEGER).notNull(),
      column("title", STRING).length(80), column("release_year", NATIVE).sqlType("year")).primaryKey("film_id"));

  @Test
  void aDomainTheDatabaseLacksIsNamedWithItsColumnOnPostgres() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> new Migrator(List.of(migration(1, "create tables", FILM))).migrate(c));
      assertTrue(e.getMessage().contains("type \"year\" does not exist"), e.getMessage());
      assertTrue(e.getMessage().contains("The column film.release_year has the type year, which the models leave to the"
          + " database") && e.getMessage().contains("it must exist before this migration runs. Create it first, in an"
          + " sql(…) step before this one") && e.getMessage().contains("It was rolled back"), e.getMessage());
      assertEquals(List.of(), Sql.strings(c, "SELECT tablename FROM pg_tables WHERE tablename = 'film'"));

      // As the message says: the domain first (here a step of the migration), then the same tables.
      new Migrator(List.of(migration(1, "create tables",
          sql("CREATE DOMAIN year AS integer CHECK (VALUE >= 1901 AND VALUE <= 2155)", "DROP DOMAIN year"), FILM)))
          .migrate(c);
      assertEquals(List.of("year"), Sql.strings(c, "SELECT domain_name FROM information_schema.columns"
          + " WHERE table_name = 'film' AND column_name = 'release_year'"));
    }
  }

  @Test
  void anAddedColumnIsNamedOnH2AndOtherFailuresAreNot() throws Exception {
    try (Connection c = H2.mem()) {
      Migrator m = new Migrator(List.of(
          migration(1, "create film", createTable(table("film", column("film_id", INTEGER).notNull()).primaryKey("film_id"))),
          migration(2, "add rating", addColumn("film", column("rating", NATIVE).sqlType("mpaa_rating")))));
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("The column film.rating has the type mpaa_rating"), e.getMessage());

      // A failure of another kind, in a migration with a sqlType column the database has: no such sentence.
      Migrator other = new Migrator(List.of(migration(1, "create shelf",
          createTable(table("shelf", column("id", INTEGER).notNull(), column("code", NATIVE).sqlType("varchar(10)"))
              .primaryKey("id")),
          sql("INSERT INTO shelf (id, code) VALUES (1, 'far too long a code')", "DELETE FROM shelf"))));
      try (Connection fresh = H2.mem()) {
        MigrationException failed = assertThrows(MigrationException.class, () -> other.migrate(fresh));
        assertFalse(failed.getMessage().contains("leave to the database"), failed.getMessage());
      }
    }
  }
}
