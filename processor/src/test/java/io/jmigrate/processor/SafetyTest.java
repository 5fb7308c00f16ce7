package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.processor.snapshot.Snapshot;
import io.jmigrate.processor.snapshot.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Destructive changes need a visible opt-in; check mode; a broken base is an error, never a base. */
class SafetyTest {
  static final String PKG = "com.acme.migrations";

  @TempDir Path dir;

  static String user(String fields, String annotations) {
    return "package com.acme.model;\nimport io.jmigrate.*;\n" + annotations + "\n@Table(name = \"user\")\npublic class User {\n"
        + "  @Id long id;\n" + fields + "\n}\n";
  }

  Project project(String fields) throws Exception {
    Project p = new Project(dir).write("com/acme/model/User.java", user(fields, ""));
    p.build().assertOk();
    return p;
  }

  static void assertError(Project.Result r, String... fragments) {
    assertFalse(r.ok(), "the build should fail");
    String all = String.join("\n", r.errors());
    for (String f : fragments) {
      assertTrue(all.contains(f), "expected \"" + f + "\" in:\n" + all);
    }
  }

  @Test
  void droppingAColumnNeedsDrop() throws Exception {
    Project p = project("  String nickname;\n  String bio;");
    Map<String, String> before = p.migrations(PKG);
    String snapshot = p.snapshotText();

    p.write("com/acme/model/User.java", user("  String bio;", ""));
    assertError(p.build(), "the column user.nickname is gone", "@Drop(columns = \"nickname\")");
    assertEquals(before, p.migrations(PKG), "nothing is written");
    assertEquals(snapshot, p.snapshotText());

    p.write("com/acme/model/User.java", user("  String bio;", "@Drop(columns = \"nickname\")"));
    assertTrue(p.build("-Ajmigrate.online=off").assertOk().warnings().isEmpty()); // OnlineWarningsTest: the drop's own
    assertTrue(p.migrations(PKG).get("V0002_DropUserNickname.java").contains("dropColumn(\"user\", \"nickname\")"));

    // Left in place, the opt-in would confirm a later drop of a new "nickname": the build says so.
    Project.Result again = p.build().assertOk();
    assertTrue(again.warnings().stream().anyMatch(w -> w.contains("@Drop(columns = \"nickname\") confirms nothing")),
        again.warnings().toString());
    assertEquals(2, p.migrations(PKG).size());
  }

  @Test
  void aColumnReplacedByAnotherIsAPossibleRename() throws Exception {
    Project p = project("  String nickname;");
    p.write("com/acme/model/User.java", user("  String alias;", ""));
    assertError(p.build(), "If it was renamed, put @RenamedFrom(\"nickname\") on the field of the column alias", "@Drop(columns");

    p.write("com/acme/model/User.java", user("  @RenamedFrom(\"nickname\") String alias;", ""));
    p.build().assertOk();
    assertTrue(p.migrations(PKG).get("V0002_RenameUserNicknameToAlias.java")
        .contains("renameColumn(\"user\", \"nickname\", \"alias\")"));
  }

  @Test
  void droppingATableNeedsDrop() throws Exception {
    Project p = project("  String name;");
    p.write("com/acme/model/Tag.java", "package com.acme.model;\nimport io.jmigrate.*;\n@Table public record Tag(@Id String name) {}\n");
    p.build().assertOk();
    p.delete("com/acme/model/Tag.java");
    assertError(p.build(), "the table tag", "@Drop(tables = \"tag\")");
    p.write("com/acme/model/User.java", user("  String name;", "@Drop(tables = \"tag\")"));
    p.build().assertOk();
    assertTrue(p.migrations(PKG).get("V0003_DropTag.java").contains("dropTable(\"tag\")"));
  }

  @Test
  void narrowingNeedsNarrow() throws Exception {
    Project p = project("  @Column(length = 100) String name;");
    p.write("com/acme/model/User.java", user("  @Column(length = 20) String name;", ""));
    assertError(p.build(), "narrows it", "@Narrow");
    p.write("com/acme/model/User.java", user("  @Column(length = 20) @Narrow String name;", ""));
    p.build().assertOk();
    p.write("com/acme/model/User.java", user("  @Column(length = 200) String name;", ""));
    p.build().assertOk(); // widening needs nothing
    assertEquals(List.of("V0001_CreateUser.java", "V0002_AlterUserName.java", "V0003_AlterUserName.java"),
        List.copyOf(p.migrations(PKG).keySet()));
  }

