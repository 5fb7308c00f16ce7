package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Hand-written steps", done as a user does them: the processor generates a
 * migration, the user edits the file (adds {@code sql(sql, reverseSql)} and
 * {@code java(description, step, reverse)} steps, or overrides {@code down(Schema)}), the real
 * javac compiles it, and the steps run both ways on a real SQLite file and a real PostgreSQL.
 * Then the checksum claims: reformatting does not change it, a Java step counts by its
 * description, a changed operation does change it.
 */
class HandWrittenStepsClaimsTest {
  static final String PKG = "com.acme.migrations";
  static final String ACCOUNT = """
      package com.acme.model;
      import io.jmigrate.*;
      @Table public class Account {
        @Id long id;
        String name;
        String kind;
      }
      """;

  @TempDir Path dir;

  /** Replaces the generated {@code up()} list's only operation with {@code ops}. */
  static String editUp(String source, String generatedOp, String ops) {
    String generated = "return List.of(\n        " + generatedOp + ");";
    assertTrue(source.contains(generated), source);
    return source.replace(generated, "return List.of(\n" + ops + ");");
  }

  static String update(String sql) {
    return "c -> {\n          try (var s = c.createStatement()) {\n            s.executeUpdate(\"" + sql + "\");\n          }\n        }";
  }

