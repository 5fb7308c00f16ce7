package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL enum types from {@code @Column(enumType)} on a Java enum field, through the real
 * processor and a real PostgreSQL: created before their column, given new constants in place
 * ({@code ADD VALUE … BEFORE/AFTER}) committed before the steps that use them, compared by
 * {@code validate} label by label, dropped after their last column; what PostgreSQL cannot do
 * (drop or reorder a label, go back past an added one) is refused with the reason.
 */
class EnumTypesTest {
  @TempDir Path dir;

  private static final String MODEL = "package com.acme.model;\nimport io.jmigrate.*;\n";

  private Project project(String constants, String column) throws Exception {
    return new Project(dir)
        .write("com/acme/model/Mood.java", "package com.acme.model;\npublic enum Mood { " + constants + " }")
        .write("com/acme/model/Feeling.java", MODEL + "@Table public class Feeling {\n  @Id int id;\n  " + column + "\n}");
  }

  @Test
  void createAddValuesUsedInTheSameMigrationValidateAndDrop() throws Exception {
    Project p = project("SAD, OK", "@Column(enumType = \"mood\", nullable = false) Mood mood;");
    Project.Result first = p.build("-Ajmigrate.dialects=postgresql").assertOk();
    String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(v1.contains("createEnumType(enumType(\"mood\", \"SAD\", \"OK\"))"), v1);
    assertTrue(v1.contains("column(\"mood\", ENUM).notNull().enumType(\"mood\")"), v1);
    assertTrue(v1.indexOf("createEnumType") < v1.indexOf("createTable"), v1);
    assertTrue(p.snapshotText().contains("""
          "enumTypes": [
            {"name": "mood", "labels": ["SAD", "OK"]}
          ],
        """), p.snapshotText());
    assertTrue(p.snapshotText().contains("{\"name\": \"mood\", \"type\": \"ENUM\", \"nullable\": false, \"enumType\": \"mood\"}"),
        p.snapshotText());

    try (Connection db = Postgres.newDatabase()) {
      Migrator m1 = first.migrator();
      assertEquals(1, m1.migrate(db).size());
      assertTrue(m1.validate(db).isEmpty(), m1.validate(db).toString());
      exec(db, "INSERT INTO feeling VALUES (1, 'OK'), (2, 'SAD')");
      assertEquals(List.of("SAD", "OK"), strings(db, "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
          + " WHERE t.typname = 'mood' ORDER BY e.enumsortorder"));

      // New constants before, between and after, and a default that uses one of them in the same migration:
      // PostgreSQL refuses a value added in the same transaction ("unsafe use of new value").
      p.write("com/acme/model/Mood.java", "package com.acme.model;\npublic enum Mood { AWFUL, SAD, MEH, OK, HAPPY }");
      p.write("com/acme/model/Feeling.java", MODEL + "@Table public class Feeling {\n  @Id int id;\n"
          + "  @Column(enumType = \"mood\", nullable = false, defaultValue = \"HAPPY\") Mood mood;\n}");
      Project.Result second = p.build("-Ajmigrate.dialects=postgresql").assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      for (String line : List.of("addEnumValueBefore(\"mood\", \"AWFUL\", \"SAD\")", "addEnumValueAfter(\"mood\", \"MEH\", \"SAD\")",
          "addEnumValue(\"mood\", \"HAPPY\")", ".defaultValue(\"HAPPY\")")) {
        assertTrue(v2.contains(line), line + " in\n" + v2);
      }
      assertTrue(v2.indexOf("addEnumValue(") < v2.indexOf("alterColumn("), v2);
      Migrator m2 = second.migrator();
      assertEquals(1, m2.migrate(db).size());
      assertTrue(m2.validate(db).isEmpty(), m2.validate(db).toString());
      assertEquals(List.of("AWFUL", "SAD", "MEH", "OK", "HAPPY"), strings(db, "SELECT e.enumlabel FROM pg_enum e"
          + " JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'mood' ORDER BY e.enumsortorder"));
      exec(db, "INSERT INTO feeling (id) VALUES (3)");
      assertEquals(List.of("1 OK", "2 SAD", "3 HAPPY"), strings(db, "SELECT id || ' ' || mood FROM feeling ORDER BY id"));
      assertEquals(List.of("2 SAD", "1 OK", "3 HAPPY"), strings(db, "SELECT id || ' ' || mood FROM feeling ORDER BY mood"),
          "ordered by the labels' order");

      // Back past an added value: PostgreSQL cannot drop it, so nothing is reverted.
      MigrationException back = assertThrows(MigrationException.class, () -> m2.migrateTo(db, 1));
      assertTrue(back.getMessage().contains("PostgreSQL cannot drop the value"), back.getMessage());
      assertEquals(2, m2.validate(db).version());

      // A constant renamed with @RenamedFrom on it: RENAME VALUE, the stored values follow; it goes back too.
      p.write("com/acme/model/Mood.java", "package com.acme.model;\nimport io.jmigrate.RenamedFrom;\n"
          + "public enum Mood { AWFUL, SAD, MEH, @RenamedFrom(\"OK\") FINE, HAPPY }");
      Project.Result third = p.build("-Ajmigrate.dialects=postgresql").assertOk();
      String v3 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v3.contains("renameEnumValue(\"mood\", \"OK\", \"FINE\")") && !v3.contains("addEnumValue"), v3);
      Migrator m3 = third.migrator();
      assertEquals(1, m3.migrate(db).size());
      assertTrue(m3.validate(db).isEmpty(), m3.validate(db).toString());
      assertEquals(List.of("1 FINE", "2 SAD", "3 HAPPY"), strings(db, "SELECT id || ' ' || mood FROM feeling ORDER BY id"));
      m3.migrateTo(db, 2);
      assertEquals(List.of("1 OK", "2 SAD", "3 HAPPY"), strings(db, "SELECT id || ' ' || mood FROM feeling ORDER BY id"));
      assertEquals(1, m3.migrate(db).size());
      assertEquals(List.of(), p.build("-Ajmigrate.dialects=postgresql").assertOk().errors(), "the rename is applied once");
      assertEquals(3, p.migrations("com.acme.migrations").size(), "no new migration while @RenamedFrom stays");

      // A drift in the labels is reported.
      exec(db, "ALTER TYPE mood ADD VALUE 'EXTRA'");
      assertEquals(List.of("enum type mood has the labels [AWFUL, SAD, MEH, FINE, HAPPY, EXTRA] but the migrations give"
          + " [AWFUL, SAD, MEH, FINE, HAPPY]"), m3.validate(db).differences());

      // The column goes, then its type.
      p.delete("com/acme/model/Mood.java");
      p.write("com/acme/model/Feeling.java", MODEL + "@Table @Drop(columns = \"mood\") public class Feeling {\n  @Id int id;\n}");
      p.build("-Ajmigrate.dialects=postgresql").assertOk();
      String v4 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v4.indexOf("dropColumn(\"feeling\", \"mood\")") < v4.indexOf("dropEnumType(\"mood\")"), v4);
    }
  }

  @Test
  void aLostOrReorderedLabelIsRefusedAndOtherDialectsToo() throws Exception {
    Project p = project("SAD, OK, HAPPY", "@Column(enumType = \"mood\") Mood mood;");
    p.build("-Ajmigrate.dialects=postgresql").assertOk();
    p.write("com/acme/model/Mood.java", "package com.acme.model;\npublic enum Mood { SAD, HAPPY }");
    Project.Result lost = p.build("-Ajmigrate.dialects=postgresql");
    assertFalse(lost.ok());
    assertTrue(lost.errors().toString().contains("the enum type mood would lose the label OK, which PostgreSQL cannot do"),
        lost.errors().toString());
    p.write("com/acme/model/Mood.java", "package com.acme.model;\npublic enum Mood { OK, SAD, HAPPY }");
    Project.Result reordered = p.build("-Ajmigrate.dialects=postgresql");
    assertFalse(reordered.ok());
    assertTrue(reordered.errors().toString().contains("would change the order of its labels [SAD, OK, HAPPY] to [OK, SAD, HAPPY]"),
        reordered.errors().toString());

    Project other = new Project(dir.resolve("other"))
        .write("com/acme/model/Mood.java", "package com.acme.model;\npublic enum Mood { SAD, OK }")
        .write("com/acme/model/Feeling.java", MODEL + "@Table public class Feeling {\n  @Id int id;\n"
            + "  @Column(enumType = \"mood\") Mood mood;\n}");
    Project.Result onH2 = other.build("-Ajmigrate.dialects=postgresql,h2");
    assertFalse(onH2.ok());
    assertTrue(onH2.errors().toString().contains("Feeling.mood is stored as the PostgreSQL enum type mood, which h2 does not have"),
        onH2.errors().toString());
  }

  /**
   * Adopting a database with enum types: inspect models the one a modelled table uses (a Java enum of its
   * labels and {@code @Column(enumType)}), leaves the unused one to the database (declared unmanaged); the
   * build's first migration, baselined, validates with no drift; a constant added to the written enum
   * migrates the live type in place, keeping the rows.
   */
  @Test
  void inspectBuildBaselineValidateThenANewConstant() throws Exception {
    try (Connection db = Postgres.newDatabase()) {
      exec(db, """
          CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
          CREATE TYPE unused AS ENUM ('x');
          CREATE TABLE feeling (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'ok', was mood);
          INSERT INTO feeling VALUES (1, 'happy', 'sad'), (2, 'sad', NULL);
          """);
      Project p = new Project(dir.resolve("app"));
      io.jmigrate.inspect.Inspection inspection = io.jmigrate.inspect.Inspection.of(db, java.util.Set.of());
      assertEquals(List.of("feeling"), inspection.tables(), inspection.findings().toString());
      assertEquals(List.of(io.jmigrate.schema.EnumTypeDefinition.of("mood", "sad", "ok", "happy")), inspection.enumTypes());
      inspection.write(p.src, "com.acme.model");
      String model = java.nio.file.Files.readString(p.src.resolve("com/acme/model/Feeling.java"));
      assertTrue(model.contains("@Column(nullable = false, enumType = \"mood\", defaultValue = \"ok\")\n  Mood m;"), model);
      assertTrue(model.contains("@Column(enumType = \"mood\")\n  Mood was;"), model);
      String enumSource = java.nio.file.Files.readString(p.src.resolve("com/acme/model/Mood.java"));
      assertTrue(enumSource.contains("public enum Mood {\n  sad,\n  ok,\n  happy\n}"), enumSource);
      java.nio.file.Path resources = p.root.resolve("src/main/resources");
      String declared = java.nio.file.Files.readString(inspection.writeUnmanaged(resources));
      assertTrue(declared.contains("\nenum type unused\n") && !declared.contains("enum type mood"), declared);

      Project.Result first = p.build("-Ajmigrate.dialects=postgresql").assertOk();
      String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
      assertTrue(v1.contains("createEnumType(enumType(\"mood\", \"sad\", \"ok\", \"happy\"))"), v1);
      io.jmigrate.catalog.Unmanaged onClassPath = io.jmigrate.catalog.Unmanaged.find(
          new java.net.URLClassLoader(new java.net.URL[] {resources.toUri().toURL()}, null));
      Migrator m = first.migrator().withUnmanaged(onClassPath);
      m.baseline(db, 1);
      assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());

      p.write("com/acme/model/Mood.java", enumSource.replace("  ok,\n", "  ok,\n  calm,\n"));
      Project.Result second = p.build("-Ajmigrate.dialects=postgresql").assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("addEnumValueAfter(\"mood\", \"calm\", \"ok\")"), v2);
      Migrator m2 = second.migrator().withUnmanaged(onClassPath);
      assertEquals(1, m2.migrate(db).size());
      assertTrue(m2.validate(db).isEmpty(), m2.validate(db).toString());
      assertEquals(List.of("1 happy sad", "2 sad -"), strings(db, "SELECT id || ' ' || m || ' ' || coalesce(was::text, '-')"
          + " FROM feeling ORDER BY id"));
      assertEquals(List.of("x"), strings(db, "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
          + " WHERE t.typname = 'unused'"), "the unmodelled type is kept");
    }
  }

  static void exec(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  static List<String> strings(Connection db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
