package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's workflow, with real javac runs, a real source tree and a real SQLite file. */
class EndToEndTest {
  static final String USER_V1 = """
      package com.acme.model;

      import io.jmigrate.*;

      @Table(name = "user")
      public class User {
        @Id(generated = true) long id;
        @Column(length = 50, nullable = false) String name;
        String fullname;
      }
      """;

  static final String USER_V2 = USER_V1.replace("String fullname;", "String fullname;\n  String email;");

  @TempDir Path dir;

  @Test
  void editModelBuildMigrateTwiceThenNoChange() throws Exception {
    Project p = new Project(dir).write("com/acme/model/User.java", USER_V1);
    Project.Result first = p.build().assertOk();
    TreeMap<String, String> v1 = p.migrations("com.acme.migrations");
    assertEquals(List.of("V0001_CreateUser.java"), List.copyOf(v1.keySet()));
    assertNotNull(p.snapshotText());

    Path db = dir.resolve("app.db");
    try (Connection c = Db.sqlite(db)) {
      Migrator m1 = first.migrator();
      assertEquals(1, m1.migrate(c).size());
      Db.exec(c, "INSERT INTO \"user\" (name, fullname) VALUES ('ann', 'Ann A'), ('bob', NULL)");
      assertTrue(m1.migrate(c).isEmpty(), "a second migrate is a no-op");
    }

    p.write("com/acme/model/User.java", USER_V2);
    Project.Result second = p.build().assertOk();
    TreeMap<String, String> v2 = p.migrations("com.acme.migrations");
    assertEquals(List.of("V0001_CreateUser.java", "V0002_AddUserEmail.java"), List.copyOf(v2.keySet()));
    assertEquals(v1.get("V0001_CreateUser.java"), v2.get("V0001_CreateUser.java"), "existing migrations are never rewritten");
    assertTrue(v2.get("V0002_AddUserEmail.java").contains("addColumn(\"user\", column(\"email\", STRING))"),
        v2.get("V0002_AddUserEmail.java"));

    try (Connection c = Db.sqlite(db)) {
      Migrator m2 = second.migrator();
      assertEquals(2, m2.migrations().size(), "the new migration is compiled in the same build");
      assertEquals(1, m2.migrate(c).size());
      assertEquals(List.of(List.of("ann", "Ann A"), List.of("bob", "(null)")),
          Db.rows(c, "SELECT name, coalesce(fullname, '(null)') FROM \"user\" ORDER BY id"));
      Db.exec(c, "UPDATE \"user\" SET email = 'ann@example.com' WHERE name = 'ann'");

      m2.migrateTo(c, 1);
      assertFalse(Db.catalog(c).contains("column email"), Db.catalog(c));
      assertEquals(2, Db.count(c, "user"));
      m2.migrate(c);
      assertTrue(Db.catalog(c).contains("column email"));
    }

    String snapshot = p.snapshotText();
    p.build().assertOk();
    assertEquals(v2, p.migrations("com.acme.migrations"), "a build without model changes writes no migration");
    assertEquals(snapshot, p.snapshotText(), "and leaves the snapshot byte-identical");
  }

  @Test
  void aLargeFirstMigrationIsSplitIntoMethodsThatFitTheJvmLimit() throws Exception {
    Project p = new Project(dir);
    for (int i = 1; i <= 90; i++) {
      p.write("com/acme/model/Thing" + i + ".java", "package com.acme.model;\nimport io.jmigrate.*;\n@Table public record Thing"
          + i + "(@Id long id, String a, String b, int c, Double d, @Column(defaultValue = \"x\") String e) {}\n");
    }
    Project.Result r = p.build().assertOk();
    String migration = p.migrations("com.acme.migrations").get("V0001_CreateTables.java");
    assertTrue(migration.contains("ops.addAll(part3());") && migration.contains("private static List<Operation> part3()"),
        migration.substring(0, 2000));
    try (Connection c = Db.sqlite(dir.resolve("big.db"))) {
      r.migrator().migrate(c);
      assertEquals(90, Db.rows(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'thing%'").size());
    }
  }

  @Test
  void partialCompilationDoesNotTakeMissingModelsAsDeleted() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/User.java", USER_V1)
        .write("com/acme/model/Tag.java", """
            package com.acme.model;
            import io.jmigrate.*;
            @Table public record Tag(@Id String name, int uses) {}
            """);
    Project.Result full = p.build().assertOk();
    String snapshot = p.snapshotText();
    TreeMap<String, String> before = p.migrations("com.acme.migrations");

    p.buildOnly(full, List.of("com/acme/model/Tag.java")).assertOk();
    assertEquals(before, p.migrations("com.acme.migrations"));
    assertEquals(snapshot, p.snapshotText());
  }

  @Test
  void reallyDeletedModelIsDetected() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/User.java", USER_V1)
        .write("com/acme/model/Tag.java", """
            package com.acme.model;
            import io.jmigrate.*;
            @Table @Drop(tables = "legacy") public record Tag(@Id String name, int uses) {}
            """);
    Project.Result full = p.build().assertOk();
    p.delete("com/acme/model/User.java");
    // The old class file is still on the class path, as in an incremental build.
    Project.Result after = p.buildOnly(full, List.of("com/acme/model/Tag.java"));
    assertFalse(after.ok());
    assertTrue(after.errors().stream().anyMatch(e -> e.contains("the table user") && e.contains("@Drop(tables = \"user\")")),
        after.errors().toString());
  }
}
