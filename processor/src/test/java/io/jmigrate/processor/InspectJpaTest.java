package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Drift;
import io.jmigrate.engine.Migrator;
import io.jmigrate.internal.cli.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect --jpa} from the command line, on what Chinook does not have: an ON DELETE action
 * (Hibernate's {@code @OnDelete}), defaults ({@code @ColumnDefault}), unbounded text, a foreign key to
 * a column that is not the key, a unique index, an identity key; and what JPA cannot say (ON UPDATE, a
 * table without a primary key), which the report lists.
 */
class InspectJpaTest {
  @TempDir Path dir;

  private String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), () -> null, Map.of());
    int code = cli.run(args);
    return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  private static void create(Connection db, String... statements) throws Exception {
    try (Statement s = db.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  @Test
  void entitiesWithActionsDefaultsAndKeptNamesBuildTheSchemaTheDatabaseHas() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("app.db");
    try (Connection db = DriverManager.getConnection(url)) {
      create(db,
          "CREATE TABLE owner (id INTEGER PRIMARY KEY AUTOINCREMENT, code VARCHAR(12) NOT NULL, bio TEXT,"
              + " created TIMESTAMP DEFAULT CURRENT_TIMESTAMP, score INTEGER NOT NULL DEFAULT 0, nick VARCHAR(20) DEFAULT 'x',"
              + " CONSTRAINT owner_score_check CHECK (score >= 0), CONSTRAINT owner_nick_code CHECK (nick <> code))",
          "CREATE UNIQUE INDEX owner_code_key ON owner (code)",
          "CREATE TABLE pet (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES owner (id) ON DELETE CASCADE,"
              + " owner_code VARCHAR(12) REFERENCES owner (code))",
          "INSERT INTO owner (code) VALUES ('a')",
          "INSERT INTO pet (id, owner_id, owner_code) VALUES (1, 1, 'a')");
    }
    Project p = new Project(dir.resolve("app"));
    String[] r = run("inspect", "--url", url, "--package", "com.acme.model", "--source-dir", p.src.toString(), "--jpa");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("wrote 2 entities to "), r[1]);
    String owner = Files.readString(p.src.resolve("com/acme/model/Owner.java"));
    String pet = Files.readString(p.src.resolve("com/acme/model/Pet.java"));
    assertTrue(owner.contains("@GeneratedValue(strategy = GenerationType.IDENTITY)"), owner);
    assertTrue(owner.contains("@Index(name = \"owner_code_key\", columnList = \"code\", unique = true)"), owner);
    assertTrue(owner.contains("@Column(name = \"bio\", columnDefinition = \"text\")"), owner);
    assertTrue(owner.contains("@ColumnDefault(\"'x'\")"), owner);
    assertTrue(pet.contains("@OnDelete(action = OnDeleteAction.CASCADE)\n  Owner owner;"), pet);
    // A check named as a column's goes back on the field (Hibernate's unnamed column check), another on the entity.
    assertTrue(owner.contains("@Check(constraints = \"score >= 0\")\n  int score;"), owner);
    assertTrue(owner.contains("@org.hibernate.annotations.Check(name = \"owner_nick_code\", constraints = \"nick <> code\")")
        && !owner.contains("owner_score_check"), owner);
    assertTrue(pet.contains("referencedColumnName = \"code\""), pet);

    Project.Result build = p.build().assertOk();
    assertEquals(1, p.migrations("com.acme.migrations").size());
    String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(v1.contains("ReferentialAction.CASCADE") || v1.contains("CASCADE"), v1);
    // AUTOINCREMENT has no model form: inspect declared it, and the migrator reads the declaration.
    assertTrue(Files.readString(p.root.resolve("src/main/resources/META-INF/jmigrate/unmanaged"))
        .contains("\ncolumn owner.id: autoincrement = AUTOINCREMENT\n"));
    Migrator m = build.migrator();
    try (Connection db = DriverManager.getConnection(url)) {
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift + "\n" + v1 + "\n" + owner + "\n" + pet);
      assertEquals(List.of(), m.migrate(db));
    }
  }

  /**
   * PostgreSQL columns of types jmigrate does not model ({@code tsvector}, {@code inet}, an array of {@code inet}, a
   * domain, {@code interval}): {@code inspect --jpa} writes each as {@code @Column(columnDefinition)} with the type as
   * the database writes it, the JPA reader reads it back as that type, and validate finds no drift after baselining.
   */
  @Test
  void typesJmigrateDoesNotModelAreColumnDefinitionsOnPostgres() throws Exception {
    String url = io.jmigrate.testing.Postgres.newDatabaseUrl();
    try (Connection db = DriverManager.getConnection(url)) {
      create(db, "CREATE DOMAIN postal AS varchar(10) CHECK (VALUE ~ '^[0-9]{5}$')",
          "CREATE TABLE doc (id bigint PRIMARY KEY, body tsvector NOT NULL, address inet, hosts inet[], code postal,"
              + " waiting interval, title varchar(40))",
          "INSERT INTO doc VALUES (1, to_tsvector('english', 'The cats sat'), '10.0.0.1', '{10.0.0.2}', '12345',"
              + " interval '2 hours', 'x')");
    }
    Project p = new Project(dir.resolve("app"));
    String[] r = run("inspect", "--url", url, "--package", "com.acme.model", "--source-dir", p.src.toString(), "--jpa");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("wrote 1 entities to ") || r[1].contains("wrote 1 entity to "), r[1]);
    String doc = Files.readString(p.src.resolve("com/acme/model/Doc.java"));
    for (String column : List.of("@Column(name = \"body\", nullable = false, columnDefinition = \"tsvector\")",
        "@Column(name = \"address\", columnDefinition = \"inet\")", "@Column(name = \"hosts\", columnDefinition = \"inet[]\")",
        "@Column(name = \"code\", columnDefinition = \"postal\")", "@Column(name = \"waiting\", columnDefinition = \"interval\")")) {
      assertTrue(doc.contains(column), column + " in " + doc);
    }
    Project.Result build = p.build("-Ajmigrate.dialects=postgresql").assertOk();
    String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(v1.contains("column(\"body\", NATIVE).sqlType(\"tsvector\").notNull()"), v1);
    Migrator m = build.migrator();
    try (Connection db = DriverManager.getConnection(url)) {
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift + "\n" + v1 + "\n" + doc);
      assertEquals(List.of(), m.migrate(db));
    }
    try (Connection fresh = io.jmigrate.testing.Postgres.newDatabase()) { // the same tables from the migration alone
      create(fresh, "CREATE DOMAIN postal AS varchar(10) CHECK (VALUE ~ '^[0-9]{5}$')");
      assertEquals(1, m.migrate(fresh).size());
      assertTrue(m.validate(fresh).isEmpty(), m.validate(fresh).toString());
    }
  }

  /**
   * A stored generated column is Hibernate's {@code @GeneratedColumn}, which the JPA reader reads back into the same
   * column (validate finds no drift); a table with a virtual one is left out: Hibernate's are stored.
   */
  @Test
  void storedGeneratedColumnsAreHibernatesGeneratedColumn() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("gen.db");
    try (Connection db = DriverManager.getConnection(url)) {
      create(db, "CREATE TABLE line (id INTEGER PRIMARY KEY, price INTEGER, quantity INTEGER,"
              + " total INTEGER GENERATED ALWAYS AS (price * quantity) STORED)",
          "INSERT INTO line (id, price, quantity) VALUES (1, 3, 4)");
    }
    String virtual = "jdbc:sqlite:" + dir.resolve("virtual.db");
    try (Connection db = DriverManager.getConnection(virtual)) {
      create(db, "CREATE TABLE tally (id INTEGER PRIMARY KEY, n INTEGER, twice INTEGER GENERATED ALWAYS AS (n * 2) VIRTUAL)");
    }
    Path elsewhere = dir.resolve("virtual");
    String[] left = run("inspect", "--url", virtual, "--package", "com.acme.model", "--source-dir", elsewhere.toString(),
        "--jpa");
    assertEquals("0", left[0], left[2]);
    assertTrue(left[1].contains("table tally: left out: it has a virtual generated column, and Hibernate's"
        + " @GeneratedColumn makes stored ones"), left[1]);
    assertFalse(Files.exists(elsewhere.resolve("com/acme/model/Tally.java")));

    Project p = new Project(dir.resolve("app"));
    String[] r = run("inspect", "--url", url, "--package", "com.acme.model", "--source-dir", p.src.toString(), "--jpa");
    assertEquals("0", r[0], r[2]);
    String line = Files.readString(p.src.resolve("com/acme/model/Line.java"));
    assertTrue(line.contains("  @GeneratedColumn(\"price * quantity\")\n  Integer total;"), line);
    assertTrue(line.contains("import org.hibernate.annotations.GeneratedColumn;"), line);

    Project.Result build = p.build().assertOk();
    String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(v1.contains("column(\"total\", INTEGER).generatedAs(\"price * quantity\", true)"), v1);
    Migrator m = build.migrator();
    try (Connection db = DriverManager.getConnection(url)) {
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift + "\n" + v1 + "\n" + line);
      assertEquals(List.of(), m.migrate(db));
    }
  }

  @Test
  void whatJpaCannotSayIsReported() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("up.db");
    try (Connection db = DriverManager.getConnection(url)) {
      create(db, "CREATE TABLE owner (id INTEGER PRIMARY KEY)",
          "CREATE TABLE pet (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owner (id) ON UPDATE CASCADE)",
          "CREATE TABLE log (line TEXT)");
    }
    Project p = new Project(dir.resolve("app"));
    Path src = p.src;
    String[] r = run("inspect", "--url", url, "--package", "com.acme.model", "--source-dir", src.toString(), "--jpa");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("ON UPDATE CASCADE: JPA cannot declare ON UPDATE"), r[1]);
    assertTrue(r[1].contains("table log: left out: a JPA entity needs an @Id"), r[1]);
    assertTrue(r[1].contains("wrote 2 entities"), r[1]);
    assertFalse(Files.exists(src.resolve("com/acme/model/Log.java")));
    assertTrue(Files.readString(src.resolve("com/acme/model/Pet.java")).contains("<li>ON UPDATE CASCADE of "));
    // The database keeps the action the entity cannot declare: declared, so baseline and validate accept it.
    assertTrue(Files.readString(p.root.resolve("src/main/resources/META-INF/jmigrate/unmanaged"))
        .contains("\nforeign key pet.owner_id->owner.id: on update = CASCADE\n"));
    Migrator m = p.build().assertOk().migrator();
    try (Connection db = DriverManager.getConnection(url)) {
      m.baseline(db, 1);
      assertEquals(List.of(), m.validate(db).differences());
    }
    String[] help = run("inspect", "--help");
    assertTrue(help[1].contains("[--jpa]"), help[1]);
  }
}
