package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check constraints as the docs say: {@code @Check} on a model becomes a named check in the
 * migration and the snapshot; a changed expression is dropped and added again, a new check on rows
 * that fail it stops the migration before anything changes, {@code validate} finds a missing or an
 * extra check, and SQLite's rebuilds keep them. On all four databases (H2 with both foldings).
 */
class ChecksTest {
  @TempDir Path dir;

  private static final String MODEL = "package com.acme.model;\nimport io.jmigrate.*;\n";

  private static final String V1 = MODEL + """
      @Table(name = "purchase")
      @Check("quantity > 0")
      @Check(name = "ck_purchase_status", value = "status in ('OPEN', 'CLOSED')")
      public class Purchase {
        @Id long id;
        @Column(nullable = false) int quantity;
        @Column(length = 10) String status;
      }""";

  private static final String V2 = MODEL + """
      @Table(name = "purchase")
      @Check("quantity > 0")
      @Check(name = "ck_purchase_status", value = "status in ('OPEN', 'CLOSED', 'SHIPPED')")
      @Check(name = "ck_purchase_max", value = "quantity < 1000")
      public class Purchase {
        @Id long id;
        @Column(nullable = false) int quantity;
        @Column(length = 20) String status;
      }""";

  @Test
  void aCheckIsWrittenToTheMigrationAndTheSnapshot() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Purchase.java", V1);
    p.build().assertOk();
    String migration = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(migration.contains(".check(check(\"ck_purchase_1\", \"quantity > 0\"))"), migration);
    assertTrue(migration.contains(".check(check(\"ck_purchase_status\", \"status in ('OPEN', 'CLOSED')\"))"), migration);
    assertTrue(p.snapshotText().contains("""
              "checks": [
                {"name": "ck_purchase_1", "expression": "quantity > 0"},
                {"name": "ck_purchase_status", "expression": "status in ('OPEN', 'CLOSED')"}
              ]
        """), p.snapshotText());