  @Test
  void aLeftOverNarrowIsAWarningAtTheField() throws Exception {
    Project p = project("  @Column(length = 100) String name;");
    p.write("com/acme/model/User.java", user("  @Column(length = 20) @Narrow String name;", ""));
    Project.Result narrowed = p.build().assertOk();
    assertFalse(narrowed.warnings().stream().anyMatch(w -> w.contains("@Narrow confirms nothing")), narrowed.warnings()::toString);
    Project.Result again = p.build().assertOk(); // nothing changed: the @Narrow is left over
    assertTrue(again.warnings().stream().anyMatch(w -> w.contains("@Narrow confirms nothing in this build (user.name")),
        again.warnings()::toString);
    assertTrue(again.diagnostics().stream().anyMatch(d -> d.getMessage(null).contains("@Narrow confirms nothing")
        && d.getLineNumber() == 7), "at the field's line");
  }

  @Test
  void notNullWithoutDefaultIsRefused() throws Exception {
    Project p = project("  String name;");
    p.write("com/acme/model/User.java", user("  String name;\n  @Column(nullable = false) String email;", ""));
    assertError(p.build(), "cannot add the NOT NULL column user.email without a default");
    p.write("com/acme/model/User.java", user("  @Column(nullable = false) String name;", ""));
    assertError(p.build(), "cannot make user.name NOT NULL without a default");
    p.write("com/acme/model/User.java", user("  @Column(nullable = false, defaultValue = \"anon\") String name;", ""));
    p.build().assertOk();
  }

  @Test
  void checkModeFailsOnPendingChangesAndWritesNothing() throws Exception {
    Project p = project("  String name;");
    p.build("-Ajmigrate.check=true").assertOk();
    String snapshot = p.snapshotText();
    p.write("com/acme/model/User.java", user("  String name;\n  String email;", ""));
    assertError(p.build("-Ajmigrate.check=true"), "the models differ from the snapshot", "add column user.email STRING NULL");
    assertEquals(1, p.migrations(PKG).size());
    assertEquals(snapshot, p.snapshotText());
  }

  /** Maven runs javac in its own JVM: {@code mvn verify -Djmigrate.check=true} needs no compiler argument. */
  @Test
  void checkModeFollowsTheSystemPropertyToo() throws Exception {
    Project p = project("  String name;");
    String snapshot = p.snapshotText();
    p.write("com/acme/model/User.java", user("  String name;\n  String email;", ""));
    System.setProperty("jmigrate.check", "true");
    try {
      assertError(p.build(), "the models differ from the snapshot", "add column user.email STRING NULL");
    } finally {
      System.clearProperty("jmigrate.check");
    }
    assertEquals(1, p.migrations(PKG).size());
    assertEquals(snapshot, p.snapshotText());
    p.build().assertOk(); // without it, the migration is written
    assertEquals(2, p.migrations(PKG).size());
  }

  @Test
  void twoMigrationsWithTheSameVersionAreAnError() throws Exception {
    Project p = project("  String name;");
    p.write("com/acme/model/User.java", user("  String name;\n  String email;", ""));
    p.build().assertOk();
    String v2 = p.migrations(PKG).get("V0002_AddUserEmail.java");
    p.write("com/acme/migrations/V0002_AddUserPhone.java", v2.replace("V0002_AddUserEmail", "V0002_AddUserPhone"));
    assertError(p.build(), "two migrations have version 2", "V0002_AddUserEmail and V0002_AddUserPhone");
  }

  @Test
  void snapshotThatDoesNotMatchTheMigrationsIsAnError() throws Exception {
    Project p = project("  String name;");
    String oldSnapshot = p.snapshotText();
    p.write("com/acme/model/User.java", user("  String name;\n  String email;", ""));
    p.build().assertOk();
    Files.writeString(p.snapshot, oldSnapshot); // a merge took the other branch's schema.json
    assertError(p.build(), "does not match the committed migrations", "version 1", "latest", "is 2");
  }

