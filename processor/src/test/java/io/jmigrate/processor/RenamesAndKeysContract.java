package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renames that reuse names (swaps and chains, of columns and of tables), a primary-key change on
 * a referenced table, and a widening to an unbounded decimal: built by the real processor,
 * applied to a real database holding rows, checked, and migrated back down. One subclass per dialect.
 */
abstract class RenamesAndKeysContract {
  @TempDir Path dir;

  abstract Connection newDatabase(String name) throws Exception;

  static final String HEAD = "package com.acme.model;\nimport io.jmigrate.*;\nimport java.math.BigDecimal;\n";

  /** Writes the models, builds, and migrates the database to the new latest version. */
  static Migrator step(Project p, Connection db, String... classAndSource) throws Exception {
    for (int i = 0; i < classAndSource.length; i += 2) {
      p.write("com/acme/model/" + classAndSource[i] + ".java", HEAD + classAndSource[i + 1]);
    }
    Project.Result r = p.build();
    assertTrue(r.ok(), r.errors().toString());
    Migrator m = r.migrator();
    m.migrate(db);
    assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());
    return m;
  }

  @Test
  void swappedColumnsKeepTheirValuesUnderTheirNewNamesAndBack() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("swap")) {
      step(p, db, "Item", "@Table public class Item { @Id long id; String a; Integer b; }");
      exec(db, "INSERT INTO item (id, a, b) VALUES (1, 'one', 1), (2, 'two', 2)");
      Migrator m = step(p, db, "Item", "@Table public class Item { @Id long id; @RenamedFrom(\"b\") Integer a; "
          + "@RenamedFrom(\"a\") String b; }");
      assertEquals(2, m.latestVersion(), "the swap is a migration");
      assertEquals(List.of("1|one", "2|two"), strings(db, "SELECT CAST(a AS TEXT) || '|' || b FROM item ORDER BY id"));
      m.migrateTo(db, 1);
      assertEquals(List.of("one|1", "two|2"), strings(db, "SELECT a || '|' || CAST(b AS TEXT) FROM item ORDER BY id"));
    }
  }

  @Test
  void aChainOfColumnRenamesInOneBuild() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("chain")) {
      step(p, db, "Item", "@Table public class Item { @Id long id; String a; String b; }");
      exec(db, "INSERT INTO item (id, a, b) VALUES (1, 'A', 'B')");
      Migrator m = step(p, db, "Item", "@Table public class Item { @Id long id; @RenamedFrom(\"a\") String b; "
          + "@RenamedFrom(\"b\") String c; }");
      assertEquals(List.of("A|B"), strings(db, "SELECT b || '|' || c FROM item"));
      m.migrateTo(db, 1);
      assertEquals(List.of("A|B"), strings(db, "SELECT a || '|' || b FROM item"));
    }
  }

  @Test
  void swappedAndChainedTablesKeepTheirRowsAndBack() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("tables")) {
      step(p, db, "Cat", "@Table public class Cat { @Id long id; String name; }",
          "Dog", "@Table public class Dog { @Id long id; String name; String breed; }",
          "Owner", "@Table public class Owner { @Id long id; @ForeignKey(Cat.class) Long catId; }");
      exec(db, "INSERT INTO cat (id, name) VALUES (1, 'tom')");
      exec(db, "INSERT INTO dog (id, name, breed) VALUES (7, 'rex', 'pug')");
      exec(db, "INSERT INTO owner (id, cat_id) VALUES (1, 1)");
      // The table cat is now the dogs' and dog the cats'; owner's key follows its rows (to dog).
      Migrator m = step(p, db, "Cat", "@Table @RenamedFrom(\"dog\") public class Cat { @Id long id; String name; String breed; }",
          "Dog", "@Table @RenamedFrom(\"cat\") public class Dog { @Id long id; String name; }",
          "Owner", "@Table public class Owner { @Id long id; @ForeignKey(Dog.class) Long catId; }");
      assertEquals(List.of("7|rex|pug"), strings(db, "SELECT CAST(id AS TEXT) || '|' || name || '|' || breed FROM cat"));
      assertEquals(List.of("1|tom"), strings(db, "SELECT CAST(id AS TEXT) || '|' || name FROM dog"));
      assertEquals(List.of("tom"), strings(db, "SELECT d.name FROM owner o JOIN dog d ON d.id = o.cat_id"));

      p.delete("com/acme/model/Cat.java");
      Migrator chain = step(p, db, "Dog", "@Table @RenamedFrom(\"cat\") public class Dog { @Id long id; String name; String breed; }",
          "Wolf", "@Table @RenamedFrom(\"dog\") public class Wolf { @Id long id; String name; }",
          "Owner", "@Table public class Owner { @Id long id; @ForeignKey(Wolf.class) Long catId; }");
      assertEquals(List.of("rex"), strings(db, "SELECT name FROM dog"));
      assertEquals(List.of("tom"), strings(db, "SELECT name FROM wolf"));
      assertEquals(List.of("tom"), strings(db, "SELECT w.name FROM owner o JOIN wolf w ON w.id = o.cat_id"));

      chain.migrateTo(db, 2);
      assertEquals(List.of("rex"), strings(db, "SELECT name FROM cat"));
      m.migrateTo(db, 1);
      assertEquals(List.of("tom"), strings(db, "SELECT name FROM cat"));
      assertEquals(List.of("rex"), strings(db, "SELECT name FROM dog"));
      assertEquals(List.of("tom"), strings(db, "SELECT c.name FROM owner o JOIN cat c ON c.id = o.cat_id"));
    }
  }

  @Test
  void aPrimaryKeyChangeOnAReferencedTableAndBack() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("key")) {
      step(p, db, "Person", "@Table public class Person { @Id long id; @Column(unique = true, nullable = false) String code; }",
          "Account", "@Table public class Account { @Id long id; @ForeignKey(value = Person.class, column = \"id\") "
              + "long personId; }");
      exec(db, "INSERT INTO person (id, code) VALUES (1, 'p1'), (2, 'p2')");
      exec(db, "INSERT INTO account (id, person_id) VALUES (10, 1), (11, 2)");
      Migrator m = step(p, db, "Person", "@Table public class Person { @Column(unique = true) long id; @Id String code; }");
      assertEquals(List.of("code"), ChangeKindsContract.primaryKey(db, "person"));
      assertEquals(List.of("person_id->person.id"), ChangeKindsContract.foreignKeys(db, "account"));
      assertEquals(List.of("10|p1", "11|p2"), strings(db,
          "SELECT CAST(a.id AS TEXT) || '|' || p.code FROM account a JOIN person p ON p.id = a.person_id ORDER BY a.id"));
      enforceForeignKeys(db);
      assertThrows(SQLException.class, () -> exec(db, "INSERT INTO account (id, person_id) VALUES (12, 99)"),
          "the foreign key is back");
      m.migrateTo(db, 1);
      assertEquals(List.of("id"), ChangeKindsContract.primaryKey(db, "person"));
      assertEquals(List.of("person_id->person.id"), ChangeKindsContract.foreignKeys(db, "account"));
      assertEquals(List.of("10", "11"), strings(db, "SELECT CAST(id AS TEXT) FROM account ORDER BY id"));
    }
  }

  @Test
  void aReferencedUniqueIndexReplacedByAnotherAndBack() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("unique")) {
      step(p, db, "Person", "@Table public class Person { @Id long id; @Column(unique = true, nullable = false) String code; }",
          "Account", "@Table public class Account { @Id long id; @ForeignKey(value = Person.class, column = \"code\") "
              + "String personCode; }");
      exec(db, "INSERT INTO person (id, code) VALUES (1, 'p1')");
      exec(db, "INSERT INTO account (id, person_code) VALUES (10, 'p1')");
      Migrator m = step(p, db, "Person", "@Index(columns = \"code\", unique = true, name = \"ux_code\")\n"
          + "@Table public class Person { @Id long id; @Column(nullable = false) String code; }");
      assertEquals(List.of("ux_code (unique)"), ChangeKindsContract.indexes(db, "person"));
      assertEquals(List.of("person_code->person.code"), ChangeKindsContract.foreignKeys(db, "account"));
      m.migrateTo(db, 1);
      assertEquals(List.of("ux_person_code (unique)"), ChangeKindsContract.indexes(db, "person"));
      assertEquals(List.of("10|p1"), strings(db, "SELECT CAST(id AS TEXT) || '|' || person_code FROM account"));
    }
  }

  @Test
  void aDoubleBecomesAnUnboundedDecimalWithoutNarrowAndKeepsEveryValue() throws Exception {
    Project p = new Project(dir.resolve("p"));
    double[] values = {0.1, 0.30000000000000004, 1.0 / 3, 1e300, -2.5e-300, 123456789.123456789};
    try (Connection db = newDatabase("decimal")) {
      step(p, db, "Measure", "@Table public class Measure { @Id long id; double v; }");
      try (var ps = db.prepareStatement("INSERT INTO measure (id, v) VALUES (?, ?)")) {
        for (int i = 0; i < values.length; i++) {
          ps.setLong(1, i);
          ps.setDouble(2, values[i]);
          ps.executeUpdate();
        }
      }
      Migrator m = step(p, db, "Measure", "@Table public class Measure { @Id long id; BigDecimal v; }");
      try (var s = db.createStatement(); var rs = s.executeQuery("SELECT v FROM measure ORDER BY id")) {
        for (double v : values) {
          assertTrue(rs.next());
          BigDecimal d = rs.getBigDecimal(1);
          assertEquals(v, d.doubleValue(), 0.0, "the decimal is the double's value: " + d);
        }
      }
      m.migrateTo(db, 1);
      try (var s = db.createStatement(); var rs = s.executeQuery("SELECT v FROM measure ORDER BY id")) {
        for (double v : values) {
          assertTrue(rs.next());
          assertEquals(v, rs.getDouble(1), 0.0);
        }
      }
    }
  }

  @Test
  void numbersBecomeTextWithoutNarrowAndKeepEveryValue() throws Exception {
    Project p = new Project(dir.resolve("p"));
    double[] values = {0.1, 0.30000000000000004, 1.0 / 3, 1e300, -2.2250738585072014e-308, 123456789.123456789};
    try (Connection db = newDatabase("text")) {
      step(p, db, "Measure", "@Table public class Measure { @Id long id; double v; long n; }");
      try (var ps = db.prepareStatement("INSERT INTO measure (id, v, n) VALUES (?, ?, ?)")) {
        for (int i = 0; i < values.length; i++) {
          ps.setLong(1, i);
          ps.setDouble(2, values[i]);
          ps.setLong(3, i == 0 ? Long.MIN_VALUE : i);
          ps.executeUpdate();
        }
      }
      step(p, db, "Measure", "@Table public class Measure { @Id long id; @Column(length = 24) String v; "
          + "@Column(length = 20) String n; }");
      List<String> texts = strings(db, "SELECT v FROM measure ORDER BY id");
      for (int i = 0; i < values.length; i++) {
        assertEquals(values[i], Double.parseDouble(texts.get(i)), 0.0, "the text is the double: " + texts.get(i));
      }
      assertEquals(String.valueOf(Long.MIN_VALUE), strings(db, "SELECT n FROM measure WHERE id = 0").get(0));
    }
  }

  /** SQLite checks foreign keys only when asked; the migrator restores the connection's setting. */
  void enforceForeignKeys(Connection db) throws SQLException {}
}
