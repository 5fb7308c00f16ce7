package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constraint names a model keeps from an adopted database ({@code @Table(primaryKeyName)},
 * {@code @ForeignKey(name)}): they reach the migration and the snapshot (an optional key), baseline
 * accepts the database's own names, and later changes address the constraints by them on
 * PostgreSQL, which changes and drops keys by name.
 */
class KeptNamesTest {
  @TempDir Path dir;

  static final String HEAD = RenamesAndKeysContract.HEAD;

  private Migrator build(Project p, String... classAndSource) throws Exception {
    for (int i = 0; i < classAndSource.length; i += 2) {
      p.write("com/acme/model/" + classAndSource[i] + ".java", HEAD + classAndSource[i + 1]);
    }
    return p.build().assertOk().migrator();
  }

  @Test
  void keptNamesReachTheMigrationAndTheSnapshotAndLaterChangesUseThem() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = Postgres.newDatabase()) {
      Sql.exec(db, "CREATE TABLE owner (id INT CONSTRAINT owner_key PRIMARY KEY)");
      Sql.exec(db, "CREATE TABLE thing (id INT, kind INT NOT NULL, owner_id INT, CONSTRAINT thing_pkey PRIMARY KEY (id),"
          + " CONSTRAINT thing_owner_fkey FOREIGN KEY (owner_id) REFERENCES owner (id))");
      Sql.exec(db, "INSERT INTO owner VALUES (1); INSERT INTO thing VALUES (1, 1, 1), (2, 1, NULL)");

      Migrator m = build(p, "Owner", "@Table(primaryKeyName = \"owner_key\") public class Owner { @Id int id; }",
          "Thing", "@Table(primaryKeyName = \"thing_pkey\") public class Thing { @Id int id; int kind;"
              + " @ForeignKey(value = Owner.class, name = \"thing_owner_fkey\") Integer ownerId; }");
      String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
      assertTrue(v1.contains(".primaryKeyName(\"thing_pkey\")") && v1.contains("foreignKey(\"thing_owner_fkey\")"), v1);
      String snapshot = p.snapshotText();
      assertTrue(snapshot.contains("\"primaryKey\": [\"id\"],\n      \"primaryKeyName\": \"thing_pkey\""), snapshot);
      m.baseline(db, 1); // refused before: the database's names are not pk_thing and fk_thing_owner_id
      assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());

      // A new key: the kept constraint is dropped and added again under its name.
      m = build(p, "Thing", "@Table(primaryKeyName = \"thing_pkey\") public class Thing { @Id int id; @Id int kind;"
          + " @ForeignKey(value = Owner.class, name = \"thing_owner_fkey\") Integer ownerId; }");
      m.migrate(db);
      assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());
      assertEquals(List.of("thing_pkey PRIMARY KEY (id, kind)"), constraints(db, "thing", "p"));

      // A renamed table keeps its kept name (PostgreSQL's constraint names do not follow the table).
      p.delete("com/acme/model/Thing.java");
      m = build(p, "Item", "@RenamedFrom(\"thing\") @Table(primaryKeyName = \"thing_pkey\") public class Item {"
          + " @Id int id; @Id int kind; @ForeignKey(value = Owner.class, name = \"thing_owner_fkey\") Integer ownerId; }");
      m.migrate(db);
      assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());

      // Dropping the key addresses it by its kept name.
      m = build(p, "Item", "@Table(primaryKeyName = \"thing_pkey\") public class Item {"
          + " @Id int id; @Id int kind; Integer ownerId; }");
      String v4 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v4.contains("dropForeignKey(\"item\", \"thing_owner_fkey\")"), v4);
      m.migrate(db);
      assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());
      assertEquals(List.of(), constraints(db, "item", "f"));
      assertEquals(List.of("2"), Sql.strings(db, "SELECT count(*) FROM item"));
    }
  }

  @Test
  void aKeptNameMustBeAPlainIdentifier() throws Exception {
    Project p = new Project(dir.resolve("bad"));
    p.write("com/acme/model/Owner.java", HEAD + "@Table(primaryKeyName = \"owner key\") public class Owner { @Id int id; }");
    p.write("com/acme/model/Thing.java", HEAD + "@Table public class Thing { @Id int id;"
        + " @ForeignKey(value = Owner.class, name = \"1fk\") Integer ownerId; }");
    Project.Result r = p.build();
    assertFalse(r.ok());
    assertTrue(r.errors().stream().anyMatch(e -> e.startsWith("invalid primary key name \"owner key\": a space")), r.errors().toString());
    assertTrue(r.errors().stream().anyMatch(e -> e.startsWith("invalid foreign key name \"1fk\": it starts with a digit")),
        r.errors().toString());
  }

  /** No operation renames a constraint: a changed kept name is an error, not a snapshot that parts from the migrations. */
  @Test
  void aKeptNameCannotChangeLater() throws Exception {
    Project p = new Project(dir.resolve("rename"));
    p.write("com/acme/model/Owner.java", HEAD + "@Table(primaryKeyName = \"owner_key\") public class Owner { @Id int id; }");
    p.build().assertOk();
    p.write("com/acme/model/Owner.java", HEAD + "@Table(primaryKeyName = \"owner_pkey\") public class Owner { @Id int id; String x; }");
    Project.Result r = p.build();
    assertFalse(r.ok());
    assertEquals(List.of("the primary key of owner is named owner_key in the migrations, but @Table(primaryKeyName) now says"
        + " owner_pkey: jmigrate does not rename a key's constraint. Keep primaryKeyName = \"owner_key\""), r.errors());
    assertEquals(1, p.migrations("com.acme.migrations").size(), "nothing was written");
  }

  private static List<String> constraints(Connection db, String table, String type) throws Exception {
    return Sql.strings(db, "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"
        + table + "'::regclass AND contype = '" + type + "' ORDER BY conname");
  }
}