  @Test
  void reversibleStepsAndAnOverriddenDownRunBothWaysOnBothDatabases() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Account.java", ACCOUNT);
    Migrator v1 = p.build().assertOk().migrator();
    try (Connection sqlite = Db.sqlite(dir.resolve("steps.db")); Connection pg = Postgres.newDatabase()) {
      List<Connection> dbs = List.of(sqlite, pg);
      for (Connection c : dbs) {
        v1.migrate(c);
        exec(c, "INSERT INTO account (id, name, kind) VALUES (1, 'ann', NULL), (2, 'bob', 'keep')");
      }

      p.write("com/acme/model/Account.java", ACCOUNT.replace("String kind;", "String kind;\n  String email;")).build().assertOk();
      String file = "com/acme/migrations/V0002_AddAccountEmail.java";
      p.write(file, editUp(p.migrations(PKG).get("V0002_AddAccountEmail.java"), "addColumn(\"account\", column(\"email\", STRING))", """
                  addColumn("account", column("email", STRING)),
                  sql("UPDATE account SET email = name || '@example.com'", "UPDATE account SET email = NULL"),
                  sql("UPDATE account SET kind = 'none' WHERE kind IS NULL", "UPDATE account SET kind = NULL WHERE kind = 'none'"),
                  java("upper-case the names", %s,
                      %s)""".formatted(update("UPDATE account SET name = upper(name)"), update("UPDATE account SET name = lower(name)"))));
      Migrator v2 = p.build().assertOk().migrator();

      p.write("com/acme/model/Account.java", ACCOUNT.replace("String kind;", "String kind;\n  String email;\n  String phone;")).build().assertOk();
      file = "com/acme/migrations/V0003_AddAccountPhone.java";
      String v3 = editUp(p.migrations(PKG).get("V0003_AddAccountPhone.java"), "addColumn(\"account\", column(\"phone\", STRING))", """
                  addColumn("account", column("phone", STRING)),
                  sql("UPDATE account SET phone = '000'")""");
      // No reverse for the sql step above: the derived down would be refused. The hand-written one is used instead.
      v3 = v3.substring(0, v3.lastIndexOf('}')) + """
            @Override
            public List<Operation> down(io.jmigrate.schema.Schema before) {
              return List.of(sql("UPDATE account SET name = name || '!'"), dropColumn("account", "phone"));
            }
          }
          """;
      Migrator m = p.write(file, v3).build().assertOk().migrator();
      assertEquals(3, m.migrations().size());

      for (Connection c : dbs) {
        String db = c.getMetaData().getDatabaseProductName();
        assertEquals(2, m.migrate(c).size(), db);
        assertEquals(List.of("1|ANN|none|ann@example.com|000", "2|BOB|keep|bob@example.com|000"),
            strings(c, "SELECT id || '|' || name || '|' || kind || '|' || email || '|' || phone FROM account ORDER BY id"), db);
        assertTrue(m.validate(c).isEmpty(), db + ": " + m.validate(c));

        m.migrateTo(c, 2); // the overridden down(Schema)
        assertEquals(List.of("1|ANN!|none|ann@example.com", "2|BOB!|keep|bob@example.com"),
            strings(c, "SELECT id || '|' || name || '|' || kind || '|' || email FROM account ORDER BY id"), db);
        assertTrue(v2.validate(c).isEmpty(), db + ": " + v2.validate(c));

        m.migrateTo(c, 1); // the reverses, in reverse order
        assertEquals(List.of("1|ann!|null", "2|bob!|keep"),
            strings(c, "SELECT id || '|' || name || '|' || coalesce(kind, 'null') FROM account ORDER BY id"), db);
        assertTrue(v1.validate(c).isEmpty(), db + ": " + v1.validate(c));

        assertEquals(2, m.migrate(c).size(), db + ": and forward again");
        assertEquals(List.of("1|ANN!|none|000", "2|BOB!|keep|000"),
            strings(c, "SELECT id || '|' || name || '|' || kind || '|' || phone FROM account ORDER BY id"), db);
      }
    }
  }

  @Test
  void checksumIgnoresFormattingCountsJavaStepsByDescriptionAndSeesChangedOperations() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Account.java", ACCOUNT);
    p.build().assertOk();
    p.write("com/acme/model/Account.java", ACCOUNT.replace("String kind;", "String kind;\n  String email;")).build().assertOk();
    String file = "com/acme/migrations/V0002_AddAccountEmail.java";
    String generated = p.migrations(PKG).get("V0002_AddAccountEmail.java");
    String original = editUp(generated, "addColumn(\"account\", column(\"email\", STRING))", """
                addColumn("account", column("email", STRING)),
                sql("UPDATE account SET kind = 'none' WHERE kind IS NULL", "UPDATE account SET kind = NULL WHERE kind = 'none'"),
                java("fill the e-mails", %s)""".formatted(update("UPDATE account SET email = name || '@a.example'")));
    // The same migration, formatted differently and commented: other line breaks, spaces, comments.
    String reformatted = editUp(generated, "addColumn(\"account\", column(\"email\", STRING))", """
        // Reviewed by hand.
        /* first the column */ addColumn(  "account" ,
              column( "email",STRING
                  ) ), sql(
          "UPDATE account SET kind = 'none' WHERE kind IS NULL",   // the backfill
          "UPDATE account SET kind = NULL WHERE kind = 'none'"),
        java( "fill the e-mails" , (c) -> { try (var s = c.createStatement()) { s.executeUpdate("UPDATE account SET email = name || '@a.example'"); } } )""")
        .replace("public final class", "// a comment above the class\npublic final class");
    String otherCode = original.replace("@a.example", "@b.example");
    String otherDescription = original.replace("\"fill the e-mails\"", "\"fill the e-mails from the names\"");
    String otherOperation = original.replace("SET kind = 'none' WHERE", "SET kind = 'n/a' WHERE");

    try (Connection c = Db.sqlite(dir.resolve("checksums.db"))) {
      Migrator applied = p.write(file, original).build().assertOk().migrator();
      int checksum = applied.migrations().get(1).checksum();
      assertEquals(2, applied.migrate(c).size());
      exec(c, "INSERT INTO account (id, name) VALUES (1, 'ann')");

      assertEquals(checksum, checksum(p.write(file, reformatted)), "reformatting and comments do not change the checksum");
      assertTrue(p.build().assertOk().migrator().migrate(c).isEmpty(), "so the applied migration is still accepted");

      assertEquals(checksum, checksum(p.write(file, otherCode)), "a Java step is checksummed by its description, not its code");
      assertTrue(p.build().assertOk().migrator().migrate(c).isEmpty());

      assertNotEquals(checksum, checksum(p.write(file, otherDescription)), "a new description is a new checksum");
      Migrator described = p.build().assertOk().migrator();
      MigrationException e = assertThrows(MigrationException.class, () -> described.migrate(c));
      assertTrue(e.getMessage().contains("V0002 add column account.email was changed after it was applied"), e.getMessage());

      assertNotEquals(checksum, checksum(p.write(file, otherOperation)), "a changed operation is a new checksum");
      Migrator changed = p.build().assertOk().migrator();
      assertThrows(MigrationException.class, () -> changed.migrate(c));
    }
  }

  /** The checksum of migration 2 as this build compiled it. */
  static int checksum(Project p) throws Exception {
    return p.build().assertOk().migrator().migrations().get(1).checksum();
  }
}
