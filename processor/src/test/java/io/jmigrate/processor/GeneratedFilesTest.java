package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reviewer reads in a pull request: the generated migration and the snapshot. */
class GeneratedFilesTest {
  static final String PKG = "com.acme.migrations";

  @TempDir Path dir;

  static String user(String fields, String annotations) {
    return "package com.acme.model;\nimport io.jmigrate.*;\n" + annotations + "\n@Table(name = \"user\")\npublic class User {\n"
        + "  @Id long id;\n" + fields + "\n}\n";
  }

  static final String ADDRESS = """
      package com.acme.model;
      import io.jmigrate.*;
      @Table public class Address {
        @Id long id;
        @ForeignKey(value = User.class, onDelete = ForeignKey.Action.CASCADE) long userId;
      }
      """;

  @Test
  void alterAndDropShowTheOldDefinitionAndSqliteRebuildsAreNoted() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/User.java", user("  @Column(length = 100, nullable = false) String name;\n  String nickname;", ""))
        .write("com/acme/model/Address.java", ADDRESS);
    p.build().assertOk();
    String v1 = p.migrations(PKG).get("V0001_CreateUserAndAddress.java");
    System.out.println(v1);
    System.out.println(p.snapshotText());
    p.write("com/acme/model/User.java", user("  @Column(length = 20) @Narrow String name;", "@Drop(columns = \"nickname\")"));
    p.write("com/acme/model/Address.java", ADDRESS.replace("@ForeignKey(value = User.class, onDelete = ForeignKey.Action.CASCADE) ", ""));
    Project.Result r = p.build().assertOk();
    String v2 = p.migrations(PKG).values().stream().filter(s -> s.contains("Migration 2")).findFirst().orElseThrow();
    System.out.println(v2);
    System.out.println(p.snapshotText());
  }
}
