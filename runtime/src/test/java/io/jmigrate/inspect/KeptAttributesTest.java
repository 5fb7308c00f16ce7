package io.jmigrate.inspect;

import static io.jmigrate.migration.Operations.alterColumn;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.engine.Drift;
import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.TableDefinition;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing a database has is stripped without a word": what a live table has beyond jmigrate's
 * values (ON UPDATE, a collation on a column the model cannot give one, UNSIGNED, AUTOINCREMENT, DESC and
 * INCLUDE indexes, DEFERRABLE keys, GENERATED ALWAYS identities) is reported by inspect, never
 * modelled wrongly, declared in the unmanaged file, compared by validate, and a later migration
 * whose statements would strip it is refused before it changes anything. Generated columns, comments and text
 * columns' collations are read into the model instead; an unmanaged line written for a collation before
 * collations were modelled is still accepted.
 */
class KeptAttributesTest {
  @TempDir Path dir;

  @Test
  void postgres() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      exec(c, "CREATE TABLE person (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(40) NOT NULL"
          + " COLLATE \"C\", upper_name varchar(40) GENERATED ALWAYS AS (upper(name)) STORED, age integer, note text)");
      exec(c, "COMMENT ON COLUMN person.note IS 'free text'");
      exec(c, "COMMENT ON TABLE person IS 'who we know'");
      exec(c, "CREATE INDEX ix_person_age_desc ON person (age DESC)");
      exec(c, "CREATE INDEX ix_person_name_incl ON person (name) INCLUDE (age)");
      exec(c, "CREATE TABLE visit (id integer PRIMARY KEY, person_id integer REFERENCES person (id)"
          + " DEFERRABLE INITIALLY DEFERRED, code varchar(8) COLLATE \"POSIX\")");
      exec(c, "COMMENT ON TABLE visit IS 'when they came'");
      exec(c, "INSERT INTO person (name, age) VALUES ('ada', 36)");
      Inspection inspection = Inspection.of(c, Set.of());
      String report = inspection.report();
      TableDefinition person = table(inspection, "person");
      ColumnDefinition upper = person.column("upper_name").orElseThrow();
      assertEquals("upper((name)::text) STORED", upper.generatedAs() + (upper.stored() ? " STORED" : " VIRTUAL"),
          "a generated column is in the model, as the database gives its expression: " + person);
      assertTrue(person.columns().stream().noneMatch(col -> col.hasDefaultSql()), "no upper(name) default: " + person);
      assertEquals(List.of(), person.indexes(), "DESC and INCLUDE indexes are not modelled as plain ones");
      assertTrue(!report.contains("person.upper_name"), report);
      assertTrue(!inspection.unmanaged().text().contains("upper_name"), inspection.unmanaged().text());
      for (String expected : List.of("column person.id: kept by the database, not in the model: identity (GENERATED ALWAYS AS IDENTITY)",
          "index ix_person_age_desc: left out: its definition (CREATE INDEX ix_person_age_desc ON ",
          "index ix_person_name_incl: left out", "foreign key visit.visit_person_id_fkey: kept by the database, not in the"
              + " model: deferrable (DEFERRABLE INITIALLY DEFERRED)")) {
        assertTrue(report.contains(expected), expected + " in:\n" + report);
      }
      // A text column's collation is in the model, not kept beside it.
      assertEquals("C", person.column("name").orElseThrow().collation());
      assertTrue(!report.contains("collation (C)"), report);
      assertTrue(!inspection.unmanaged().text().contains("collation"), inspection.unmanaged().text());
      // A column's comment is in the model now, not kept beside it.
      assertEquals("free text", person.column("note").orElseThrow().comment());
      assertTrue(!report.contains("comment (free text)"), report);
      String source = Files.readString(inspection.write(dir, "com.acme.model").get(0));
      assertTrue(source.contains("comment = \"free text\""), "the model says it:\n" + source);
      assertTrue(source.contains("@Column(length = 40, nullable = false, collation = \"C\")")
          || source.contains("collation = \"C\""), "the model says it:\n" + source);
      assertTrue(source.contains("generatedAs = \"upper((name)::text)\")"), "the model says it:\n" + source);
      // So is a table's (Hibernate's @Comment on the entity).
      assertEquals("who we know", person.comment());
      assertTrue(!report.contains("comment (who we know)"), report);
      assertTrue(source.contains("comment = \"who we know\")"), "the model says it:\n" + source);
      List<Path> entities = inspection.write(dir.resolve("jpa"), "com.acme.jpa", true);
      java.util.function.Function<String, String> entitySource = name -> entities.stream()
          .filter(f -> f.getFileName().toString().equals(name)).map(f -> {
            try {
              return Files.readString(f);
            } catch (java.io.IOException x) {
              throw new java.io.UncheckedIOException(x);
            }
          }).findFirst().orElseThrow();
      String entity = entitySource.apply("Visit.java");
      assertTrue(entity.contains("@Comment(\"when they came\")\n@Entity") || entity.contains("@Entity\n@Comment(\"when they came\")"),
          "Hibernate's @Comment on the entity:\n" + entity);
      assertTrue(entity.contains("@Collate(\"POSIX\")\n  String code;") && entity.contains("import org.hibernate.annotations.Collate;"),
          "Hibernate's @Collate on the field:\n" + entity);
      // A stored generated column is Hibernate's @GeneratedColumn, as the database gives its expression.
      String personEntity = entitySource.apply("Person.java");
      assertTrue(personEntity.contains("  @GeneratedColumn(\"upper((name)::text)\")\n  String upperName;"), personEntity);

