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
}