  @Test
  void deletingTheLatestMigrationRegeneratesItFromTheModels() throws Exception {
    Project p = project("  String name;");
    String v1Snapshot = p.snapshotText();
    p.write("com/acme/model/User.java", user("  String name;\n  String email;", ""));
    p.build().assertOk();
    assertTrue(p.migrations(PKG).containsKey("V0002_AddUserEmail.java"));

    // The Django habit: the migration is only on this machine; delete it, change the model again, build.
    p.delete("com/acme/migrations/V0002_AddUserEmail.java");
    p.write("com/acme/model/User.java", user("  String name;\n  String phone;", ""));
    String before = p.snapshotText();
    assertError(p.build("-Ajmigrate.check=true"), "the models differ from the snapshot", "add column user.phone");
    assertEquals(before, p.snapshotText(), "check mode steps back in memory only");
    Project.Result r = p.build().assertOk();
    assertEquals(List.of("V0001_CreateUser.java", "V0002_AddUserPhone.java"), List.copyOf(p.migrations(PKG).keySet()));
    String v2 = p.migrations(PKG).get("V0002_AddUserPhone.java");
    assertTrue(v2.contains("addColumn(\"user\", column(\"phone\", STRING))") && !v2.contains("email"), v2);
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("V0002_AddUserEmail was deleted")), r.notes().toString());
    assertEquals(List.of("V0001 create table user", "V0002 add column user.phone"),
        r.migrator().migrations().stream().map(Object::toString).toList());

    // Deleted and the model change undone: the snapshot is back at V0001's schema (without a further step back).
    p.delete("com/acme/migrations/V0002_AddUserPhone.java");
    p.write("com/acme/model/User.java", user("  String name;", ""));
    p.build().assertOk();
    assertEquals(List.of("V0001_CreateUser.java"), List.copyOf(p.migrations(PKG).keySet()));
    Snapshot back = SnapshotStore.read(p.snapshotText());
    Snapshot v1 = SnapshotStore.read(v1Snapshot);
    assertEquals(v1.schema(), back.schema());
    assertEquals(v1.latestClass(), back.latestClass());
    assertEquals(v1.tableClasses(), back.tableClasses());
  }

  @Test
  void deletingTheLatestMigrationWithoutChangingTheModelsRegeneratesTheSameOne() throws Exception {
    Project p = project("  String name;");
    p.write("com/acme/model/User.java", user("  String name;\n  String email;", ""));
    p.build().assertOk();
    Map<String, String> migrations = p.migrations(PKG);
    String snapshot = p.snapshotText();
    p.delete("com/acme/migrations/V0002_AddUserEmail.java");
    p.build().assertOk();
    assertEquals(migrations, p.migrations(PKG));
    assertEquals(snapshot, p.snapshotText());
  }

  @Test
  void deletingTheFirstAndOnlyMigrationRegeneratesIt() throws Exception {
    Project p = project("  String name;");
    p.delete("com/acme/migrations/V0001_CreateUser.java");
    p.write("com/acme/model/User.java", user("  String name;\n  String email;", ""));
    p.build().assertOk();
    assertEquals(List.of("V0001_CreateUser.java"), List.copyOf(p.migrations(PKG).keySet()));
    assertTrue(p.migrations(PKG).get("V0001_CreateUser.java").contains("column(\"email\", STRING)"));
  }

  @Test
  void onlyTheLatestMigrationCanBeDeleted() throws Exception {
    Project p = project("  String name;");
    p.write("com/acme/model/User.java", user("  String name;\n  String email;", ""));
    p.build().assertOk();
    p.write("com/acme/model/User.java", user("  String name;\n  String email;\n  String phone;", ""));
    p.build().assertOk();
    p.delete("com/acme/migrations/V0003_AddUserPhone.java");
    p.delete("com/acme/migrations/V0002_AddUserEmail.java");
    assertError(p.build(), "records V0003_AddUserPhone as the latest migration", "does not exist",
        "steps back over the latest migration only", "Restore it from version control");
  }

  @Test
  void aSnapshotWithoutTheStepBackSaysHowToRecover() throws Exception {
    Project p = project("  String name;");
    Files.writeString(p.snapshot, p.snapshotText().replaceAll("(?s),\n  \"beforeLatest\".*\n  }\n}\n$", "\n}\n"));
    p.delete("com/acme/migrations/V0001_CreateUser.java");
    assertError(p.build(), "records V0001_CreateUser as the latest migration", "does not exist",
        "does not record the schema before it");
  }

  @Test
  void aMissingSnapshotIsReportedAsMissingNotAsAMerge() throws Exception {
    Project p = project("  String name;");
    Files.delete(p.snapshot);
    Project.Result r = p.build();
    assertError(r, "the snapshot " + p.snapshot + " is missing", "has 1 migration(s), the latest V0001_CreateUser",
        "git checkout -- schema.json", "-Ajmigrate.snapshot");
    assertFalse(String.join("\n", r.errors()).contains("merge"), r.errors().toString());
  }

  @Test
  void aHandEditedSnapshotThatDisagreesWithTheLatestMigrationIsAnError() throws Exception {
    Project p = project("  String name;");
    // Someone "fixes" the snapshot by hand: the column becomes NOT NULL there, not in a migration.
    Files.writeString(p.snapshot, p.snapshotText().replace("{\"name\": \"name\", \"type\": \"STRING\"}",
        "{\"name\": \"name\", \"type\": \"STRING\", \"nullable\": false}"));
    assertError(p.build(), "the snapshot", "and the latest migration V0001_CreateUser disagree", "edited by hand",
        "delete it and build");
  }

  @Test
  void aHandEditedFingerprintIsAnErrorButAMigrationWithoutOneIsNot() throws Exception {
    Project p = project("  String name;");
    String v1 = p.migrations(PKG).get("V0001_CreateUser.java");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(1:[0-9a-f]{16})\"").matcher(v1);
    assertTrue(m.find(), v1);
    Path file = p.src.resolve("com/acme/migrations/V0001_CreateUser.java");
    Files.writeString(file, v1.replace(m.group(1), "1:0000000000000000"));
    assertError(p.build(), "V0001_CreateUser disagree", "records the schema after it as 1:0000000000000000");
    // An older migration records none: nothing to compare, the build goes on.
    Files.writeString(file, v1.replace(", \"" + m.group(1) + "\"", ""));
    p.build().assertOk();
  }

  /**
   * Two branches each added a migration and git left markers in the snapshot: the build says it is a
   * merge conflict and how to resolve it (not "git checkout -- schema.json", which git refuses on an
   * unmerged file), and writes nothing.
   */
  @Test
  void aSnapshotWithMergeConflictMarkersSaysHowToResolveTheConflict() throws Exception {
    Project p = project("  String name;");
    String good = p.snapshotText();
    String latest = "  \"latestMigration\": {\"version\": 1, \"class\": \"com.acme.migrations.V0001_CreateUser\"},\n";
    String conflicted = good.replace(latest, "<<<<<<< HEAD\n" + latest + "=======\n"
        + latest.replace("V0001_CreateUser", "V0001_CreateUserOnTheirBranch") + ">>>>>>> feature\n");
    assertTrue(conflicted.contains("<<<<<<<"), good);
    Files.writeString(p.snapshot, conflicted);
    p.write("com/acme/model/User.java", user("  String name;\n  String email;", ""));
    Project.Result r = p.build();
    assertError(r, "has merge-conflict markers (line ", "two branches changed it", "git checkout --theirs -- "
        + p.snapshot + " && git add " + p.snapshot, "delete the other side's new migration file, and build");
    assertFalse(String.join("\n", r.errors()).contains("not valid JSON"), r.errors().toString());
    assertFalse(String.join("\n", r.errors()).contains("git checkout -- "), r.errors().toString());
    assertEquals(conflicted, p.snapshotText());
    assertEquals(1, p.migrations(PKG).size());
  }

  @Test
  void corruptInvalidOrNewerSnapshotsAreErrors() throws Exception {
    Project p = project("  String name;");
    String good = p.snapshotText();
    for (String[] bad : List.of(
        new String[] {"{ \"formatVersion\": 1, \"tables\": [", "not valid JSON"},
        new String[] {good.replace("\"formatVersion\": 2", "\"formatVersion\": 9"), "written by a newer jmigrate"},
        new String[] {good.replace("\"type\": \"STRING\"", "\"type\": \"STRNG\""), "unknown type STRNG"},
        new String[] {good.replace("\"primaryKey\": [\"id\"]", "\"primaryKey\": [\"nope\"]"),
            "primary key of user names the unknown column nope"})) {
      Files.writeString(p.snapshot, bad[0]);
      assertError(p.build(), bad[1], "Restore the file from version control");
      assertEquals(1, p.migrations(PKG).size());
    }
  }
}
