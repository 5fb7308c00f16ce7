package io.jmigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyword warning (a name Hibernate writes unquoted that a target dialect takes for a keyword) at every kind of
 * name, one warning per name at the line of its annotation or field; jpa-tests' KeywordNamesEverywhereTest checks the
 * words against Hibernate's export.
 */
class JpaKeywordWarningsTest {
  @TempDir Path dir;

  private static final String SOURCE = """
      package com.acme.model;

      import jakarta.persistence.*;
      import java.util.*;

      @Entity
      @DiscriminatorColumn(name = "user") // <- discriminator column user
      class Thing {
        @Id @GeneratedValue(generator = "g") @SequenceGenerator(name = "g", sequenceName = "window") // <- sequence window
        Long id;
        @ManyToOne @JoinColumn(name = "order") Other other; // <- join column order
        @ManyToMany @JoinTable(name = "user", // <- join table user
            joinColumns = @JoinColumn(name = "end")) // <- join column end
        Set<Other> others;
        @ElementCollection @CollectionTable(name = "order") // <- collection table order
        @OrderColumn(name = "window") // <- order column window
        List<String> lines;
        @ElementCollection @CollectionTable(name = "thing_labels")
        @MapKeyColumn(name = "end") // <- map key column end
        Map<String, String> labels;
        @ElementCollection @CollectionTable(name = "thing_rates")
        @MapKeyJoinColumn(name = "user") // <- map key join column user
        Map<Other, String> rates;
      }
      @Entity class Other {
        @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = "t")
        @TableGenerator(name = "t", table = "group") // <- generator table group
        Long id;
      }
      @Entity class Sub extends Thing {}
      """;

  @Test
  void eachNameIsOneWarningAtItsLine() {
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", SOURCE);
    Compilation c = javac().withProcessors(new MigrationProcessor()).withOptions(List.of(
        "-Ajmigrate.sourceDir=" + dir.resolve("src"), "-Ajmigrate.snapshot=" + dir.resolve("schema.json"),
        "-Ajmigrate.dialects=postgresql")).compile(file);
    assertThat(c).succeeded();
    List<String> expected = new java.util.ArrayList<>();
    String[] lines = SOURCE.split("\n");
    for (int i = 0; i < lines.length; i++) {
      int mark = lines[i].indexOf("// <- ");
      if (mark >= 0) {
        expected.add((i + 1) + ": the " + lines[i].substring(mark + 6) + " is a keyword of postgresql");
      }
    }
    List<String> got = c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .map(d -> d.getLineNumber() + ": " + d.getMessage(null).replaceFirst("^the (.*) name (\\S+) (is a keyword of"
            + " postgresql).*", "the $1 $2 $3")).sorted(java.util.Comparator.comparingLong(s -> Long.parseLong(
                s.substring(0, s.indexOf(':'))))).toList();
    assertEquals(expected, got);
    assertThat(c).hadWarningContaining("the join column name order is a keyword of postgresql that Hibernate writes"
        + " unquoted: jmigrate quotes it and creates the join column, but Hibernate's own DDL and queries fail there."
        + " Quote it in the mapping (@JoinColumn(name = \"\\\"order\\\"\")), set hibernate.globally_quoted_identifiers=true,"
        + " or rename it");
    assertThat(c).hadWarningContaining("Quote it in the mapping (@SequenceGenerator(sequenceName = \"\\\"window\\\"\"))");
  }
}
