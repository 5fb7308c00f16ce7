package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cannot run online on the target dialects is a javac warning at the field (or class) it
 * comes from, naming the cost on each target; {@code @Offline} acknowledges it, a left-over one is
 * flagged, and {@code -Ajmigrate.online=strict} makes the warnings errors.
 */
class OnlineWarningsTest {
  static final String PKG = "com.acme.migrations";
  static final String FILE = "com/acme/model/User.java";

  @TempDir Path dir;

  /** User.java with the class annotations on line 3, the class on line 4, {@code id} on 5 and the fields from line 6. */
  static String user(String classAnnotations, String... fields) {
    return "package com.acme.model;\nimport io.jmigrate.*;\n" + classAnnotations + "\n@Table(name = \"user\") public class User {\n"
        + "  @Id long id;\n" + String.join("\n", fields) + "\n}\n";
  }

  Project project(String... fields) throws Exception {
    Project p = new Project(dir).write(FILE, user("", fields));
    p.build().assertOk();
    return p;
  }

  static List<Diagnostic<? extends JavaFileObject>> online(Project.Result r, Diagnostic.Kind kind) {
    return r.diagnostics().stream().filter(d -> d.getKind() == kind)
        .filter(d -> d.getMessage(Locale.ROOT).contains("Online alternative")).toList();
  }

  static Diagnostic<? extends JavaFileObject> onlyWarning(Project.Result r) {
    List<Diagnostic<? extends JavaFileObject>> w = online(r, Diagnostic.Kind.WARNING);
    assertEquals(1, w.size(), r.diagnostics().toString());
    return w.get(0);
  }

  static void assertAt(Diagnostic<? extends JavaFileObject> d, long line) {
    assertTrue(d.getSource().getName().endsWith("User.java"), d.getSource().getName());
    assertEquals(line, d.getLineNumber(), d.getMessage(Locale.ROOT));
  }

  static void assertContains(String message, String... fragments) {
    for (String f : fragments) {
      assertTrue(message.contains(f), "expected \"" + f + "\" in:\n" + message);
    }
  }

  @Test
  void aTypeChangeThatRewritesTheTableWarnsAtTheFieldWithTheCostOnEveryDialect() throws Exception {
    Project p = project("  int views;");
    p.write(FILE, user("", "  long views;"));
    Project.Result r = p.build().assertOk();
    Diagnostic<? extends JavaFileObject> w = onlyWarning(r);
    assertAt(w, 6);
    assertContains(w.getMessage(Locale.ROOT),
        "changing user.views from INTEGER to BIGINT cannot run online",
        "on PostgreSQL it rewrites the table and its indexes while reads and writes wait (ACCESS EXCLUSIVE lock)",
        "on MariaDB it copies the table (ALGORITHM=COPY) while writes wait",
        "on SQLite it rebuilds the table (copies every row and rebuilds its indexes)",
        "Online alternative: add a new column, fill it in batches",
        "docs/production.md, \"What jmigrate warns about at compile time\"",
        "put @Offline(\"why\") on the field");
    assertEquals(2, p.migrations(PKG).size(), "a warning: the migration is written");
  }

  private int projects;

  /** A fresh project with {@code before}, changed to {@code after} and built with these options. */
  Project.Result change(String before, String after, String... options) throws Exception {
    Project p = new Project(dir.resolve("p" + (++projects))).write(FILE, user("", before));
    p.build().assertOk();
    return p.write(FILE, user("", after)).build(options).assertOk();
  }

