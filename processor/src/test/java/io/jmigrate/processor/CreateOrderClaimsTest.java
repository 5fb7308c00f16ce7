package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "New tables (a referenced table before the one that references it)": checked on PostgreSQL,
 * which refuses a REFERENCES to a table that does not exist yet at CREATE TABLE time, with
 * models whose class names sort the other way round (Apple references Mango references Zebra).
 */
class CreateOrderClaimsTest {
  static String model(String name, String fields) {
    return "package com.acme.model;\nimport io.jmigrate.*;\n@Table public class " + name + " {\n  @Id(generated = true) long id;\n"
        + fields + "\n}\n";
  }

  @TempDir Path dir;

  @Test
  void referencedTablesAreCreatedFirstInTheFirstAndInALaterMigration() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/Apple.java", model("Apple", "  @ForeignKey(Mango.class) long mangoId;\n  @ForeignKey(Zebra.class) Long zebraId;"))
        .write("com/acme/model/Mango.java", model("Mango", "  @ForeignKey(Zebra.class) long zebraId;"))
        .write("com/acme/model/Zebra.java", model("Zebra", "  String name;"));
    Migrator first = p.build().assertOk().migrator();
    assertEquals(List.of("zebra", "mango", "apple"), createdTables(p.migrations("com.acme.migrations").firstEntry().getValue()));

    p.write("com/acme/model/Aardvark.java", model("Aardvark", "  @ForeignKey(Beetle.class) long beetleId;\n  @ForeignKey(Apple.class) long appleId;"))
        .write("com/acme/model/Beetle.java", model("Beetle", "  @ForeignKey(Yak.class) long yakId;"))
        .write("com/acme/model/Yak.java", model("Yak", "  @ForeignKey(Zebra.class) long zebraId;"));
    Migrator second = p.build().assertOk().migrator();
    assertEquals(List.of("yak", "beetle", "aardvark"), createdTables(p.migrations("com.acme.migrations").lastEntry().getValue()));

    try (Connection pg = Postgres.newDatabase(); Connection sqlite = Db.sqlite(dir.resolve("order.db"))) {
      exec(sqlite, "PRAGMA foreign_keys = ON");
      for (Connection c : List.of(pg, sqlite)) {
        String db = c.getMetaData().getDatabaseProductName();
        assertEquals(1, first.migrate(c).size(), db);
        assertEquals(1, second.migrate(c).size(), db);
        assertTrue(second.validate(c).isEmpty(), db + ": " + second.validate(c));
        exec(c, "INSERT INTO zebra (name) VALUES ('z')");
        exec(c, "INSERT INTO mango (zebra_id) VALUES (1)");
        exec(c, "INSERT INTO apple (mango_id, zebra_id) VALUES (1, 1)");
        exec(c, "INSERT INTO yak (zebra_id) VALUES (1)");
        exec(c, "INSERT INTO beetle (yak_id) VALUES (1)");
        exec(c, "INSERT INTO aardvark (beetle_id, apple_id) VALUES (1, 1)");
        second.migrateTo(c, 0); // dropped in the reverse order
        assertEquals(List.of(), ChangeKindsContract.tables(c), db);
      }
    }
  }

  /** The tables a migration's source creates, in the order it creates them. */
  static List<String> createdTables(String source) {
    Matcher m = Pattern.compile("createTable\\(table\\(\"(\\w+)\"").matcher(source);
    return m.results().map(r -> r.group(1)).toList();
  }
}
