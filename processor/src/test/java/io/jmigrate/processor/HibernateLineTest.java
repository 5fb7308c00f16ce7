package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Ajmigrate.hibernate}: the schema of the Hibernate the application runs. Without the option, the one on
 * the class path (none here: 7, the newest). What each version makes is judged against the real ones in jpa-tests
 * (Hibernate 7.4) and jpa-tests-hibernate6 (6.6).
 */
class HibernateLineTest {
  @TempDir Path dir;

  private static final String HEADER = "package com.acme.model;\nimport jakarta.persistence.*;\nimport java.util.*;\n";

  private Project ledger() throws Exception {
    return new Project(dir).write("com/acme/model/Ledger.java", HEADER + """
        @Entity public class Ledger {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
          @Version private Long version;
          @ElementCollection private Set<String> tags;
        }""");
  }

  @Test
  void hibernate7MakesTheVersionNotNullAndASetUnique() throws Exception {
    Project p = ledger();
    p.build().assertOk();
    String migration = squash(p.migrations("com.acme.migrations").firstEntry().getValue());
    assertTrue(migration.contains(squash("column(\"version\", BIGINT).notNull()")), migration);
    assertTrue(migration.contains("unique"), migration);
  }

  @Test
  void hibernate66LeavesAnObjectVersionNullableAndASetWithoutUniqueRows() throws Exception {
    Project p = ledger();
    p.build("-Ajmigrate.hibernate=6.6").assertOk();
    String migration = squash(p.migrations("com.acme.migrations").firstEntry().getValue());
    assertTrue(migration.contains(squash("column(\"version\", BIGINT))")), migration);
    assertFalse(migration.contains("unique"), migration);
  }

  @Test
  void anUnknownVersionIsABuildError() throws Exception {
    Project.Result r = ledger().build("-Ajmigrate.hibernate=5.4");
    assertTrue(r.errors().stream().anyMatch(e -> e.contains("-Ajmigrate.hibernate=5.4 is not a Hibernate version; "
        + "use 6.6 (Spring Boot 3.5) or 7")), r.errors().toString());
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", "");
  }
}