  @Test
  void theTargetDialectsDecideWhatIsNamedAndWhetherItWarnsAtAll() throws Exception {
    String from = "  @Column(length = 20) String name;";
    String to = "  @Column(length = 40) String name;";
    // A longer VARCHAR is binary coercible on PostgreSQL: the catalog only, nothing to warn about.
    assertEquals(List.of(), online(change(from, to, "-Ajmigrate.dialects=postgresql"), Diagnostic.Kind.WARNING));
    // MariaDB: 20 and 40 characters of utf8mb4 both take a one-byte length (up to 255 bytes): INSTANT.
    assertEquals(List.of(), online(change(from, to, "-Ajmigrate.dialects=mariadb"), Diagnostic.Kind.WARNING));
    assertEquals(List.of(), online(change(from, to, "-Ajmigrate.dialects=h2"), Diagnostic.Kind.WARNING));
    // SQLite rebuilds the table for any column change; the message names only the targets.
    String m = onlyWarning(change(from, to, "-Ajmigrate.dialects=postgresql,sqlite")).getMessage(Locale.ROOT);
    assertContains(m, "changing user.name from STRING(20) to STRING(40) cannot run online",
        "on PostgreSQL it changes only the catalog (the old type is binary coercible to the new one)",
        "on SQLite it rebuilds the table");
    assertFalse(m.contains("MariaDB"), m);
    // 40 → 100 characters crosses 255 bytes: MariaDB copies the table.
    assertContains(onlyWarning(change(to, "  @Column(length = 100) String name;", "-Ajmigrate.dialects=mariadb"))
        .getMessage(Locale.ROOT), "on MariaDB it copies the table (ALGORITHM=COPY)");
  }

  @Test
  void aNewColumnWithAVolatileDefaultWarnsOnPostgresqlAndAStableOneDoesNot() throws Exception {
    Project p = project("  String name;");
    p.write(FILE, user("", "  String name;", "  @Column(defaultSql = \"now()\") java.time.Instant seen;"));
    assertEquals(List.of(), online(p.build("-Ajmigrate.dialects=postgresql").assertOk(), Diagnostic.Kind.WARNING),
        "now() is STABLE: evaluated once, kept in the catalog");
    p.write(FILE, user("", "  String name;", "  @Column(defaultSql = \"now()\") java.time.Instant seen;",
        "  @Column(nullable = false, defaultSql = \"random()\") double score;"));
    Diagnostic<? extends JavaFileObject> w = onlyWarning(p.build("-Ajmigrate.dialects=postgresql").assertOk());
    assertAt(w, 8);
    assertContains(w.getMessage(Locale.ROOT), "adding the column user.score with the default random() cannot run online",
        "on PostgreSQL it rewrites the table and its indexes while reads and writes wait (ACCESS EXCLUSIVE lock), to "
            + "store the default random() in every row");
  }

