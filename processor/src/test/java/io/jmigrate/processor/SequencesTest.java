package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequences as the README says: {@code @Sequence} on a model, and what Hibernate 7 makes for a JPA
 * {@code @GeneratedValue} (AUTO, SEQUENCE, TABLE), become {@code createSequence} (or a generator
 * table) in the migration and a {@code "sequences"} array in the snapshot, pinned here line for line;
 * later changes alter, rename and drop them.
 */
class SequencesTest {
  @TempDir Path dir;

  private static final String MODEL = "package com.acme.model;\nimport io.jmigrate.*;\n";
  private static final String ENTITY = "package com.acme.model;\nimport jakarta.persistence.*;\n";

  @Test
  void aModelSequenceIsCreatedAndWrittenToTheSnapshot() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Invoice.java", MODEL + """
        @Table public class Invoice {
          @Id @Sequence(start = 1000, increment = 10) long id;
          String customer;
        }""");
    p.build().assertOk();
    String migration = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(migration.contains("createSequence(sequence(\"invoice_seq\").start(1000).increment(10))"), migration);
    assertTrue(p.snapshotText().contains("""
          "sequences": [
            {"name": "invoice_seq", "start": 1000, "increment": 10}
          ],
          "beforeLatest": {
            "version": 0,
            "replaces": ["invoice"],
            "tables": [],
            "sequences": []
          }
        }
        """), p.snapshotText());
  }

  @Test
  void jpaGeneratorsBecomeWhatHibernateMakes() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/Owner.java", ENTITY + "@Entity public class Owner { @Id @GeneratedValue Long id; }")
        .write("com/acme/model/PetType.java", ENTITY + """
            @Entity public class PetType { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }""")
        .write("com/acme/model/Visit.java", ENTITY + """
            @Entity public class Visit {
              @Id @GeneratedValue(generator = "visits")
              @SequenceGenerator(name = "visits", sequenceName = "visitNumbers", initialValue = 100, allocationSize = 5)
              Long id;
            }""")
        .write("com/acme/model/Ticket.java", ENTITY + """
            @Entity public class Ticket { @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id; }""");
    Project.Result r = p.build();
    r.assertOk();
    String migration = p.migrations("com.acme.migrations").firstEntry().getValue();
    for (String line : List.of("createSequence(sequence(\"owner_seq\").increment(50))",
        "createSequence(sequence(\"pet_type_seq\").increment(50))",
        "createSequence(sequence(\"visit_numbers\").start(100).increment(5))",
        "createTable(table(\"hibernate_sequences\",",
        "sql(\"insert into hibernate_sequences (sequence_name, next_val) select 'default', 0 from (select 1 as one) one"
            + " where not exists (select 1 from hibernate_sequences where sequence_name = 'default')\", "
            + "\"delete from hibernate_sequences where sequence_name = 'default'\")")) {
      assertTrue(migration.contains(line), line + " in\n" + migration);
    }
    assertTrue(p.snapshotText().contains("""
          "sequences": [
            {"name": "owner_seq", "increment": 50},
            {"name": "pet_type_seq", "increment": 50},
            {"name": "visit_numbers", "start": 100, "increment": 5}
          ],
        """), p.snapshotText());
    assertTrue(p.snapshotText().contains("  \"generatorRows\": {\n    \"hibernate_sequences\": [\"default\"]\n  }"),
        p.snapshotText());

    // A second build: a new allocation size alters the sequence; an unchanged model changes nothing.
    p.write("com/acme/model/Visit.java", ENTITY + """
        @Entity public class Visit {
          @Id @GeneratedValue(generator = "visits")
          @SequenceGenerator(name = "visits", sequenceName = "visitNumbers", initialValue = 100, allocationSize = 20)
          Long id;
        }""");
    Project.Result second = p.build();
    second.assertOk();
    String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(v2.contains("alterSequence(sequence(\"visit_numbers\").start(100).increment(20))"), v2);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"))) {
      Migrator m = second.migrator();
      assertEquals(2, m.migrate(c).size());
      assertEquals(List.of(), m.validate(c).differences(), "on SQLite each sequence is a one-row table: " + m.validate(c));
      assertEquals(List.of("100"), Sql.strings(c, "SELECT next_val || '' FROM visit_numbers"));
      m.migrateTo(c, 0);
      assertFalse(Sql.strings(c, "SELECT name FROM sqlite_master WHERE type = 'table'").contains("owner_seq"));
    }
  }

  /**
   * Hibernate (6.6 and 7) names the implicit sequence after the hierarchy root's table, not its entity:
   * {@code @Table(name = "things") class Thing} uses {@code things_seq}, as does an unnamed
   * {@code @SequenceGenerator}; a JOINED subclass uses its root's.
   */
  @Test
  void theImplicitSequenceIsNamedAfterTheRootTable() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/Thing.java", ENTITY + """
            @Entity @Table(name = "things") public class Thing { @Id @GeneratedValue Long id; }""")
        .write("com/acme/model/CarrierMovement.java", ENTITY + """
            @Entity @Table(name = "carrier_moves") public class CarrierMovement {
              @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) @SequenceGenerator(allocationSize = 10) Long id;
            }""")
        .write("com/acme/model/Vehicle.java", ENTITY + """
            @Entity(name = "Auto") @Table(name = "fleet") @Inheritance(strategy = InheritanceType.JOINED)
            public class Vehicle { @Id @GeneratedValue Long id; }""")
        .write("com/acme/model/Truck.java", ENTITY + "@Entity public class Truck extends Vehicle { int axles; }");
    p.build().assertOk();
    assertTrue(p.snapshotText().contains("""
          "sequences": [
            {"name": "carrier_moves_seq", "increment": 10},
            {"name": "fleet_seq", "increment": 50},
            {"name": "things_seq", "increment": 50}
          ],
        """), p.snapshotText());
  }

  /**
   * A project whose implicit sequence jmigrate named after the entity before 0.2.0 ({@code thing_seq} for
   * {@code @Table(name = "things") class Thing}; a generator name nothing declares makes that same snapshot
   * and migration here): the next build renames the sequence to Hibernate's {@code things_seq}, and the
   * value it had reached is kept on PostgreSQL.
   */
  @Test
  void theFormerEntityNamedSequenceIsRenamedKeepingItsValue() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Thing.java", ENTITY + """
        @Entity @Table(name = "things") public class Thing { @Id @GeneratedValue(generator = "thing_seq") Long id; }""");
    Project.Result first = p.build().assertOk();
    assertTrue(p.snapshotText().contains("{\"name\": \"thing_seq\", \"increment\": 50}"), p.snapshotText());
    try (Connection db = io.jmigrate.testing.Postgres.newDatabase()) {
      first.migrator().migrate(db);
      Sql.strings(db, "SELECT nextval('thing_seq') || ''");
      assertEquals(List.of("51"), Sql.strings(db, "SELECT nextval('thing_seq') || ''"));

      p.write("com/acme/model/Thing.java", ENTITY + """
          @Entity @Table(name = "things") public class Thing { @Id @GeneratedValue Long id; }""");
      Project.Result second = p.build().assertOk();
      assertEquals(List.of(), second.warnings(), "a rename, not a drop and a new sequence");
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("renameSequence(\"thing_seq\", \"things_seq\")"), v2);
      assertFalse(v2.contains("dropSequence"), v2);
      assertFalse(v2.contains("createSequence"), v2);
      assertEquals(1, second.migrator().migrate(db).size());
      assertEquals(List.of("101"), Sql.strings(db, "SELECT nextval('things_seq') || ''"), "the value is kept");
      assertEquals(List.of(), second.migrator().validate(db).differences());
    }
  }
}