    p.write("com/acme/model/Purchase.java", V2);
    p.build().assertOk();
    String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(v2.contains("dropCheck(\"purchase\", \"ck_purchase_status\")"), v2);
    assertTrue(v2.contains("addCheck(\"purchase\", check(\"ck_purchase_max\", \"quantity < 1000\"))"), v2);
    assertTrue(v2.contains("addCheck(\"purchase\", check(\"ck_purchase_status\", \"status in ('OPEN', 'CLOSED', 'SHIPPED')\"))"), v2);
  }

  @Test
  void aBlankCheckIsAnErrorAtTheAnnotation() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Purchase.java", MODEL + """
        @Table @Check(" ") public class Purchase { @Id long id; }""");
    Project.Result r = p.build();
    assertTrue(!r.ok() && r.errors().stream().anyMatch(e -> e.contains("@Check on Purchase has no expression")), r.errors().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb", "h2", "h2-upper-case"})
  void checksHoldChangeAndValidateOn(String database) throws Exception {
    Project p = new Project(dir).write("com/acme/model/Purchase.java", V1);
    Migrator first = p.build().assertOk().migrator();
    p.write("com/acme/model/Purchase.java", V2);
    Migrator second = p.build().assertOk().migrator();
    try (Connection c = connect(database)) {
      first.migrate(c);
      assertEquals(List.of(), first.validate(c).differences());
      Sql.exec(c, "INSERT INTO purchase (id, quantity, status) VALUES (1, 5, 'OPEN')");
      assertRefused(c, "INSERT INTO purchase (id, quantity, status) VALUES (2, 0, 'OPEN')");
      assertRefused(c, "INSERT INTO purchase (id, quantity, status) VALUES (3, 1, 'SHIPPED')");

      // A row the new check refuses: the migration stops before it changes anything, naming check and count.
      Sql.exec(c, "INSERT INTO purchase (id, quantity, status) VALUES (4, 5000, 'CLOSED')");
      MigrationException e = assertThrows(MigrationException.class, () -> second.migrate(c));
      assertTrue(e.getMessage().contains("1 row(s) of table purchase do not satisfy the check ck_purchase_max"), e.getMessage());
      assertEquals(List.of(), first.validate(c).differences(), "nothing changed: " + e.getMessage());
      assertEquals(List.of("4"), Sql.strings(c, "SELECT id FROM purchase WHERE quantity = 5000"));

      Sql.exec(c, "DELETE FROM purchase WHERE id = 4");
      second.migrate(c);
      assertEquals(List.of(), second.validate(c).differences());
      Sql.exec(c, "INSERT INTO purchase (id, quantity, status) VALUES (5, 7, 'SHIPPED')");
      // The checks the change kept (on SQLite, through the table's rebuild) still hold.
      assertRefused(c, "INSERT INTO purchase (id, quantity, status) VALUES (6, 0, 'OPEN')");
      assertRefused(c, "INSERT INTO purchase (id, quantity, status) VALUES (7, 1000, 'OPEN')");
      assertEquals(List.of("1", "5"), Sql.strings(c, "SELECT id FROM purchase ORDER BY id"));

      // validate: a check the migrations do not make, and one they make that is gone.
      if (!database.equals("sqlite")) {
        Sql.exec(c, "ALTER TABLE purchase ADD CONSTRAINT ck_extra CHECK (id > 0)");
        Sql.exec(c, "ALTER TABLE purchase DROP CONSTRAINT ck_purchase_max");
        List<String> drift = second.validate(c).differences();
        assertTrue(drift.contains("check purchase.ck_purchase_max (quantity < 1000) is missing"), drift.toString());
        assertTrue(drift.stream().anyMatch(d -> d.startsWith("check purchase.ck_extra (") && d.endsWith(") is not in the migrations")),
            drift.toString());
        Sql.exec(c, "ALTER TABLE purchase DROP CONSTRAINT ck_extra");
        Sql.exec(c, "ALTER TABLE purchase ADD CONSTRAINT ck_purchase_max CHECK (quantity < 1000)");
      }

      // Back to version 1: the old status check again, the new one gone.
      Sql.exec(c, "DELETE FROM purchase WHERE id = 5");
      second.migrateTo(c, 1);
      assertEquals(List.of(), first.validate(c).differences());
      Sql.exec(c, "INSERT INTO purchase (id, quantity, status) VALUES (8, 2000, 'OPEN')");
      assertRefused(c, "INSERT INTO purchase (id, quantity, status) VALUES (9, 1, 'SHIPPED')");
    }
  }

  private static final String GADGET = MODEL + """
      @Table(name = "gadget")
      @Check("weight < 1000")
      public class Gadget {
        @Id long id;
        @Check("weight > 0") int weight;
        @Check("size > 0") @Check("size < %d") int size;
        @Check(name = "ck_gadget_label_short", value = "length(label) < 20") @Column(length = 40) String label;
      }""";

  /**
   * {@code @Check} on a field of a model: its column's check, {@code ck_<table>_<column>} unless named, a field's
   * unnamed checks one check joined by {@code and}; the type's own check keeps its default name. A changed
   * condition is dropped and added; validate compares them; on SQLite and PostgreSQL.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aFieldsCheckIsItsColumns(String database) throws Exception {
    Project p = new Project(dir).write("com/acme/model/Gadget.java", GADGET.formatted(10));
    Migrator first = p.build().assertOk().migrator();
    String created = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(created.contains("check(\"ck_gadget_1\", \"weight < 1000\")")
        && created.contains("check(\"ck_gadget_weight\", \"weight > 0\")")
        && created.contains("check(\"ck_gadget_size\", \"(size > 0) and (size < 10)\")")
        && created.contains("check(\"ck_gadget_label_short\", \"length(label) < 20\")"), created);
    p.write("com/acme/model/Gadget.java", GADGET.formatted(100));
    Migrator second = p.build().assertOk().migrator();
    String changed = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(changed.contains("dropCheck(\"gadget\", \"ck_gadget_size\")")
        && changed.contains("check(\"ck_gadget_size\", \"(size > 0) and (size < 100)\")"), changed);
    try (Connection c = connect(database)) {
      first.migrate(c);
      assertEquals(List.of(), first.validate(c).differences());
      Sql.exec(c, "INSERT INTO gadget (id, weight, size, label) VALUES (1, 5, 5, 'a')");
      assertRefused(c, "INSERT INTO gadget (id, weight, size, label) VALUES (2, 0, 5, 'a')");
      assertRefused(c, "INSERT INTO gadget (id, weight, size, label) VALUES (3, 5, 50, 'a')");
      assertRefused(c, "INSERT INTO gadget (id, weight, size, label) VALUES (4, 5, 5, 'a label of thirty characters.')");
      second.migrate(c);
      assertEquals(List.of(), second.validate(c).differences());
      Sql.exec(c, "INSERT INTO gadget (id, weight, size, label) VALUES (5, 5, 50, 'a')");
    }
  }

  private static final String ENTITY = "package com.acme.model;\nimport jakarta.persistence.*;\n"
      + "import jakarta.validation.constraints.*;\n@Entity public class Item {\n  @Id Long id;\n  %s Integer qty;\n}";

  /**
   * An entity's column checks round-trip (Hibernate Validator is on this test's class path, so Hibernate would
   * apply Bean Validation to the schema): a new {@code @Min} on a table with rows is an added check, refused
   * before anything changes while a row fails it; a second bound makes it one check of both, dropped and added;
   * replacing them by a {@code @DecimalMin}, which Hibernate 7 makes no check of, drops it. The checks compare by name after each step.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "h2"})
  void anEntitysColumnCheckIsAddedChangedAndDropped(String database) throws Exception {
    Project p = new Project(dir).write("com/acme/model/Item.java", ENTITY.formatted(""));
    Migrator first = p.build().assertOk().migrator();
    p.write("com/acme/model/Item.java", ENTITY.formatted("@Min(2)"));
    Migrator second = p.build().assertOk().migrator();
    String added = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(added.contains("addCheck(\"item\", check(\"item_qty_check\", \"qty>=2\"))"), added);
    p.write("com/acme/model/Item.java", ENTITY.formatted("@Min(2) @Max(10)"));
    Migrator third = p.build().assertOk().migrator();
    String changed = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(changed.contains("dropCheck(\"item\", \"item_qty_check\")")
        && changed.contains("check(\"item_qty_check\", \"(qty>=2) and (qty<=10)\")"), changed);
    p.write("com/acme/model/Item.java", ENTITY.formatted("@DecimalMin(\"2\")")); // no check in Hibernate 7
    Migrator fourth = p.build().assertOk().migrator();
    String dropped = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(dropped.contains("dropCheck(\"item\", \"item_qty_check\")") && !dropped.contains("addCheck"), dropped);
    try (Connection c = connect(database)) {
      first.migrate(c);
      Sql.exec(c, "INSERT INTO item (id, qty) VALUES (1, 5)");
      Sql.exec(c, "INSERT INTO item (id, qty) VALUES (2, 1)");
      MigrationException e = assertThrows(MigrationException.class, () -> second.migrate(c));
      assertTrue(e.getMessage().contains("1 row(s) of table item do not satisfy the check item_qty_check (qty>=2)"),
          e.getMessage());
      assertEquals(List.of(), first.validate(c).differences(), "nothing changed: " + e.getMessage());
      Sql.exec(c, "UPDATE item SET qty = 2 WHERE id = 2");
      second.migrate(c);
      assertEquals(List.of(), second.validate(c).differences());
      assertRefused(c, "INSERT INTO item (id, qty) VALUES (3, 1)");
      third.migrate(c);
      assertEquals(List.of(), third.validate(c).differences());
      assertRefused(c, "INSERT INTO item (id, qty) VALUES (4, 11)");
      fourth.migrate(c);
      assertEquals(List.of(), fourth.validate(c).differences());
      Sql.exec(c, "INSERT INTO item (id, qty) VALUES (5, 11)");
    }
  }

  private Connection connect(String database) throws Exception {
    return switch (database) {
      case "sqlite" -> Db.sqlite(dir.resolve("app.db"));
      case "postgresql" -> Postgres.newDatabase();
      case "mariadb" -> MariaDb.newDatabase();
      case "h2" -> H2.file(dir.resolve("h2"), "app");
      // H2's own folding (Spring Boot's embedded URL): unquoted names in upper case
      default -> java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("h2up").toAbsolutePath() + H2.DEFAULT_FOLDING);
    };
  }

  private static void assertRefused(Connection c, String insert) {
    assertThrows(SQLException.class, () -> Sql.exec(c, insert), insert);
  }
}
