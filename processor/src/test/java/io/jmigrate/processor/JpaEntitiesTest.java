package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose only models are JPA entities: the ordinary build writes a migration and a
 * snapshot; jmigrate's {@code @RenamedFrom}, {@code @Drop} and {@code @Narrow} work on entities;
 * an incremental build that recompiles one entity changes nothing; {@code javax.persistence}
 * entities are read like {@code jakarta.persistence} ones.
 */
class JpaEntitiesTest {
  @TempDir Path dir;

  private static final String HEADER = "package com.acme.model;\nimport jakarta.persistence.*;\nimport java.util.*;\n";

  private static Project clinic(Path dir) throws Exception {
    return new Project(dir)
        .write("com/acme/model/Owner.java", HEADER + """
            @Entity public class Owner {
              @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
              @Column(nullable = false, length = 80) private String firstName;
              @OneToMany(mappedBy = "owner") private List<Pet> pets;
              @ManyToMany private Set<Tag> tags;
            }""")
        .write("com/acme/model/Pet.java", HEADER + """
            @Entity public class Pet {
              @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
              private String name;
              @ManyToOne(optional = false) private Owner owner;
            }""")
        .write("com/acme/model/Tag.java", HEADER + """
            @Entity public class Tag { @Id private String name; }""");
  }

  /**
   * An entity's table on MariaDB takes the database's collation, as Hibernate's; -Ajmigrate.collation names
   * another, @io.jmigrate.Table(collation) one table's; targets without mariadb record none; a name that is
   * not a collation's is an error at the annotation.
   */
  @Test
  void collationFollowsHibernateUnlessAsked(@org.junit.jupiter.api.io.TempDir Path other) throws Exception {
    String tag = HEADER + "@Entity public class Tag { @Id private String name; }";
    Project p = new Project(dir).write("com/acme/model/Tag.java", tag);
    p.build().assertOk();
    assertTrue(p.snapshotText().contains("\"collation\": \"database\""), p.snapshotText());
    Project.Result changed = p.build("-Ajmigrate.collation=utf8mb4_unicode_ci").assertOk();
    // The build says what it costs: the table is copied on MariaDB.
    assertTrue(changed.warnings().toString().contains("converting the text of tag to the collation utf8mb4_unicode_ci")
        && changed.warnings().toString().contains("copies the table"), changed.warnings().toString());
    String change = p.migrations("com.acme.migrations").get("V0002_CollateTag.java");
    assertTrue(change != null && change.contains("alterCollation(\"tag\", \"utf8mb4_unicode_ci\")"),
        p.migrations("com.acme.migrations").toString());
    Project pg = new Project(other.resolve("pg")).write("com/acme/model/Tag.java", tag);
    pg.build("-Ajmigrate.dialects=postgresql").assertOk();
    assertTrue(!pg.snapshotText().contains("collation"), pg.snapshotText());
    Project exact = new Project(other.resolve("exact")).write("com/acme/model/Tag.java",
        HEADER + "@Entity @io.jmigrate.Table(collation = \"utf8mb4_bin\") public class Tag { @Id private String name; }");
    exact.build().assertOk();
    assertTrue(!exact.snapshotText().contains("collation"), exact.snapshotText());
    Project bad = new Project(other.resolve("bad")).write("com/acme/model/Tag.java",
        HEADER + "@Entity @io.jmigrate.Table(collation = \"utf8mb4; DROP\") public class Tag { @Id private String name; }");
    List<String> errors = bad.build().errors();
    assertTrue(errors.toString().contains("\"utf8mb4; DROP\" is not a collation's name"), errors.toString());
  }

  @Test
  void anEntityOnlyProjectGetsAMigrationAndASnapshot() throws Exception {
    Project p = clinic(dir);
    p.build().assertOk();
    String migration = p.migrations("com.acme.migrations").get("V0001_CreateTables.java");
    assertTrue(squash(migration).contains(squash("""
            createTable(table("owner",
                column("id", BIGINT).notNull().identity(),
                column("first_name", STRING).length(80).notNull())
              .primaryKey("id")
              .collation("database")),""")), migration);
    assertTrue(squash(migration).contains(squash("""
                column("owner_id", BIGINT).notNull())
              .primaryKey("id")
              .foreignKey(foreignKey("fk_pet_owner_id").columns("owner_id").references("owner", "id"))
              .collation("database")),""")), migration);
    assertTrue(squash(migration).contains(squash("""
            createTable(table("owner_tags",
                column("owner_id", BIGINT).notNull(),
                column("tags_name", STRING).length(255).notNull())
              .primaryKey("owner_id", "tags_name")""")), migration);
    String snapshot = p.snapshotText();
    assertTrue(snapshot.contains("\"model\": \"com.acme.model.Owner#tags\""), snapshot);
    assertTrue(snapshot.contains("{\"name\": \"name\", \"type\": \"STRING\", \"length\": 255}"), snapshot);

    Project.Result again = p.build().assertOk();
    assertEquals(1, p.migrations("com.acme.migrations").size(), "a second build writes nothing");
    assertTrue(again.warnings().isEmpty(), again.warnings().toString());
  }

