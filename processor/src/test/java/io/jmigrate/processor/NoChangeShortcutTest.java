package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.MigrationIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The no-change shortcut ({@code BuildState}): a build whose inputs are those of a build that found nothing
 * to do writes that build's index and stops. Every input it depends on is changed here in turn, on real javac
 * builds of a Maven-shaped project, and each change must reach the full path: a model, a constant of another
 * source file, a migration, the snapshot, an option; and models that reach a class-path type never take it.
 */
class NoChangeShortcutTest {
  static final String PKG = "com.acme.migrations";

  static final String LIMITS_V1 = """
      package com.acme.support;
      public final class Limits {
        public static final int NAME = 50;
        private Limits() {}
      }
      """;

  static final String USER = """
      package com.acme.model;
      import io.jmigrate.*;
      import com.acme.support.Limits;
      @Table(name = "user")
      public class User {
        @Id(generated = true) long id;
        @Column(length = Limits.NAME, nullable = false) String name;
        String email;
      }
      """;

  static final String SERVICE = """
      package com.acme.service;
      public class Greeter {
        public String greet(String name) { return "hello " + name; }
      }
      """;

  @TempDir Path dir;

  private Project project() throws Exception {
    return new Project(dir).write("com/acme/model/User.java", USER).write("com/acme/support/Limits.java", LIMITS_V1)
        .write("com/acme/service/Greeter.java", SERVICE);
  }

  private Path state() {
    return dir.resolve("target/classes.jmigrate-state");
  }

  private String index() throws Exception {
    return Files.readString(dir.resolve("target/classes").resolve(MigrationIndex.RESOURCE));
  }

  /** Replaces the index the state recorded: only a build that took the shortcut writes it. */
  private void markRecordedIndex() throws Exception {
    String s = Files.readString(state());
    int at = s.indexOf("# jmigrate: the migrations");
    Files.writeString(state(), s.substring(0, at) + "# marked\n" + s.substring(at), StandardCharsets.UTF_8);
  }

  private boolean tookShortcut() throws Exception {
    return index().startsWith("# marked\n");
  }

  /** What a build did: whether it passed, its errors, the migration files and the snapshot after it. */
  record Outcome(boolean ok, List<String> errors, java.util.Map<String, String> migrations, String snapshot) {}

  private Outcome build(Project p) throws Exception {
    Project.Result r = p.mavenCompile();
    return new Outcome(r.ok(), r.errors(), p.migrations(PKG), p.snapshotText());
  }

  /**
   * Builds after a change with the recorded state, then again from the same files without it: the shortcut
   * must change nothing a build decides.
   */
  private Outcome assertSameAsWithoutState(Project p) throws Exception {
    java.util.Map<String, String> migrations = p.migrations(PKG);
    String snapshot = p.snapshotText();
    Outcome with = build(p);
    assertFalse(tookShortcut(), "the change is seen");
    Files.writeString(p.snapshot, snapshot);
    for (String name : p.migrations(PKG).keySet()) {
      p.delete("com/acme/migrations/" + name);
    }
    for (var m : migrations.entrySet()) {
      p.write("com/acme/migrations/" + m.getKey(), m.getValue());
    }
    Files.deleteIfExists(state());
    assertEquals(with, build(p));
    return with;
  }

  /** First build (V0001), then a no-change build that records the state, then one that takes the shortcut. */
  private Project recorded() throws Exception {
    Project p = project();
    p.mavenCompile().assertOk();
    assertEquals(List.of("V0001_CreateUser.java"), List.copyOf(p.migrations(PKG).keySet()));
    assertFalse(Files.exists(state()), "a build that wrote a migration records nothing");
    p.mavenCompile().assertOk();
    assertTrue(Files.exists(state()), "a no-change build records its inputs");
    assertTrue(Files.readString(state()).endsWith(index()), "with the index it wrote, checksums included");
    assertTrue(index().contains("V0001_CreateUser 1 "), index());
    assertFalse(index().contains(" - "), "the recorded index has the compiled class's checksum: " + index());
    markRecordedIndex();
    return p;
  }