      Migrator v1 = adopt(c, inspection, "person", "visit");
      // A fresh database gets the first migration (no generated default that fails there).
      try (Connection fresh = Postgres.newDatabase()) {
        v1.migrate(fresh);
        assertTrue(v1.validate(fresh).isEmpty(), v1.validate(fresh).toString());
      }
      // An attribute the declaration does not have, or has otherwise, is drift.
      exec(c, "COMMENT ON COLUMN person.note IS 'changed by hand'");
      exec(c, "COMMENT ON COLUMN person.age IS 'years'");
      exec(c, "COMMENT ON TABLE person IS 'by hand'");
      assertEquals(List.of("column person.age has the comment (years) but the migrations give it none",
          "column person.note has the comment (changed by hand) but the migrations give it (free text)",
          "table person has the comment (by hand) but the migrations give it (who we know)"),
          v1.validate(c).differences());
    }
  }

  /**
   * An unmanaged line written before collations were modelled still keeps the collation of a model without one:
   * validate accepts it, and {@code ALTER COLUMN … TYPE} without {@code COLLATE} (the default collation) is refused.
   */
  @Test
  void anUnmanagedLineForACollationIsStillAccepted() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      exec(c, "CREATE TABLE person (id integer CONSTRAINT pk_person PRIMARY KEY, name varchar(40) NOT NULL COLLATE \"C\")");
      TableDefinition person = io.jmigrate.migration.Operations.table("person",
          io.jmigrate.migration.Operations.column("id", io.jmigrate.schema.ColumnType.INTEGER).notNull(),
          io.jmigrate.migration.Operations.column("name", io.jmigrate.schema.ColumnType.STRING).length(40).notNull())
          .primaryKey("id");
      Unmanaged oldLines = Unmanaged.parse("column person.name: collation = C\n");
      Migrator v1 = new Migrator(List.of(migration(1, "adopt", List.of(createTable(person)))));
      v1.withUnmanaged(oldLines).baseline(c, 1);
      assertEquals(List.of("column person.name has the collation C but the migrations give it none"),
          v1.validate(c).differences(), "undeclared, it is drift");
      assertEquals(List.of(), v1.withUnmanaged(oldLines).validate(c).differences());
      Migrator v2 = new Migrator(List.of(migration(1, "adopt", List.of(createTable(person))), migration(2, "change",
          List.of(alterColumn("person", person.column("name").orElseThrow().length(80)))))).withUnmanaged(oldLines);
      MigrationException e = assertThrows(MigrationException.class, () -> v2.migrate(c));
      assertTrue(e.getMessage().contains("would remove collation (C) from column person.name of table person"), e.getMessage());
      assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
      assertEquals(List.of("40 C"), strings(c, "SELECT character_maximum_length || ' ' || collation_name FROM"
          + " information_schema.columns WHERE table_name = 'person' AND column_name = 'name'"));
    }
  }

  @Test
  void mariaDb() throws Exception {
    try (Connection c = MariaDb.newDatabase()) {
      exec(c, "CREATE TABLE account (id INT NOT NULL PRIMARY KEY, name VARCHAR(40) CHARACTER SET latin1"
          + " COLLATE latin1_general_ci, note VARCHAR(100) COMMENT 'free text', changed TIMESTAMP NOT NULL"
          + " DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, upper_name VARCHAR(40) AS (upper(name)) VIRTUAL,"
          + " city VARCHAR(20))"
          + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
      exec(c, "CREATE TABLE counter (id BIGINT UNSIGNED NOT NULL PRIMARY KEY)");
      exec(c, "INSERT INTO counter VALUES (18446744073709551615)");
      exec(c, "INSERT INTO account (id, name, note) VALUES (1, 'ada', 'hi')");
      Inspection inspection = Inspection.of(c, Set.of());
      String report = inspection.report();
      assertEquals(List.of("account", "counter"), inspection.tables(), report);
      assertTrue(report.contains("column counter.id: of the type bigint(20) unsigned (an unsigned integer, whose largest"
          + " values no signed Java type holds): modelled as @Column(sqlType = \"bigint(20) unsigned\")"), report);
      assertEquals("table counter (id NATIVE SQL-TYPE bigint(20) unsigned NOT NULL, primary key (id))",
          table(inspection, "counter").toString(), "an UNSIGNED BIGINT is never a Long, but its own type as written");
      TableDefinition account = table(inspection, "account");
      ColumnDefinition upper = account.column("upper_name").orElseThrow();
      assertEquals("ucase(`name`) VIRTUAL", upper.generatedAs() + (upper.stored() ? " STORED" : " VIRTUAL"), account.toString());
      assertEquals("free text", account.column("note").orElseThrow().comment(), "the comment is in the model");
      for (String expected : List.of("column account.changed: kept by the database, not in the model: on update (on update")) {
        assertTrue(report.contains(expected), expected + " in:\n" + report);
      }
      // A column's collation other than its table's is in the model; its character set follows from it.
      assertEquals("latin1_general_ci", account.column("name").orElseThrow().collation(), account.toString());
      assertTrue(!report.contains("collation ("), report);
      assertFalse(inspection.unmanaged().declares("table counter"), inspection.unmanaged().text());

      Migrator v1 = adopt(c, inspection, "account", "counter");
      // MODIFY COLUMN restates the whole column: it would drop ON UPDATE. Refused before anything changes.
      Migrator v2 = next(v1, inspection, "account", "changed", col -> col.nullable(true));
      MigrationException e = assertThrows(MigrationException.class, () -> v2.migrate(c));
      assertTrue(e.getMessage().contains("V0002 change would remove on update (on update current_timestamp()) from column"
          + " account.changed of table account: MODIFY COLUMN restates the whole column"), e.getMessage());
      assertEquals(List.of("on update current_timestamp()"), strings(c, "SELECT EXTRA FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'account' AND COLUMN_NAME = 'changed'"));
      assertEquals(List.of("18446744073709551615"), strings(c, "SELECT id FROM counter"));
      // A column that has none of them changes as before.
      Migrator v2b = next(v1, inspection, "account", "city", col -> col.length(200));
      assertEquals(1, v2b.migrate(c).size());
      assertTrue(v2b.validate(c).isEmpty(), v2b.validate(c).toString());
      // The collated column changes with MODIFY restating its collation (and so its character set).
      ColumnDefinition city = table(inspection, "account").column("city").orElseThrow();
      ColumnDefinition name = table(inspection, "account").column("name").orElseThrow();
      Migrator v2c = new Migrator(List.of(migration(1, "adopt", v1.schemaAt(1).tables().stream()
          .map(t -> (Operation) createTable(t)).toList()), migration(2, "change", List.of(alterColumn("account",
              city.length(200)))), migration(3, "name", List.of(alterColumn("account", name.length(60))))))
          .withUnmanaged(Unmanaged.parse(inspection.unmanaged().text()));
      assertEquals(1, v2c.migrate(c).size());
      assertEquals(List.of("60 latin1 latin1_general_ci"), strings(c, "SELECT CONCAT(CHARACTER_MAXIMUM_LENGTH, ' ',"
          + " CHARACTER_SET_NAME, ' ', COLLATION_NAME) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
          + " AND TABLE_NAME = 'account' AND COLUMN_NAME = 'name'"));
      assertEquals(List.of(), v2c.validate(c).differences());
    }
  }

  @Test
  void sqlite() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"))) {
      exec(c, "CREATE TABLE tag (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL COLLATE NOCASE,"
          + " upper_name TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL, weight INTEGER)");
      exec(c, "INSERT INTO tag (name, weight) VALUES ('Ada', 1)");
      Inspection inspection = Inspection.of(c, Set.of());
      String report = inspection.report();
      for (String expected : List.of("column tag.id: kept by the database, not in the model: autoincrement (AUTOINCREMENT)")) {
        assertTrue(report.contains(expected), expected + " in:\n" + report);
      }
      assertEquals("NOCASE", table(inspection, "tag").column("name").orElseThrow().collation(), "in the model: " + report);
      ColumnDefinition upper = table(inspection, "tag").column("upper_name").orElseThrow();
      assertEquals("upper(name) VIRTUAL", upper.generatedAs() + (upper.stored() ? " STORED" : " VIRTUAL"), report);
      Migrator v1 = adopt(c, inspection, "tag");
      // Changing weight rebuilds the table from the model: NOCASE, AUTOINCREMENT and upper_name would go.
      Migrator v2 = next(v1, inspection, "tag", "weight", col -> col.notNull().defaultValue("0"));
      MigrationException e = assertThrows(MigrationException.class, () -> v2.migrate(c));
      assertTrue(e.getMessage().contains("of table tag: SQLite changes it by rebuilding the table from the model"),
          e.getMessage());
      assertTrue(strings(c, "SELECT sql FROM sqlite_master WHERE name = 'tag'").get(0).contains("COLLATE NOCASE"));
      assertEquals(List.of("ADA"), strings(c, "SELECT upper_name FROM tag"));
    }
  }

  @Test
  void h2() throws Exception {
    try (Connection c = io.jmigrate.testing.H2.mem()) {
      exec(c, "CREATE TABLE item (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name VARCHAR(40) NOT NULL,"
          + " upper_name VARCHAR(40) GENERATED ALWAYS AS (UPPER(name)), qty INTEGER)");
      exec(c, "COMMENT ON COLUMN item.qty IS 'how many'");
      exec(c, "INSERT INTO item (name, qty) VALUES ('ada', 1)");
      Inspection inspection = Inspection.of(c, Set.of());
      String report = inspection.report();
      assertEquals(List.of("item"), inspection.tables(), report);
      TableDefinition item = table(inspection, "item");
      assertTrue(item.column("upper_name").orElseThrow().computed()
          && item.columns().stream().noneMatch(ColumnDefinition::hasDefaultSql),
          "a generated column is modelled as one, not as a plain one with a default: " + item);
      for (String expected : List.of("column item.id: kept by the database, not in the model: identity (GENERATED ALWAYS AS IDENTITY)")) {
        assertTrue(report.contains(expected), expected + " in:\n" + report);
      }
      assertEquals("how many", item.column("qty").orElseThrow().comment(), "the comment is in the model");
      Migrator v1 = adopt(c, inspection, "item");
      // H2 changes one thing of a column at a time and keeps the rest: the comment stays.
      Migrator v2 = next(v1, inspection, "item", "qty", col -> col.type(io.jmigrate.schema.ColumnType.BIGINT));
      assertEquals(1, v2.migrate(c).size());
      assertEquals(List.of("how many"), strings(c, "SELECT REMARKS FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'item'"
          + " AND COLUMN_NAME = 'qty'"));
      assertTrue(v2.validate(c).isEmpty(), v2.validate(c).toString());
    }
  }

  private static TableDefinition table(Inspection inspection, String name) {
    return inspection.inspected().stream().map(InspectedTable::table).filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow();
  }

  /** The first migration a build writes from the inspected models, then baseline with inspect's declaration. */
  private static Migrator adopt(Connection c, Inspection inspection, String... tables) {
    List<Operation> ops = new ArrayList<>();
    for (String t : tables) {
      ops.add(createTable(table(inspection, t)));
    }
    Migrator without = new Migrator(List.of(migration(1, "adopt", ops)));
    MigrationException undeclared = assertThrows(MigrationException.class, () -> without.baseline(c, 1));
    assertTrue(undeclared.getMessage().contains("does not declare"), "without the declaration, they are drift: "
        + undeclared.getMessage());
    Migrator m = without.withUnmanaged(Unmanaged.parse(inspection.unmanaged().text()));
    m.baseline(c, 1);
    Drift drift = m.validate(c);
    assertTrue(drift.isEmpty(), drift.toString());
    return m;
  }

  /** V0002: one column of a table changed. */
  private static Migrator next(Migrator v1, Inspection inspection, String table, String column,
      UnaryOperator<ColumnDefinition> change) {
    ColumnDefinition col = table(inspection, table).column(column).orElseThrow();
    return new Migrator(List.of(migration(1, "adopt", v1.schemaAt(1).tables().stream().map(t -> (Operation) createTable(t))
        .toList()), migration(2, "change", List.of(alterColumn(table, change.apply(col)))))).withUnmanaged(
        Unmanaged.parse(inspection.unmanaged().text()));
  }

  private static Migration migration(int version, String description, List<Operation> ops) {
    return new Migration(version, description) {
      @Override
      public List<Operation> up() {
        return ops;
      }
    };
  }
}
