package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
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
      assertEquals(List.of("1|one", "2|two"), strings(db, "SELECT a || '|' || b FROM item ORDER BY id"));
      m.migrateTo(db, 1);
      assertEquals(List.of("one|1", "two|2"), strings(db, "SELECT a || '|' || b FROM item ORDER BY id"));
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
      assertEquals(List.of("7|rex|pug"), strings(db, "SELECT id || '|' || name || '|' || breed FROM cat"));
      assertEquals(List.of("1|tom"), strings(db, "SELECT id || '|' || name FROM dog"));
      assertEquals(List.of("tom"), strings(db, "SELECT d.name FROM owner o JOIN dog d ON d.id = o.cat_id"));

      // The swap's annotations are removed (that build only rewrites the snapshot): Dog's @RenamedFrom("cat")
      // below is then a new rename, not the swap's, which is applied once.
      step(p, db, "Cat", "@Table public class Cat { @Id long id; String name; String breed; }",
          "Dog", "@Table public class Dog { @Id long id; String name; }");
      assertEquals(2, p.migrations(PKG).size());
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

  static final String PKG = "com.acme.migrations";
  static final String ITEM = "@Table public class Item { @Id long id;\n";

  /** The lines of the warnings that say a @RenamedFrom was applied already. */
  static List<Long> leftoverLines(Project.Result r, String by) {
    return r.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(Locale.ROOT).contains("already applied by " + by))
        .map(Diagnostic::getLineNumber).sorted().toList();
  }

  /**
   * Issue 9's own example: two same-defined columns swap names in one build. The snapshot then
   * records the two renames as applied, so the next build with the annotations still there
   * generates nothing and warns at each; removing them only rewrites the snapshot.
   */
  @Test
  void aSwapOfSameDefinedColumnsInOneBuildIsAppliedOnce() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("sameswap")) {
      step(p, db, "Item", ITEM + "String a;\nString b;\n}");
      exec(db, "INSERT INTO item (id, a, b) VALUES (1, 'one', 'uno'), (2, 'two', 'dos')");
      String swap = ITEM + "@RenamedFrom(\"b\") String a;\n@RenamedFrom(\"a\") String b;\n}";

      // Check mode lists the swap and writes nothing.
      p.write("com/acme/model/Item.java", HEAD + swap);
      String before = p.snapshotText();
      Project.Result checked = p.build("-Ajmigrate.check=true");
      assertFalse(checked.ok());
      assertTrue(checked.errors().get(0).contains("rename column item.a to _jm_tmp_a")
          || checked.errors().get(0).contains("_jm_tmp_a"), checked.errors().toString());
      assertEquals(before, p.snapshotText());
      assertEquals(1, p.migrations(PKG).size());

      Migrator m = step(p, db, "Item", swap);
      assertEquals(2, m.latestVersion(), "the swap is a migration");
      assertEquals(List.of("1|uno|one", "2|dos|two"), strings(db, "SELECT id || '|' || a || '|' || b FROM item ORDER BY id"));
      String swapped = p.snapshotText();
      assertTrue(swapped.contains("{\"name\": \"a\", \"type\": \"STRING\", \"renamedFrom\": \"b\", \"renamedIn\": 2}"), swapped);

      // Built again with the annotations (and a change elsewhere): nothing renamed, a warning at each.
      p.write("com/acme/model/Note.java", HEAD + "@Table public class Note { @Id long id; }");
      Project.Result again = p.build().assertOk();
      assertEquals(List.of(5L, 6L), leftoverLines(again, "V0002"), again.warnings().toString());
      assertEquals(3, p.migrations(PKG).size());
      assertFalse(p.migrations(PKG).lastEntry().getValue().contains("rename"), p.migrations(PKG).lastEntry().getValue());
      again.migrator().migrate(db);
      assertEquals(List.of("1|uno|one", "2|dos|two"), strings(db, "SELECT id || '|' || a || '|' || b FROM item ORDER BY id"));

      // The fast path (nothing changed) warns too and writes nothing.
      String settled = p.snapshotText();
      Project.Result unchanged = p.build().assertOk();
      assertEquals(List.of(5L, 6L), leftoverLines(unchanged, "V0002"));
      assertEquals(settled, p.snapshotText());

      // The annotations removed: check mode says the snapshot is stale; a build rewrites it, and no migration.
      p.write("com/acme/model/Item.java", HEAD + ITEM + "String a;\nString b;\n}");
      assertFalse(p.build("-Ajmigrate.check=true").ok());
      assertEquals(settled, p.snapshotText());
      Project.Result removed = p.build().assertOk();
      assertEquals(List.of(), leftoverLines(removed, ""));
      assertEquals(3, p.migrations(PKG).size());
      assertFalse(p.snapshotText().contains("renamedFrom"), p.snapshotText());
      assertEquals(settled.replace(", \"renamedFrom\": \"b\", \"renamedIn\": 2", "")
          .replace(", \"renamedFrom\": \"a\", \"renamedIn\": 2", ""), p.snapshotText());

      // Swapping back later is a new rename: the same annotations again.
      Migrator back = step(p, db, "Item", swap);
      assertEquals(4, back.latestVersion());
      assertEquals(List.of("1|one|uno", "2|two|dos"), strings(db, "SELECT id || '|' || a || '|' || b FROM item ORDER BY id"));

      back.migrateTo(db, 1);
      assertEquals(List.of("1|one|uno", "2|two|dos"), strings(db, "SELECT id || '|' || a || '|' || b FROM item ORDER BY id"));
    }
  }

  @Test
  void aChainOfSameDefinedColumnsIsAppliedOnce() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("samechain")) {
      step(p, db, "Item", ITEM + "String a;\nString b;\n}");
      exec(db, "INSERT INTO item (id, a, b) VALUES (1, 'A', 'B')");
      String chain = ITEM + "@RenamedFrom(\"a\") String b;\n@RenamedFrom(\"b\") String c;\n";
      step(p, db, "Item", chain + "}");
      assertEquals(List.of("A|B"), strings(db, "SELECT b || '|' || c FROM item"));
      // After it, b → c looks like a rename still to do (both names are there): the snapshot says it is done.
      p.write("com/acme/model/Item.java", HEAD + chain + "String d;\n}");
      Project.Result again = p.build().assertOk();
      assertEquals(List.of(5L, 6L), leftoverLines(again, "V0002"), again.warnings().toString());
      again.migrator().migrate(db);
      assertEquals(List.of("A|B"), strings(db, "SELECT b || '|' || c FROM item"));
      again.migrator().migrateTo(db, 1);
      assertEquals(List.of("A|B"), strings(db, "SELECT a || '|' || b FROM item"));
    }
  }

  @Test
  void aSwapOfSameDefinedTablesInOneBuild() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("sametables")) {
      step(p, db, "Cat", "@Table public class Cat { @Id long id; String name; }",
          "Dog", "@Table public class Dog { @Id long id; String name; }");
      exec(db, "INSERT INTO cat (id, name) VALUES (1, 'tom')");
      exec(db, "INSERT INTO dog (id, name) VALUES (7, 'rex')");
      String cat = "@Table @RenamedFrom(\"dog\") public class Cat { @Id long id; String name; }";
      String dog = "@Table @RenamedFrom(\"cat\") public class Dog { @Id long id; String name; }";
      Migrator m = step(p, db, "Cat", cat, "Dog", dog);
      assertEquals(2, m.latestVersion());
      assertEquals(List.of("7|rex"), strings(db, "SELECT id || '|' || name FROM cat"));
      assertEquals(List.of("1|tom"), strings(db, "SELECT id || '|' || name FROM dog"));

      Project.Result again = p.build().assertOk();
      assertEquals(2, leftoverLines(again, "V0002").size(), again.warnings().toString());
      assertEquals(2, p.migrations(PKG).size());

      m.migrateTo(db, 1);
      assertEquals(List.of("1|tom"), strings(db, "SELECT id || '|' || name FROM cat"));
    }
  }

  /** Deleting the latest migration, a swap, steps back to before it, its recorded renames too: the same swap comes back. */
  @Test
  void aDeletedSwapMigrationIsRegenerated() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("regen")) {
      step(p, db, "Item", ITEM + "String a;\nString b;\n}");
      exec(db, "INSERT INTO item (id, a, b) VALUES (1, 'one', 'uno')");
      String swap = ITEM + "@RenamedFrom(\"b\") String a;\n@RenamedFrom(\"a\") String b;\n}";
      p.write("com/acme/model/Item.java", HEAD + swap);
      p.build().assertOk();
      String migration = p.migrations(PKG).lastEntry().getValue();
      String name = p.migrations(PKG).lastKey();
      String snapshot = p.snapshotText();

      p.delete(PKG.replace('.', '/') + "/" + name);
      p.build("-Ajmigrate.check=true");
      assertEquals(snapshot, p.snapshotText(), "check mode writes nothing");
      assertEquals(1, p.migrations(PKG).size());
      p.build().assertOk();
      assertEquals(migration, p.migrations(PKG).get(name), "the same swap again");
      assertEquals(snapshot, p.snapshotText());

      Migrator m = p.build().assertOk().migrator();
      m.migrate(db);
      assertEquals(List.of("uno|one"), strings(db, "SELECT a || '|' || b FROM item"));
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
          "SELECT a.id || '|' || p.code FROM account a JOIN person p ON p.id = a.person_id ORDER BY a.id"));
      enforceForeignKeys(db);
      assertThrows(SQLException.class, () -> exec(db, "INSERT INTO account (id, person_id) VALUES (12, 99)"),
          "the foreign key is back");
      m.migrateTo(db, 1);
      assertEquals(List.of("id"), ChangeKindsContract.primaryKey(db, "person"));
      assertEquals(List.of("person_id->person.id"), ChangeKindsContract.foreignKeys(db, "account"));
      assertEquals(List.of("10", "11"), strings(db, "SELECT id FROM account ORDER BY id"));
    }
  }

  /**
   * A referenced key and the key that references it widen together (int to long): MariaDB refuses
   * to change a column a foreign key uses (error 1833), so the foreign key is dropped before the
   * two changes and added again after them, both ways.
   */
  @Test
  void aReferencedKeyAndItsForeignKeyWidenTogetherAndBack() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("widen")) {
      step(p, db, "Author", "@Table public class Author { @Id int id; String name; }",
          "Book", "@Table public class Book { @Id int id; @ForeignKey(Author.class) int authorId; }");
      exec(db, "INSERT INTO author (id, name) VALUES (1, 'ada'), (2147483647, 'max')");
      exec(db, "INSERT INTO book (id, author_id) VALUES (10, 1), (11, 2147483647)");
      Migrator m = step(p, db, "Author", "@Table public class Author { @Id long id; String name; }",
          "Book", "@Table public class Book { @Id int id; @ForeignKey(Author.class) long authorId; }");
      assertEquals(List.of("author_id->author.id"), ChangeKindsContract.foreignKeys(db, "book"));
      exec(db, "INSERT INTO author (id, name) VALUES (4294967296, 'big')");
      exec(db, "INSERT INTO book (id, author_id) VALUES (12, 4294967296)");
      assertEquals(List.of("10|ada", "11|max", "12|big"), strings(db,
          "SELECT b.id || '|' || a.name FROM book b JOIN author a ON a.id = b.author_id ORDER BY b.id"));
      enforceForeignKeys(db);
      assertThrows(SQLException.class, () -> exec(db, "INSERT INTO book (id, author_id) VALUES (13, 99)"),
          "the foreign key is back");
      exec(db, "DELETE FROM book WHERE id = 12");
      exec(db, "DELETE FROM author WHERE id = 4294967296");
      m.migrateTo(db, 1);
      assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());
      assertEquals(List.of("author_id->author.id"), ChangeKindsContract.foreignKeys(db, "book"));
      assertEquals(List.of("10|ada", "11|max"), strings(db,
          "SELECT b.id || '|' || a.name FROM book b JOIN author a ON a.id = b.author_id ORDER BY b.id"));
      assertThrows(SQLException.class, () -> exec(db, "INSERT INTO book (id, author_id) VALUES (13, 99)"),
          "the foreign key is back after the way down");
    }
  }

  /** The same through JPA: a generic {@code @MappedSuperclass} id goes from Integer to Long in every entity. */
  @Test
  void aGenericMappedSuperclassIdWidensWithItsForeignKeysAndBack() throws Exception {
    Project p = new Project(dir.resolve("p"));
    String jpa = "package com.acme.model;\nimport jakarta.persistence.*;\n";
    p.write("com/acme/model/Author.java", jpa + "@Entity public class Author extends Persistable<Integer> { String name; }");
    p.write("com/acme/model/Book.java", jpa + "@Entity public class Book extends Persistable<Integer> { @ManyToOne Author author; }");
    try (Connection db = newDatabase("jpawiden")) {
      step(p, db, "Persistable", "@jakarta.persistence.MappedSuperclass public abstract class Persistable<K extends java.io.Serializable> {"
          + " @jakarta.persistence.Id K id; }");
      exec(db, "INSERT INTO author (id, name) VALUES (1, 'ada'), (2147483647, 'max')");
      exec(db, "INSERT INTO book (id, author_id) VALUES (10, 1), (11, 2147483647)");
      p.write("com/acme/model/Author.java", jpa + "@Entity public class Author extends Persistable<Long> { String name; }");
      p.write("com/acme/model/Book.java", jpa + "@Entity public class Book extends Persistable<Long> { @ManyToOne Author author; }");
      Migrator m = step(p, db);
      assertEquals(2, m.latestVersion());
      exec(db, "INSERT INTO author (id, name) VALUES (4294967296, 'big')");
      exec(db, "INSERT INTO book (id, author_id) VALUES (4294967297, 4294967296)");
      assertEquals(List.of("10|ada", "11|max", "4294967297|big"), strings(db,
          "SELECT b.id || '|' || a.name FROM book b JOIN author a ON a.id = b.author_id ORDER BY b.id"));
      enforceForeignKeys(db);
      assertThrows(SQLException.class, () -> exec(db, "INSERT INTO book (id, author_id) VALUES (13, 99)"));
      exec(db, "DELETE FROM book WHERE id = 4294967297");
      exec(db, "DELETE FROM author WHERE id = 4294967296");
      m.migrateTo(db, 1);
      assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());
      assertEquals(List.of("10|ada", "11|max"), strings(db,
          "SELECT b.id || '|' || a.name FROM book b JOIN author a ON a.id = b.author_id ORDER BY b.id"));
    }
  }

  /**
   * A table renamed to its own name in another case: the databases that compare names without
   * case (SQLite) and the constraint named after the table (pk_account on PostgreSQL and H2) must
   * not stop it, and the history says it ran.
   */
  @Test
  void aTableRenamedToItsNameInAnotherCaseAndBack() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("case")) {
      step(p, db, "Account", "@Table(name = \"Account\") public class Account { @Id long id; @Column(name = \"Owner\") String owner; }",
          "Card", "@Table public class Card { @Id long id; @ForeignKey(Account.class) Long accountId; }");
      exec(db, "INSERT INTO \"Account\" (id, \"Owner\") VALUES (1, 'ann')");
      exec(db, "INSERT INTO card (id, account_id) VALUES (5, 1)");
      Migrator m = step(p, db, "Account", "@Table(name = \"account\") @RenamedFrom(\"Account\") public class Account { @Id long id;"
          + " @Column(name = \"owner\") @RenamedFrom(\"Owner\") String owner; }");
      assertEquals(2, m.latestVersion());
      assertEquals(2, m.status(db).currentVersion(), "the history says the renames ran");
      assertTrue(ChangeKindsContract.tables(db).contains("account"), ChangeKindsContract.tables(db).toString());
      assertFalse(ChangeKindsContract.tables(db).contains("Account"), ChangeKindsContract.tables(db).toString());
      assertEquals(new java.util.TreeSet<>(List.of("id", "owner")), ChangeKindsContract.columns(db, "account"));
      assertEquals(List.of("5|ann"), strings(db, "SELECT c.id || '|' || a.owner FROM card c JOIN account a ON a.id = c.account_id"));
      m.migrateTo(db, 1);
      assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());
      assertTrue(ChangeKindsContract.tables(db).contains("Account"), ChangeKindsContract.tables(db).toString());
      assertEquals(List.of("ann"), strings(db, "SELECT \"Owner\" FROM \"Account\""));
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
      assertEquals(List.of("10|p1"), strings(db, "SELECT id || '|' || person_code FROM account"));
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

  /**
   * An index's name comes from its table and columns: renaming either renames the index (a unique
   * one a foreign key references included) instead of dropping and building it again, and back.
   */
  @Test
  void indexesAreRenamedWithTheirColumnAndTableAndBack() throws Exception {
    Project p = new Project(dir.resolve("p"));
    try (Connection db = newDatabase("renameindex")) {
      step(p, db, "Book", "@Index(columns = \"title\")\n@Table public class Book { @Id long id; "
              + "@Column(unique = true, nullable = false) String code; String title; }",
          "Loan", "@Table public class Loan { @Id long id; @ForeignKey(value = Book.class, column = \"code\") String bookCode; }");
      exec(db, "INSERT INTO book (id, code, title) VALUES (1, 'c1', 'Emma'), (2, 'c2', 'Ulysses')");
      exec(db, "INSERT INTO loan (id, book_code) VALUES (10, 'c2')");
      String unique = indexIdentity(db, "ux_book_code");
      String plain = indexIdentity(db, "ix_book_title");

      Migrator m = step(p, db, "Book", "@Index(columns = \"name\")\n@Table public class Book { @Id long id; "
              + "@Column(unique = true, nullable = false) @RenamedFrom(\"code\") String isbn; @RenamedFrom(\"title\") String name; }",
          "Loan", "@Table public class Loan { @Id long id; @ForeignKey(value = Book.class, column = \"isbn\") String bookCode; }");
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("renameIndex(\"book\", \"ix_book_title\", \"ix_book_name\")")
          && v2.contains("renameIndex(\"book\", \"ux_book_code\", \"ux_book_isbn\")") && !v2.contains("dropIndex("), v2);
      assertEquals(List.of("ix_book_name", "ux_book_isbn (unique)"), ChangeKindsContract.indexes(db, "book"));
      assertEquals(unique, indexIdentity(db, "ux_book_isbn"), "renamed, not built again");
      assertEquals(plain, indexIdentity(db, "ix_book_name"), "renamed, not built again");

      p.delete("com/acme/model/Book.java");
      m = step(p, db, "Volume", "@Index(columns = \"name\")\n@Table @RenamedFrom(\"book\") public class Volume { "
              + "@Id long id; @Column(unique = true, nullable = false) String isbn; String name; }",
          "Loan", "@Table public class Loan { @Id long id; @ForeignKey(value = Volume.class, column = \"isbn\") String bookCode; }");
      assertEquals(List.of("ix_volume_name", "ux_volume_isbn (unique)"), ChangeKindsContract.indexes(db, "volume"));
      assertEquals(unique, indexIdentity(db, "ux_volume_isbn"), "renamed, not built again");
      assertEquals(List.of("book_code->volume.isbn"), ChangeKindsContract.foreignKeys(db, "loan"));
      enforceForeignKeys(db);
      assertThrows(SQLException.class, () -> exec(db, "INSERT INTO loan (id, book_code) VALUES (11, 'none')"),
          "the key still rests on the renamed unique index");
      assertThrows(SQLException.class, () -> exec(db, "INSERT INTO volume (id, isbn) VALUES (3, 'c1')"),
          "the renamed index is still unique");
      assertEquals(List.of("1|c1|Emma", "2|c2|Ulysses"), strings(db, "SELECT id || '|' || isbn || '|' || name FROM volume ORDER BY id"));

      m.migrateTo(db, 1);
      assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());
      assertEquals(List.of("ix_book_title", "ux_book_code (unique)"), ChangeKindsContract.indexes(db, "book"));
      assertEquals(unique, indexIdentity(db, "ux_book_code"), "renamed back, not built again");
      assertEquals(List.of("1|c1|Emma", "2|c2|Ulysses"), strings(db, "SELECT id || '|' || code || '|' || title FROM book ORDER BY id"));
      assertEquals(List.of("10|c2"), strings(db, "SELECT id || '|' || book_code FROM loan"));
    }
  }

  /** What identifies an index's storage (PostgreSQL: its oid and relfilenode), or null where not read. */
  String indexIdentity(Connection db, String index) throws SQLException {
    return null;
  }

  /** SQLite checks foreign keys only when asked; the migrator restores the connection's setting. */
  void enforceForeignKeys(Connection db) throws SQLException {}
}