  @Test
  void aNoChangeBuildTakesTheShortcutAndWritesTheSameIndexIntoACleanOutput() throws Exception {
    Project p = recorded();
    String snapshot = p.snapshotText();
    p.mavenCompile().assertOk();
    assertTrue(tookShortcut(), index());
    assertEquals(snapshot, p.snapshotText());
    assertEquals(List.of("V0001_CreateUser.java"), List.copyOf(p.migrations(PKG).keySet()));

    // A clean class output (the state is beside it): the shortcut writes the index there, the migrations load.
    try (var files = Files.walk(dir.resolve("target/classes"))) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    String recordedIndex = Files.readString(state()).substring(Files.readString(state()).indexOf("# marked\n") + 9);
    Project.Result r = p.mavenCompile().assertOk();
    assertEquals(recordedIndex, index().substring("# marked\n".length()));
    try (Connection c = Db.sqlite(dir.resolve("app.db"))) {
      assertEquals(1, r.migrator().migrate(c).size());
      assertTrue(Db.catalog(c).contains("table user"), Db.catalog(c));
    }
  }

  @Test
  void aChangedModelTakesTheFullPath() throws Exception {
    Project p = recorded();
    p.write("com/acme/model/User.java", USER.replace("String email;", "String email;\n  String phone;"));
    p.mavenCompile().assertOk();
    assertFalse(tookShortcut());
    assertEquals(List.of("V0001_CreateUser.java", "V0002_AddUserPhone.java"), List.copyOf(p.migrations(PKG).keySet()));
  }

  @Test
  void aChangedConstantInAnotherSourceFileTakesTheFullPath() throws Exception {
    Project p = recorded();
    p.write("com/acme/support/Limits.java", LIMITS_V1.replace("NAME = 50", "NAME = 80"));
    p.mavenCompile().assertOk();
    assertFalse(tookShortcut());
    assertEquals(List.of("V0001_CreateUser.java", "V0002_AlterUserName.java"), List.copyOf(p.migrations(PKG).keySet()));
    assertTrue(p.migrations(PKG).get("V0002_AlterUserName.java").contains("80"));
  }

  @Test
  void aChangeOutsideTheModelsIsCheckedAndRecordedAgain() throws Exception {
    Project p = recorded();
    String before = Files.readString(state());
    p.write("com/acme/service/Greeter.java", SERVICE.replace("hello ", "hi "));
    p.mavenCompile().assertOk();
    assertFalse(tookShortcut());
    assertEquals(List.of("V0001_CreateUser.java"), List.copyOf(p.migrations(PKG).keySet()));
    assertTrue(Files.exists(state()));
    assertNotEquals(before.substring(0, before.indexOf("# marked")), Files.readString(state()).substring(0, before.indexOf("# marked")),
        "recorded again, with the new digest");
  }

  /**
   * The inputs' digest is computed once per build: after a change outside the models the shortcut's check fails, the
   * full path finds nothing to do and records the state again with the same digest, and each source file is read
   * once, as when the shortcut is taken.
   */
  @Test
  void aBuildReadsEachSourceOnceForTheDigest() throws Exception {
    Project p = recorded();
    p.write("com/acme/service/Greeter.java", SERVICE.replace("hello ", "hi "));
    Map<String, Integer> once = new TreeMap<>();
    try (var files = Files.walk(p.src)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> once.put(f.toString(), 1));
    }
    assertEquals(4, once.size(), once.toString()); // three sources and V0001
    Map<String, Integer> reads = new TreeMap<>();
    p.mavenCompileCountingReads(reads).assertOk();
    assertFalse(tookShortcut());
    assertTrue(Files.exists(state()), "recorded again");
    assertEquals(once, reads);

