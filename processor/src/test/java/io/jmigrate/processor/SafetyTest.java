package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertTrue(p.build().assertOk().warnings().isEmpty());
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
    assertError(p.build(), "If it was renamed, put @RenamedFrom(\"nickname\") on the field of alias", "@Drop(columns");

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
  void deletedMigrationIsAnError() throws Exception {
    Project p = project("  String name;");
    p.delete("com/acme/migrations/V0001_CreateUser.java");
    assertError(p.build(), "records V0001_CreateUser as the latest migration", "does not exist");
  }

  @Test
  void corruptInvalidOrNewerSnapshotsAreErrors() throws Exception {
    Project p = project("  String name;");
    String good = p.snapshotText();
    for (String[] bad : List.of(
        new String[] {"{ \"formatVersion\": 1, \"tables\": [", "not valid JSON"},
        new String[] {good.replace("\"formatVersion\": 1", "\"formatVersion\": 9"), "written by a newer jmigrate"},
        new String[] {good.replace("\"type\": \"STRING\"", "\"type\": \"STRNG\""), "unknown type STRNG"},
        new String[] {good.replace("\"primaryKey\": [\n        \"id\"", "\"primaryKey\": [\n        \"nope\""),
            "primary key of user names the unknown column nope"})) {
      Files.writeString(p.snapshot, bad[0]);
      assertError(p.build(), bad[1], "Restore the file from version control");
      assertEquals(1, p.migrations(PKG).size());
    }
  }
}
