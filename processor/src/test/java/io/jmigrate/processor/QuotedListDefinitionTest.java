package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPA {@code columnDefinition} of an enum or set of quoted values is a NATIVE column as written where every target
 * dialect has that type (enum: MariaDB and H2; set: MariaDB), and a javac error at the definition naming the target
 * dialects that have none (PostgreSQL, SQLite; H2 for a set). Hibernate's export of such columns is compared in
 * jpa-tests (QuotedListColumnDefinitionTest); the refusals' SQL errors were measured on H2 and SQLite.
 */
class QuotedListDefinitionTest {
  @TempDir Path dir;

  private Project item(String field) throws Exception {
    return new Project(dir).write("com/acme/model/Item.java", """
        package com.acme.model;
        import jakarta.persistence.*;
        @Entity public class Item {
          @Id Long id;
          %s
        }""".formatted(field));
  }

  @Test
  void anEnumOnMariaDbAndH2IsTheTypeAsWritten() throws Exception {
    Project p = item("@Column(columnDefinition = \"enum('S','M','it''s')\", nullable = false) String size;");
    p.build("-Ajmigrate.dialects=mariadb,h2").assertOk();
    String migration = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(migration.contains("column(\"size\", NATIVE).sqlType(\"enum('S','M','it''s')\").notNull()"), migration);
  }

  @Test
  void aSetOnMariaDbIsTheTypeAsWritten() throws Exception {
    Project p = item("@Column(columnDefinition = \"set('red', 'green')\") String colors;");
    p.build("-Ajmigrate.dialects=mariadb").assertOk();
    String migration = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(migration.contains("column(\"colors\", NATIVE).sqlType(\"set('red', 'green')\")"), migration);
  }

  @Test
  void anEnumWithPostgresqlAmongTheTargetsIsAnErrorAtTheDefinition() throws Exception {
    Project.Result r = item("@Column(columnDefinition = \"enum('S','M')\") String size;")
        .build("-Ajmigrate.dialects=mariadb,postgresql,sqlite");
    assertFalse(r.ok());
    assertEquals(List.of("columnDefinition \"enum('S','M')\" (size) is an enum type that only MariaDB, MySQL and H2 have,"
        + " and the target dialects postgresql, sqlite have none (-Ajmigrate.dialects=mariadb,postgresql,sqlite): map it"
        + " as @Enumerated(EnumType.STRING) on a Java enum (a varchar with a check of the names, everywhere), or leave"
        + " postgresql, sqlite out of the target dialects"), r.errors());
    Diagnostic<?> d = r.diagnostics().stream().filter(x -> x.getKind() == Diagnostic.Kind.ERROR).findFirst().orElseThrow();
    assertEquals(5, d.getLineNumber());
  }

  @Test
  void aSetWithH2AmongTheTargetsIsAnError() throws Exception {
    Project.Result r = item("@Column(columnDefinition = \"set('red','green')\") String colors;")
        .build("-Ajmigrate.dialects=mariadb,h2");
    assertFalse(r.ok());
    assertEquals(List.of("columnDefinition \"set('red','green')\" (colors) is MariaDB's set type, which only MariaDB and"
        + " MySQL have, and the target dialect h2 has none (-Ajmigrate.dialects=h2,mariadb): store the values in a table"
        + " of their own (an @ElementCollection of an enum), or leave h2 out of the target dialects"), r.errors());
  }

  @Test
  void aValueWithABackslashOrAnythingAfterTheListIsNoType() throws Exception {
    for (String definition : List.of("enum('a\\\\\\\\b')", "enum('a','b') not null", "enum(a, b)")) {
      Project.Result r = new Project(dir.resolve("p" + definition.hashCode())).write("com/acme/model/Item.java", """
          package com.acme.model;
          import jakarta.persistence.*;
          @Entity public class Item {
            @Id Long id;
            @Column(columnDefinition = "%s") String kind;
          }""".formatted(definition)).build("-Ajmigrate.dialects=mariadb");
      assertFalse(r.ok(), definition);
      assertTrue(r.errors().stream().anyMatch(e -> e.startsWith("jmigrate cannot read columnDefinition")), r.errors()
          + " for " + definition);
    }
  }
}
