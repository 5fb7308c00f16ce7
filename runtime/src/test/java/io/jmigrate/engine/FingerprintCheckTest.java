package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations carry the fingerprint of the schema the generator saw after them; a hand edit that changes the schema is caught before anything runs. */
class FingerprintCheckTest {
  @TempDir Path dir;

  static final class Generated extends Migration {
    private final List<Operation> ops;

    Generated(int version, String description, String fingerprint, Operation... ops) {
      super(version, description, fingerprint);
      this.ops = List.of(ops);
    }

    @Override
    public List<Operation> up() {
      return ops;
    }
  }

  static final Operation CREATE = createTable(table("t", column("id", BIGINT).notNull(),
      column("name", STRING).length(100)).primaryKey("id"));
  static final String AFTER_CREATE = SchemaFingerprint.of(CREATE.applyTo(Schema.empty()));
  static final Operation ADD = addColumn("t", column("email", STRING).length(200));
  static final String AFTER_ADD = SchemaFingerprint.of(ADD.applyTo(CREATE.applyTo(Schema.empty())));

  @Test
  void aHandEditThatChangesTheSchemaIsNamedBeforeAnythingRuns() throws Exception {
    Migrator edited = new Migrator(List.of(
        new Generated(1, "create t", AFTER_CREATE, CREATE),
        // generated as email VARCHAR(200), edited by hand to 50
        new Generated(2, "add email", AFTER_ADD, addColumn("t", column("email", STRING).length(50)))));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("f.db"))) {
      MigrationException e = assertThrows(MigrationException.class, () -> edited.migrate(c));
      assertTrue(e.getMessage().contains("migration V0002 add email does not produce the schema it was generated for"),
          e.getMessage());
      assertTrue(e.getMessage().contains("+ table t: column email STRING length=50"), e.getMessage());
      assertTrue(strings(c, "SELECT name FROM sqlite_master WHERE name = 't'").isEmpty(), "V0001 was not applied either");
    }
  }

  @Test
  void matchingFingerprintsAndOldMigrationsWithoutOnePass() throws Exception {
    Migrator ok = new Migrator(List.of(
        new Generated(1, "create t", AFTER_CREATE, CREATE),
        new TestMigration(2, "hand-written, no fingerprint", sql("SELECT 1")),
        new Generated(3, "add email", AFTER_ADD, ADD)));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("g.db"))) {
      assertEquals(3, ok.migrate(c).size());
    }
  }

  // Generated-style classes (public, public no-argument constructor).
  public static final class CreateT extends Migration {
    public CreateT() {
      super(1, "create t", AFTER_CREATE);
    }

    @Override
    public List<Operation> up() {
      return List.of(CREATE);
    }
  }

  /** Version 1 as another branch wrote it: t without its name column. */
  public static final class CreateNarrowT extends Migration {
    public CreateNarrowT() {
      super(1, "create t", SchemaFingerprint.of(NARROW.applyTo(Schema.empty())));
    }

    @Override
    public List<Operation> up() {
      return List.of(NARROW);
    }
  }

  public static final class AddEmail extends Migration {
    public AddEmail() {
      super(2, "add email", AFTER_ADD);
    }

    @Override
    public List<Operation> up() {
      return List.of(ADD);
    }
  }

  static final Operation NARROW = createTable(table("t", column("id", BIGINT).notNull()).primaryKey("id"));

  @Test
  void aStepCheckedInAnEarlierRunIsCheckedAgainAfterAnotherSchema() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("h.db"))) {
      assertEquals(2, new Migrator(List.of(new CreateT(), new AddEmail())).migrate(c).size());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("i.db"))) {
      assertEquals(2, new Migrator(List.of(new CreateT(), new AddEmail())).migrate(c).size(), "the same again");
      assertEquals(List.of("email", "id", "name"), strings(c, "SELECT name FROM pragma_table_info('t') ORDER BY name"));
    }
    // AddEmail's fingerprint is of t with its name column: after the other version 1 it does not hold, although
    // AddEmail was folded and checked (after CreateT) in the runs above: nothing checked is kept between runs.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("j.db"))) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> new Migrator(List.of(new CreateNarrowT(), new AddEmail())).migrate(c));
      assertTrue(e.getMessage().contains("migration V0002 add email does not produce the schema it was generated for"),
          e.getMessage());
      assertTrue(strings(c, "SELECT name FROM sqlite_master WHERE name = 't'").isEmpty(), "nothing was applied");
    }
  }
}