  @Test
  void anIncrementalBuildOfOneEntityChangesNothing() throws Exception {
    Project p = clinic(dir);
    Project.Result full = p.build().assertOk();
    String snapshot = p.snapshotText();
    TreeMap<String, String> migrations = p.migrations("com.acme.migrations");
    p.buildOnly(full, List.of("com/acme/model/Pet.java")).assertOk();
    assertEquals(snapshot, p.snapshotText());
    p.buildOnly(full, List.of("com/acme/model/Owner.java")).assertOk();
    assertEquals(migrations, p.migrations("com.acme.migrations"));
    assertEquals(snapshot, p.snapshotText());
  }

  @Test
  void anIncrementalBuildOfASingleTableRootStillSeesItsSubclasses() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/Animal.java", HEADER + """
            @Entity public class Animal { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id; }""")
        .write("com/acme/model/Dog.java", HEADER + """
            @Entity public class Dog extends Animal { private int barks; }""");
    Project.Result full = p.build().assertOk();
    String snapshot = p.snapshotText();
    assertTrue(snapshot.contains("\"barks\""), snapshot);
    p.buildOnly(full, List.of("com/acme/model/Animal.java")).assertOk();
    assertEquals(snapshot, p.snapshotText());
    assertEquals(1, p.migrations("com.acme.migrations").size());

    // A subclass whose source is gone is gone, though its class file is still in the output.
    p.delete("com/acme/model/Dog.java");
    Project.Result gone = p.buildOnly(full, List.of("com/acme/model/Animal.java"));
    assertTrue(gone.errors().stream().anyMatch(e -> e.contains("the column animal.barks is gone")), gone.errors().toString());
  }

  @Test
  void renamedFromDropAndNarrowWorkOnEntities() throws Exception {
    Project p = clinic(dir);
    String url = Postgres.newDatabaseUrl();
    try (Connection c = DriverManager.getConnection(url)) {
      p.build().assertOk().migrator().migrate(c);
      Db.exec(c, "INSERT INTO owner (first_name) VALUES ('Ann')");
      Db.exec(c, "INSERT INTO pet (name, owner_id) VALUES ('Rex', 1)");

      // A rename, a new column, a narrowing and a drop: each needs its opt-in, as on a @Table model.
      p.write("com/acme/model/Pet.java", HEADER + """
          @Entity public class Pet {
            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
            private String nickname;
            @ManyToOne(optional = false) private Owner owner;
            private Integer age;
          }""");
      Project.Result refused = p.build();
      assertFalse(refused.ok());
      assertTrue(refused.errors().stream().anyMatch(e -> e.contains("the column pet.name is gone")), refused.errors().toString());

      p.write("com/acme/model/Pet.java", HEADER + """
          @Entity @io.jmigrate.Drop(columns = "legacy") public class Pet {
            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
            @io.jmigrate.RenamedFrom("name") @io.jmigrate.Narrow @Column(length = 40) private String nickname;
            @ManyToOne(optional = false) private Owner owner;
            private Integer age;
          }""");
      Project.Result renamed = p.build().assertOk();
      String v2 = p.migrations("com.acme.migrations").get("V0002_RenamePetNameToNicknameAndMore.java");
      assertTrue(v2 != null && v2.contains("renameColumn(\"pet\", \"name\", \"nickname\")")
          && v2.contains("addColumn(\"pet\", column(\"age\", INTEGER))"), p.migrations("com.acme.migrations").keySet()
          + "\n" + v2);
      renamed.migrator().migrate(c);
      assertEquals(List.of(List.of("Rex", 1L)), Db.rows(c, "SELECT nickname, owner_id FROM pet"));
      HibernateSchema.run(renamed, List.of("com.acme.model.Owner", "com.acme.model.Pet", "com.acme.model.Tag"), true,
          url, "validate");
    }
  }

  @Test
  void renamedFromOnACollectionRenamesItsTable() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Vet.java", HEADER + """
        @Entity public class Vet {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
          @ElementCollection private Set<String> languages;
        }""");
    String url = Postgres.newDatabaseUrl();
    try (Connection c = DriverManager.getConnection(url)) {
      p.build().assertOk().migrator().migrate(c);
      Db.exec(c, "INSERT INTO vet DEFAULT VALUES");
      Db.exec(c, "INSERT INTO vet_languages (vet_id, languages) VALUES (1, 'fr')");
      p.write("com/acme/model/Vet.java", HEADER + """
          @Entity public class Vet {
            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
            @io.jmigrate.RenamedFrom("vet_languages") @ElementCollection @CollectionTable(name = "vet_tongues")
            @Column(name = "languages") private Set<String> tongues;
          }""");
      Project.Result renamed = p.build().assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("renameTable(\"vet_languages\", \"vet_tongues\")"), v2);
      renamed.migrator().migrate(c);
      assertEquals(List.of(List.of(1L, "fr")), Db.rows(c, "SELECT vet_id, languages FROM vet_tongues"));
      HibernateSchema.run(renamed, List.of("com.acme.model.Vet"), true, url, "validate");
    }
  }

  @Test
  void aTableWithRowsBecomesASingleTableHierarchy() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Product.java", HEADER + """
        @Entity public class Product {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
          private String title;
        }""");
    String url = Postgres.newDatabaseUrl();
    List<String> entities = List.of("com.acme.model.Product", "com.acme.model.Book");
    try (Connection c = DriverManager.getConnection(url)) {
      p.build().assertOk().migrator().migrate(c);
      Db.exec(c, "INSERT INTO product (title) VALUES ('Lamp')");

      p.write("com/acme/model/Book.java", HEADER + """
          @Entity public class Book extends Product { private String isbn; }""");
      Project.Result hierarchy = p.build().assertOk();
      hierarchy.migrator().migrate(c);
      // The row that was there is the root's, as Hibernate will read it.
      assertEquals(List.of(List.of("Lamp", "Product")), Db.rows(c, "SELECT title, dtype FROM product"));
      HibernateSchema.run(hierarchy, entities, true, url, "validate");

      // A subclass without a table of its own confirms the drop of its column.
      p.write("com/acme/model/Book.java", HEADER + """
          @Entity @io.jmigrate.Drop(columns = "isbn") public class Book extends Product { }""");
      p.build().assertOk().migrator().migrate(c);
      assertEquals(List.of(List.of("Lamp", "Product")), Db.rows(c, "SELECT title, dtype FROM product"));
    }
  }

  @Test
  void beanValidationShapesColumnsWhenHibernateValidatorIsThere() throws Exception {
    // Hibernate Validator is on this test's class path, so on the project's (Project compiles against it).
    Project p = new Project(dir).write("com/acme/model/Person.java", HEADER + """
        @Entity public class Person {
          @Id private Long id;
          @jakarta.validation.constraints.NotBlank private String name;
          @jakarta.validation.constraints.Size(max = 40) private String email;
          @jakarta.validation.constraints.Digits(integer = 6, fraction = 2) private java.math.BigDecimal salary;
          @jakarta.validation.constraints.NotNull @ManyToOne private Person boss;
          @jakarta.validation.constraints.NotNull(groups = Person.class) private String other;
        }""");
    p.build().assertOk();
    String with = squash(p.migrations("com.acme.migrations").firstEntry().getValue());
    assertTrue(with.contains(squash("""
        column("name", STRING).length(255).notNull(),
        column("email", STRING).length(40),
        column("salary", DECIMAL).precision(8, 2),
        column("other", STRING).length(255),
        column("boss_id", BIGINT).notNull())""")), with);
  }

  @Test
  void javaxPersistenceEntitiesAreReadToo() throws Exception {
    Project p = new Project(dir);
    // The older API, as an old project has it on its class path (here as sources: the processor reads names only).
    for (String a : List.of("Entity", "Id", "Column", "ManyToOne", "Table")) {
      String members = switch (a) {
        case "Entity", "Table" -> "String name() default \"\";";
        case "Column" -> "String name() default \"\"; int length() default 255; boolean nullable() default true;";
        case "ManyToOne" -> "boolean optional() default true;";
        default -> "";
      };
      p.write("javax/persistence/" + a + ".java", "package javax.persistence;\n"
          + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
          + "public @interface " + a + " { " + members + " }");
    }
    p.write("com/acme/model/Invoice.java", """
        package com.acme.model;
        import javax.persistence.*;
        @Entity @Table(name = "invoices") public class Invoice {
          @Id private long number;
          @Column(length = 30, nullable = false) private String customerName;
          @ManyToOne(optional = false) private Invoice corrects;
        }""");
    p.build("-Ajmigrate.package=com.acme.migrations").assertOk();
    String migration = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(squash(migration).contains(squash("""
            createTable(table("invoices",
                column("number", BIGINT).notNull(),
                column("customer_name", STRING).length(30).notNull(),
                column("corrects_number", BIGINT).notNull())
              .primaryKey("number")
              .foreignKey(foreignKey("fk_invoices_corrects_number").columns("corrects_number").references("invoices", "number"))
              .collation("database")));""")),
        migration);
  }

  /**
   * Hibernate 7's key of an {@code @IdClass} is every field of the key class, also one the entity does not mark
   * {@code @Id} (a series' {@code ts}): two points of one series at two instants are two rows. A primitive is NOT
   * NULL only without a {@code @Column} (or with {@code nullable = false}).
   */
  @Test
  void anIdClassKeyIsEveryFieldOfTheKeyClassAndAPrimitiveWithAColumnIsNullable() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Point.java", HEADER + """
        @Entity @IdClass(Point.Key.class) public class Point {
          @Id private Long entityId;
          @Id @Column(name = "k") private String key;
          private java.time.Instant ts;
          private double measured;
          @Column private double adjusted;
          @Column(nullable = false) private int quality;
          public static class Key implements java.io.Serializable { Long entityId; String key; java.time.Instant ts; }
        }""").write("com/acme/model/Station.java", HEADER + """
        @Entity @IdClass(Station.Code.class) public class Station {
          @Id private String code;
          public static class Code implements java.io.Serializable { String code; }
        }""");
    Project.Result build = p.build().assertOk();
    String migration = squash(p.migrations("com.acme.migrations").firstEntry().getValue());
    assertTrue(migration.contains(squash("""
        createTable(table("point",
            column("entity_id", BIGINT).notNull(),
            column("ts", TIMESTAMP_TZ).notNull().asUtcDatetime(),
            column("k", STRING).length(255).notNull(),
            column("measured", DOUBLE).notNull(),
            column("adjusted", DOUBLE),
            column("quality", INTEGER).notNull())
          .primaryKey("entity_id", "ts", "k")
          .collation("database")),""")), migration);
    String url = Postgres.newDatabaseUrl();
    try (Connection c = DriverManager.getConnection(url)) {
      build.migrator().migrate(c);
      Db.exec(c, "INSERT INTO point (entity_id, k, ts, measured, quality) VALUES (1, 'temp', '2026-01-01T00:00Z', 1, 0)");
      Db.exec(c, "INSERT INTO point (entity_id, k, ts, measured, quality) VALUES (1, 'temp', '2026-01-01T00:01Z', 2, 0)");
      assertEquals(List.of(List.of(2L)), Db.rows(c, "SELECT count(*) FROM point"));
    }
    HibernateSchema.run(build, List.of("com.acme.model.Point", "com.acme.model.Station"), true, url, "validate");
  }

  /**
   * A list's {@code @OrderColumn} on the inverse side ({@code mappedBy}) is a nullable integer in the child's
   * table, and a map on the inverse side keyed by {@code @MapKeyColumn} a nullable key column there: the
   * database is Hibernate's own export on PostgreSQL, and its validate passes.
   */
  @Test
  void theInverseSidesOrderAndMapKeyColumnsAreInTheChildsTable() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Box.java", HEADER + """
        @Entity public class Box {
          @Id private Long id;
          @OneToMany(mappedBy = "box") @OrderColumn private List<Item> items;
          @OneToMany(mappedBy = "shelf") @MapKeyColumn(name = "label", length = 40) private Map<String, Item> byLabel;
        }""").write("com/acme/model/Item.java", HEADER + """
        @Entity public class Item {
          @Id private Long id;
          @ManyToOne private Box box;
          @ManyToOne private Box shelf;
        }""");
    Project.Result build = p.build().assertOk();
    List<String> entities = List.of("com.acme.model.Box", "com.acme.model.Item");
    String hibernate = Postgres.newDatabaseUrl();
    HibernateSchema.run(build, entities, true, hibernate, "create");
    String url = Postgres.newDatabaseUrl();
    try (Connection c = DriverManager.getConnection(url); Connection h = DriverManager.getConnection(hibernate)) {
      build.migrator().migrate(c);
      assertEquals(HibernateSchema.catalog(h), HibernateSchema.catalog(c));
    }
    HibernateSchema.run(build, entities, true, url, "validate");
  }

  /**
   * Two entities on one table: the table is the union of their columns, and an incremental build that
   * recompiles either one finds the other (the snapshot names only the first) and changes nothing.
   */
  @Test
  void twoEntitiesOnOneTableAreOneTableInEveryBuild() throws Exception {
    Project p = new Project(dir).write("com/acme/model/PersonDetail.java", HEADER + """
        @Entity @Table(name = "person") public class PersonDetail {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
          @Column(length = 80) private String name;
          private String bio;
        }""").write("com/acme/model/PersonSummary.java", HEADER + """
        @Entity @Table(name = "person") public class PersonSummary {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
          @Column(length = 80) private String name;
          private Integer visits;
        }""");
    Project.Result full = p.build().assertOk();
    String migration = squash(p.migrations("com.acme.migrations").firstEntry().getValue());
    assertTrue(migration.contains(squash("""
        createTable(table("person",
            column("id", BIGINT).notNull().identity(),
            column("name", STRING).length(80),
            column("bio", STRING).length(255),
            column("visits", INTEGER))""")), migration);
    String snapshot = p.snapshotText();
    p.buildOnly(full, List.of("com/acme/model/PersonDetail.java")).assertOk();
    assertEquals(snapshot, p.snapshotText());
    p.buildOnly(full, List.of("com/acme/model/PersonSummary.java")).assertOk();
    assertEquals(snapshot, p.snapshotText());
    assertEquals(1, p.migrations("com.acme.migrations").size());
  }

  /** The text without each line's indentation: generated code is compared by its lines. */
  /** @Lob → CLOB or BLOB, with the @Column's length (255 unless given) or none; a shorter one is a narrowing. */
  @Test
  void lobsAreLargeObjectsSizedByTheirColumn() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Doc.java", HEADER + """
        @Entity public class Doc {
          @Id private Long id;
          @Lob private String body;
          @Lob @Column(nullable = false) private String summary;
          @Lob private char[] letters;
          @Lob @Column(length = 100000) private byte[] thumbnail;
          @Lob private Byte[] bytes;
          private java.sql.Blob scan;
          @Lob private java.sql.Clob notes;
        }""");
    p.build().assertOk();
    String migration = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(squash(migration).contains(squash("""
        column("body", CLOB),
        column("summary", CLOB).length(255).notNull(),
        column("letters", CLOB),
        column("thumbnail", BLOB).length(100000),
        column("bytes", BLOB),
        column("scan", BLOB),
        column("notes", CLOB))""")), migration);
    String snapshot = p.snapshotText();
    assertTrue(snapshot.contains("{\"name\": \"summary\", \"type\": \"CLOB\", \"length\": 255, \"nullable\": false}"),
        snapshot);

    // Shorter: MariaDB's MEDIUMBLOB would become a BLOB, which cuts values above 64 KB.
    p.write("com/acme/model/Doc.java", java.nio.file.Files.readString(p.src.resolve("com/acme/model/Doc.java")).replace("length = 100000", "length = 1000"));
    Project.Result narrowed = p.build();
    assertFalse(narrowed.ok());
    assertTrue(narrowed.errors().stream().anyMatch(e -> e.contains("thumbnail")), narrowed.errors().toString());
    // Longer, and text to a large object: a widening needs nothing; a change of kind needs @Narrow.
    p.write("com/acme/model/Doc.java", java.nio.file.Files.readString(p.src.resolve("com/acme/model/Doc.java")).replace("length = 1000", "length = 200000")
        .replace("@Lob @Column(nullable = false) private String summary;", "@Column(nullable = false) private String summary;"));
    Project.Result kind = p.build();
    assertFalse(kind.ok());
    assertTrue(kind.errors().stream().anyMatch(e -> e.contains("summary")) && kind.errors().stream().noneMatch(
        e -> e.contains("thumbnail")), kind.errors().toString());
  }

  private static String squash(String s) {
    return s.lines().map(String::strip).reduce("", (a, b) -> a + b + "\n");
  }
}
