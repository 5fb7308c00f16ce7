package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the diff finds, as the user sees it from javac: at their declaration, naming what it is about. */
class DiffFindingsTest {
  static final String PKG = "com.acme.migrations";
  static final String HEAD = "package com.acme.model;\nimport io.jmigrate.*;\n";

  @TempDir Path dir;

  @Test
  void aDroppedModelIsNamedByTheClassTheSnapshotRecords() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/User.java", HEAD + "@Table(name = \"user\") public class User { @Id long id; }")
        .write("com/acme/model/Tag.java", HEAD + "@Table public class Tag { @Id String name; }");
    p.build().assertOk();
    p.delete("com/acme/model/Tag.java");
    Project.Result r = p.build();
    assertFalse(r.ok());
    assertTrue(r.errors().stream().anyMatch(e -> e.contains("the table tag (model com.acme.model.Tag) is gone")),
        r.errors().toString());
  }

  @Test
  void aSwapIsGeneratedAndItsAnnotationsAreFlaggedAtTheFieldsUntilRemoved() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/Person.java", HEAD + "@Table public class Person { @Id long id; String first; Integer last; }");
    p.build().assertOk();
    p.write("com/acme/model/Person.java", HEAD + "@Table public class Person { @Id long id;\n"
        + "  @RenamedFrom(\"last\") Integer first;\n  @RenamedFrom(\"first\") String last;\n}");
    Project.Result r = p.build("-Ajmigrate.online=off").assertOk(); // the renames' online warnings: OnlineWarningsTest
    assertEquals(2, p.migrations(PKG).size(), "the swap is a migration");
    String migration = p.migrations(PKG).lastEntry().getValue();
    assertTrue(migration.contains("renameColumn(\"person\", \"first\", \"_jm_tmp_first\")"), migration);
    assertEquals(List.of(), r.warnings());

    // Built again: the snapshot records the swap as applied, so nothing is generated, and the annotations are flagged.
    p.write("com/acme/model/Person.java", HEAD + "@Table public class Person { @Id long id;\n"
        + "  @RenamedFrom(\"last\") Integer first;\n  @RenamedFrom(\"first\") String last;\n  String note;\n}");
    Project.Result again = p.build().assertOk();
    assertEquals(3, p.migrations(PKG).size());
    assertTrue(!p.migrations(PKG).lastEntry().getValue().contains("rename"), p.migrations(PKG).lastEntry().getValue());
    assertEquals(List.of(4L, 5L), leftoverLines(again), "at each field of the swap");
  }

  @Test
  void aSwapOfSameTypedColumnsIsGeneratedInOneBuild() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/Person.java", HEAD + "@Table public class Person { @Id long id; String first; String last; }");
    p.build().assertOk();
    p.write("com/acme/model/Person.java", HEAD + "@Table public class Person { @Id long id;\n"
        + "  @RenamedFrom(\"last\") String first;\n  @RenamedFrom(\"first\") String last;\n}");
    Project.Result r = p.build("-Ajmigrate.online=off").assertOk(); // the renames' online warnings: OnlineWarningsTest
    assertEquals(List.of(), r.warnings());
    assertEquals(2, p.migrations(PKG).size());
    assertTrue(p.migrations(PKG).lastEntry().getValue().contains("renameColumn(\"person\", \"last\", \"first\")"),
        p.migrations(PKG).lastEntry().getValue());
    Project.Result again = p.build().assertOk();
    assertEquals(List.of(4L, 5L), leftoverLines(again));
    assertEquals(2, p.migrations(PKG).size());
  }

  static List<Long> leftoverLines(Project.Result r) {
    return r.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(Locale.ROOT).contains("already applied by V0002; remove it"))
        .map(d -> d.getLineNumber()).sorted().toList();
  }
}