    markRecordedIndex();
    reads.clear();
    p.mavenCompileCountingReads(reads).assertOk();
    assertTrue(tookShortcut());
    assertEquals(once, reads);
  }

  @Test
  void aDeletedMigrationIsGeneratedAgain() throws Exception {
    Project p = recorded();
    p.write("com/acme/model/User.java", USER.replace("String email;", "String email;\n  String phone;"));
    p.mavenCompile().assertOk(); // V0002
    p.mavenCompile().assertOk(); // records
    assertTrue(Files.exists(state()));
    markRecordedIndex();
    p.delete("com/acme/migrations/V0002_AddUserPhone.java");
    Project.Result r = p.mavenCompile().assertOk();
    assertFalse(tookShortcut());
    assertEquals(List.of("V0001_CreateUser.java", "V0002_AddUserPhone.java"), List.copyOf(p.migrations(PKG).keySet()),
        r.notes().toString());
  }

  @Test
  void aHandEditedMigrationIsSeen() throws Exception {
    Project p = recorded();
    Path v1 = p.src.resolve("com/acme/migrations/V0001_CreateUser.java");
    String edited = Files.readString(v1).replaceFirst("\"1:[^\"]*\"\\)", "\"1:0000\")");
    assertNotEquals(Files.readString(v1), edited);
    Files.writeString(v1, edited);
    Outcome o = assertSameAsWithoutState(p);
    assertFalse(o.ok(), o.toString());
  }

  @Test
  void anEditedSnapshotIsSeen() throws Exception {
    Project p = recorded();
    String snapshot = p.snapshotText();
    assertTrue(snapshot.contains("\"length\": 50"), snapshot);
    Files.writeString(p.snapshot, snapshot.replace("\"length\": 50", "\"length\": 40"));
    Outcome o = assertSameAsWithoutState(p);
    assertFalse(o.ok() && o.migrations().size() == 1 && o.snapshot().equals(snapshot), o.toString());
  }

  @Test
  void anOptionTakesTheFullPath() throws Exception {
    Project p = recorded();
    Project.Result r = p.mavenCompile("-Ajmigrate.dialects=nosuch");
    assertFalse(r.ok());
    assertTrue(r.errors().toString().contains("unknown dialect nosuch"), r.errors().toString());
    p.mavenCompile().assertOk();
    assertFalse(tookShortcut(), "recorded with the option: the build without it takes the full path");
  }

  @Test
  void staleMigrationClassesAreStillRemoved() throws Exception {
    Project p = recorded();
    Path stale = Files.writeString(dir.resolve("target/classes/com/acme/migrations/V0009_Gone.class"), "x");
    Project.Result r = p.mavenCompile().assertOk();
    assertTrue(tookShortcut());
    assertFalse(Files.exists(stale));
    assertTrue(r.notes().toString().contains("V0009_Gone.class"), r.notes().toString());
  }

  /** A superclass or a constant in a jar can change while every source stays the same: no state is recorded. */
  @Test
  void modelsThatReachTheClassPathNeverRecordAState() throws Exception {
    Project p = new Project(dir).write("com/acme/base/Audited.java", """
        package com.acme.base;
        public abstract class Audited {
          public static final int NOTE = 20;
          java.time.Instant createdAt;
        }
        """);
    p.mavenCompile().assertOk(); // the "jar": target/classes
    Path note = dir.resolve("one/src/main/java/com/acme/model/Note.java");
    Files.createDirectories(note.getParent());
    Files.writeString(note, """
        package com.acme.model;
        import io.jmigrate.*;
        @Table public class Note {
          @Id long id;
          @Column(length = com.acme.base.Audited.NOTE) String text;
        }
        """);
    Path entry = dir.resolve("two/src/main/java/com/acme/model/Entry.java");
    Files.createDirectories(entry.getParent());
    Files.writeString(entry, """
        package com.acme.model;
        import io.jmigrate.*;
        @Table public class Entry extends com.acme.base.Audited {
          @Id long id;
        }
        """);
    for (String project : List.of("one", "two")) {
      for (int i = 0; i < 3; i++) {
        p.compileTree(project + "/src/main/java", project + "/target/classes").assertOk();
      }
      assertFalse(Files.exists(dir.resolve(project + "/target/classes.jmigrate-state")), project);
    }

    Files.writeString(note, Files.readString(note).replace("com.acme.base.Audited.NOTE", "20"));
    p.compileTree("one/src/main/java", "one/target/classes").assertOk();
    assertTrue(Files.exists(dir.resolve("one/target/classes.jmigrate-state")), "self-contained now");
  }

  @Test
  void recordModelsRecordAStateAndSeeAChangedConstant() throws Exception {
    Project p = new Project(dir).write("com/acme/support/Limits.java", LIMITS_V1).write("com/acme/model/Tag.java", """
        package com.acme.model;
        import io.jmigrate.*;
        import com.acme.support.Limits;
        @Table public record Tag(@Id long id, @Column(length = Limits.NAME, nullable = false) String label) {}
        """);
    p.mavenCompile().assertOk();
    p.mavenCompile().assertOk();
    assertTrue(Files.exists(state()), "a record model is self-contained too");
    markRecordedIndex();
    p.mavenCompile().assertOk();
    assertTrue(tookShortcut());
    p.write("com/acme/support/Limits.java", LIMITS_V1.replace("NAME = 50", "NAME = 60"));
    p.mavenCompile().assertOk();
    assertFalse(tookShortcut());
    assertEquals(List.of("V0001_CreateTag.java", "V0002_AlterTagLabel.java"), List.copyOf(p.migrations(PKG).keySet()));
  }
}