  @Test
  void makingAColumnNotNullWarnsAndOfflineOnTheFieldAcknowledgesItUntilItIsLeftOver() throws Exception {
    Project p = project("  Integer age;");
    p.write(FILE, user("", "  @Column(nullable = false, defaultValue = \"0\") Integer age;"));
    Project.Result r = p.build("-Ajmigrate.dialects=postgresql,mariadb");
    Diagnostic<? extends JavaFileObject> w = onlyWarning(r.assertOk());
    assertAt(w, 6);
    assertContains(w.getMessage(Locale.ROOT), "changing user.age to NOT NULL cannot run online",
        "on PostgreSQL it fills the NULLs with an UPDATE of those rows and scans every row to prove NOT NULL",
        "on MariaDB it fills the NULLs with one UPDATE, during which writes to the table wait (InnoDB locks every row "
            + "it scans), then rebuilds the table (ALGORITHM=INPLACE: writes go on while every row is copied and every "
            + "index rebuilt, then wait while the writes made meanwhile are applied)");

    // Acknowledged instead (the migration of the build above is deleted, so the change is made again).
    Project q = new Project(dir.resolve("q")).write(FILE, user("", "  Integer age;"));
    q.build().assertOk();
    q.write(FILE, user("", "  @Offline(\"user has 200 rows\") @Column(nullable = false, defaultValue = \"0\") Integer age;"));
    Project.Result ok = q.build().assertOk();
    assertEquals(List.of(), ok.warnings());
    assertEquals(2, q.migrations(PKG).size());
    // Built again, nothing changes and the acknowledgment is left over: flagged at the annotation.
    Project.Result again = q.build().assertOk();
    assertEquals(1, again.warnings().size(), again.warnings().toString());
    Diagnostic<? extends JavaFileObject> left = again.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING).findFirst().orElseThrow();
    assertAt(left, 6);
    assertContains(left.getMessage(Locale.ROOT), "@Offline acknowledges nothing in this build (no change of user.age needs "
        + "it); remove it");
  }

  @Test
  void droppingAColumnBreaksTheRunningCodeAndIsAcknowledgedOnTheClass() throws Exception {
    Project p = project("  String nickname;", "  String bio;");
    p.write(FILE, user("@Drop(columns = \"nickname\")", "  String bio;"));
    Project.Result r = p.build("-Ajmigrate.dialects=postgresql").assertOk();
    Diagnostic<? extends JavaFileObject> w = onlyWarning(r);
    assertAt(w, 4);
    assertContains(w.getMessage(Locale.ROOT), "dropping the column user.nickname breaks the running code: during a "
        + "rolling deploy, instances of the previous build still read and write nickname and fail once it is gone",
        "release a build whose code no longer reads or writes the column first",
        "once no running code uses it, put @Offline(\"why\") on the class");
    assertFalse(w.getMessage(Locale.ROOT).contains("also"), "PostgreSQL only hides the column: no cost to name");

    Project q = new Project(dir.resolve("q")).write(FILE, user("", "  String nickname;", "  String bio;"));
    q.build().assertOk();
    q.write(FILE, user("@Drop(columns = \"nickname\") @Offline(\"unread since release 4.2\")", "  String bio;"));
    Project.Result ok = q.build("-Ajmigrate.dialects=sqlite").assertOk();
    assertEquals(List.of(), ok.warnings(), "acknowledged, and SQLite's DROP COLUMN rewrite with it");
  }

  @Test
  void droppingATableIsFlaggedAtTheDropAndAcknowledgedOnTheClassThatCarriesIt() throws Exception {
    Project p = project("  String name;");
    p.write("com/acme/model/Tag.java", "package com.acme.model;\nimport io.jmigrate.*;\n@Table public class Tag { @Id String name; }\n");
    p.build().assertOk();
    p.delete("com/acme/model/Tag.java");
    p.write(FILE, user("@Drop(tables = \"tag\")", "  String name;"));
    Diagnostic<? extends JavaFileObject> w = onlyWarning(p.build().assertOk());
    assertAt(w, 4);
    assertContains(w.getMessage(Locale.ROOT), "dropping the table tag breaks the running code",
        "put @Offline(\"why\") on the class with @Drop(tables = \"tag\")");

    Project q = new Project(dir.resolve("q")).write(FILE, user("", "  String name;"))
        .write("com/acme/model/Tag.java", "package com.acme.model;\nimport io.jmigrate.*;\n@Table public class Tag { @Id String name; }\n");
    q.build().assertOk();
    q.delete("com/acme/model/Tag.java");
    q.write(FILE, user("@Drop(tables = \"tag\") @Offline(\"tag is unused since 3.0\")", "  String name;"));
    assertEquals(List.of(), q.build().assertOk().warnings());
  }

  @Test
  void anIndexOnAnUnboundedStringConvertsItOnMariadbAndWarnsAtTheUniqueField() throws Exception {
    Diagnostic<? extends JavaFileObject> w = onlyWarning(change("  String email;", "  @Column(unique = true) String email;",
        "-Ajmigrate.dialects=mariadb,postgresql"));
    assertAt(w, 6);
    assertContains(w.getMessage(Locale.ROOT), "adding the index ux_user_email on user [email] cannot run online",
        "on PostgreSQL it builds the index CONCURRENTLY, while writes go on",
        "on MariaDB it converts the unbounded string column email from TEXT to VARCHAR(255), which copies the table "
            + "(ALGORITHM=COPY) while writes wait (give the field a length to avoid it)");
    assertEquals(List.of(), online(change("  @Column(length = 200) String email;",
        "  @Column(length = 200, unique = true) String email;", "-Ajmigrate.dialects=mariadb,postgresql"),
        Diagnostic.Kind.WARNING), "with a length, an index is built online on both");
  }

  @Test
  void aRenameBreaksTheRunningCode() throws Exception {
    Project p = project("  String title;");
    p.write(FILE, user("", "  @RenamedFrom(\"title\") String heading;"));
    Diagnostic<? extends JavaFileObject> w = onlyWarning(p.build().assertOk());
    assertAt(w, 6);
    assertContains(w.getMessage(Locale.ROOT), "renaming the column user.title to user.heading breaks the running code",
        "use the name title", "add the new column, write to both, backfill it, switch reads, then drop the old column");
  }

  @Test
  void strictModeMakesThemErrorsAndWritesNothingUntilAcknowledged() throws Exception {
    Project p = project("  int views;");
    String snapshot = p.snapshotText();
    p.write(FILE, user("", "  long views;"));
    Project.Result r = p.build("-Ajmigrate.online=strict");
    assertFalse(r.ok());
    List<Diagnostic<? extends JavaFileObject>> errors = online(r, Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), r.diagnostics().toString());
    assertAt(errors.get(0), 6);
    assertContains(errors.get(0).getMessage(Locale.ROOT), "changing user.views from INTEGER to BIGINT cannot run online");
    assertEquals(1, p.migrations(PKG).size(), "nothing is written");
    assertEquals(snapshot, p.snapshotText());

    p.write(FILE, user("", "  @Offline(\"in the Sunday window\") long views;"));
    assertEquals(List.of(), p.build("-Ajmigrate.online=strict").assertOk().warnings());
    assertEquals(2, p.migrations(PKG).size());
  }

  @Test
  void offModeChecksNothingAndAnUnknownModeIsAnError() throws Exception {
    Project p = project("  int views;");
    p.write(FILE, user("", "  long views;"));
    Project.Result bad = p.build("-Ajmigrate.online=loud");
    assertFalse(bad.ok());
    assertContains(String.join("\n", bad.errors()), "-Ajmigrate.online=loud is not a mode; the modes are warn (the "
        + "default), strict and off");
    assertEquals(List.of(), p.build("-Ajmigrate.online=off").assertOk().warnings());
  }

  @Test
  void anOfflineWithoutAReasonIsAnError() throws Exception {
    Project p = project("  int views;");
    p.write(FILE, user("", "  @Offline(\" \") long views;"));
    Project.Result r = p.build();
    assertFalse(r.ok());
    assertContains(String.join("\n", r.errors()), "@Offline needs a reason");
  }
  /**
   * A reference cycle's foreign key is added by {@code alter table} once both tables exist: in the migration that
   * creates them, the table is new and empty and nobody writes to it yet, so nothing is checked (on MariaDB it would
   * otherwise be "ALGORITHM=COPY", and in strict mode no first migration could be written). The same key added to a
   * table of an earlier migration is still checked.
   */
  @Test
  void aStepOnATableCreatedInTheSameMigrationIsNotCheckedEvenInStrictMode() throws Exception {
    String a = "package com.acme.model;\nimport jakarta.persistence.*;\n"
        + "@Entity @Table(name = \"a\") public class A { @Id Long id; @ManyToOne B b; }\n";
    String b = "package com.acme.model;\nimport jakarta.persistence.*;\n"
        + "@Entity @Table(name = \"b\") public class B { @Id Long id; @ManyToOne A a; }\n";
    Project p = new Project(dir.resolve("cycle")).write("com/acme/model/A.java", a).write("com/acme/model/B.java", b);
    Project.Result r = p.build("-Ajmigrate.dialects=mariadb", "-Ajmigrate.online=strict").assertOk();
    assertEquals(List.of(), r.warnings());
    String first = p.migrations(PKG).firstEntry().getValue();
    assertTrue(first.contains("addForeignKey("), "the cycle is closed by a foreign key added after both tables:\n" + first);

    // A later migration: the new table c is created with its key inline, the key added to the existing a is checked.
    p.write("com/acme/model/C.java", "package com.acme.model;\nimport jakarta.persistence.*;\n"
        + "@Entity @Table(name = \"c\") public class C { @Id Long id; @ManyToOne A a; }\n");
    p.write("com/acme/model/A.java", a.replace("@ManyToOne B b;", "@ManyToOne B b; @ManyToOne C c;"));
    Project.Result later = p.build("-Ajmigrate.dialects=mariadb", "-Ajmigrate.online=strict");
    assertFalse(later.ok());
    assertContains(String.join("\n", later.errors()), "adding the foreign key", "a [c_id] → c [id] cannot run online",
        "on MariaDB it copies the table (ALGORITHM=COPY)");
  }
}
