package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of schema change a model edit can make, one build after another with the real
 * processor, applied to one real database that holds rows: after each step the schema is what
 * the models say and every row and value survived. At the end the database migrated step by
 * step must equal a fresh one created from the last models alone, and migrating back to each
 * earlier version must give that version's schema again. Run on each dialect by a subclass.
 */
abstract class ChangeKindsContract {
  @TempDir Path dir;

  /** A new, empty database of the dialect under test. */
  abstract Connection newDatabase(String name) throws Exception;

  /** The user tables as the database's own catalog describes them. */
  abstract String catalog(Connection c) throws SQLException;

  record Step(String name, Map<String, String> files, Check check) {}

  interface Check {
    void run(Connection c) throws Exception;
  }

  static final String IMPORTS = "package com.acme.model;\nimport io.jmigrate.*;\nimport java.math.BigDecimal;\n";

  static String author(String annotations, String nameColumn) {
    return IMPORTS + annotations + "\n@Table public class Author {\n  @Id(generated = true) long id;\n  "
        + nameColumn + " String name;\n}\n";
  }

  static String tag(String id) {
    return IMPORTS + "@Table public record Tag(@Id String name, " + id
        + "@Column(nullable = false, defaultValue = \"plain\") String kind) {}\n";
  }

  List<Step> steps() {
    String author1 = author("", "@Column(length = 100, nullable = false)");
    String book1 = IMPORTS + """
        @Table public class Book {
          @Id(generated = true) long id;
          @ForeignKey(Author.class) long authorId;
          String title;
          Integer pages;
          @Column(precision = 10, scale = 2) BigDecimal price;
        }
        """;
    String book2 = book1.replace("BigDecimal price;", "BigDecimal price;\n  String isbn;\n  @Column(defaultValue = \"1\") int edition;");
    String book3 = book2.replace("String title;", "@RenamedFrom(\"title\") String heading;");
    String volume4 = book3.replace("@Table public class Book", "@Table @RenamedFrom(\"book\") public class Volume");
    String volume5 = volume4.replace("Integer pages;", "Long pages;")
        .replace("@Column(precision = 10, scale = 2) BigDecimal price;",
            "@Column(precision = 12, scale = 2, nullable = false, defaultValue = \"0\") BigDecimal price;");
    String author5 = author("", "@Column(length = 200, nullable = false)");
    String volume6 = volume5.replace("@Column(defaultValue = \"1\") int edition;", "@Column(defaultValue = \"2\") int edition;");
    String volume7 = volume6
        .replace("@Table @RenamedFrom", "@Index(columns = \"heading\")\n@Index(columns = {\"author_id\", \"heading\"}, unique = true)\n@Table @RenamedFrom")
        .replace("String isbn;", "@Column(unique = true) String isbn;");
    String volume8 = volume7.replace("@Index(columns = \"heading\")\n", "")
        .replace("@ForeignKey(Author.class)", "@ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE)");
    String volume9 = volume8.replace("  @Column(unique = true) String isbn;\n", "").replace("@Table @RenamedFrom", "@Drop(columns = \"isbn\")\n@Table @RenamedFrom");
    String volume10 = volume9.replace("@ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId;",
        "long authorId;\n  @ForeignKey(Author.class) Long editorId;");
    String review10 = IMPORTS + """
        @Table public record Review(@Id(generated = true) long id, @ForeignKey(Volume.class) long volumeId, String text) {}
        """;

    List<Step> steps = new ArrayList<>();
    steps.add(new Step("create tables with a foreign key", files("Author", author1, "Book", book1, "Tag", tag("")), c -> {
      assertEquals(List.of("id"), primaryKey(c, "book"));
      assertEquals(List.of("author_id->author.id"), foreignKeys(c, "book"));
      exec(c, "INSERT INTO author (name) VALUES ('Ann'), ('Bob')");
      exec(c, "INSERT INTO book (author_id, title, pages, price) VALUES (1, 'A', 10, 9.99), (1, 'B', NULL, NULL), (2, 'C', 30, 5)");
      exec(c, "INSERT INTO tag (name, kind) VALUES ('x', 'plain'), ('y', 'fancy')");
    }));
    steps.add(new Step("add columns, one NOT NULL with a default", files("Book", book2), c -> {
      assertEquals(List.of("1|null", "1|null", "1|null"), strings(c, "SELECT edition || '|' || coalesce(isbn, 'null') FROM book ORDER BY id"));
      assertTrue(notNull(c, "book", "edition"));
    }));
    steps.add(new Step("rename a column", files("Book", book3), c -> {
      assertEquals(List.of("A", "B", "C"), strings(c, "SELECT heading FROM book ORDER BY id"));
      assertFalse(columns(c, "book").contains("title"));
    }));
    steps.add(new Step("rename a table", files("-Book", "", "Volume", volume4), c -> {
      assertEquals(List.of("A", "B", "C"), strings(c, "SELECT heading FROM volume ORDER BY id"));
      assertEquals(List.of("author_id->author.id"), foreignKeys(c, "volume"));
    }));
    steps.add(new Step("change type, length, precision and nullability", files("Volume", volume5, "Author", author5), c -> {
      assertEquals(List.of("10", "null", "30"), strings(c, "SELECT coalesce(pages || '', 'null') FROM volume ORDER BY id"));
      assertEquals(List.of(0.0), List.of(number(c, "SELECT price FROM volume WHERE heading = 'B'")), "NULLs took the default");
      assertEquals(9.99, number(c, "SELECT price FROM volume WHERE heading = 'A'"), 1e-9);
      assertTrue(notNull(c, "volume", "price"));
      assertEquals(List.of("Ann", "Bob"), strings(c, "SELECT name FROM author ORDER BY id"));
    }));
    steps.add(new Step("change a default", files("Volume", volume6), c -> {
      exec(c, "INSERT INTO volume (author_id, heading) VALUES (2, 'D')");
      assertEquals(List.of("1", "1", "1", "2"), strings(c, "SELECT edition || '' FROM volume ORDER BY id"));
    }));
    steps.add(new Step("add single, multi-column and unique indexes", files("Volume", volume7), c -> {
      assertEquals(List.of("ix_volume_heading", "ux_volume_author_id_heading (unique)", "ux_volume_isbn (unique)"),
          indexes(c, "volume"));
    }));
    steps.add(new Step("drop an index, change a foreign key's action", files("Volume", volume8), c -> {
      assertEquals(List.of("ux_volume_author_id_heading (unique)", "ux_volume_isbn (unique)"), indexes(c, "volume"));
      exec(c, "DELETE FROM author WHERE id = 2");
      assertEquals(List.of("A", "B"), strings(c, "SELECT heading FROM volume ORDER BY id"), "ON DELETE CASCADE");
    }));
    steps.add(new Step("drop a column, change a primary key to composite", files("Volume", volume9, "Tag", tag("@Id ")), c -> {
      assertFalse(columns(c, "volume").contains("isbn"));
      assertEquals(List.of("name", "kind"), primaryKey(c, "tag"));
      assertEquals(List.of("x|plain", "y|fancy"), strings(c, "SELECT name || '|' || kind FROM tag ORDER BY name"));
    }));
    steps.add(new Step("drop and add foreign keys, create and drop tables",
        files("-Tag", "", "Volume", volume10, "Review", review10, "Author", author("@Drop(tables = \"tag\")", "@Column(length = 200, nullable = false)")), c -> {
      assertEquals(List.of("editor_id->author.id"), foreignKeys(c, "volume"));
      assertEquals(List.of("volume_id->volume.id"), foreignKeys(c, "review"));
      assertFalse(tables(c).contains("tag"));
      assertEquals(List.of("A", "B"), strings(c, "SELECT heading FROM volume ORDER BY id"));
    }));
    String volume11 = volume10.replace("@RenamedFrom(\"title\") String heading;", "@RenamedFrom(\"heading\") String subject;")
        .replace("{\"author_id\", \"heading\"}", "{\"author_id\", \"subject\"}");
    steps.add(new Step("rename an indexed column: its index is renamed", files("Volume", volume11), c -> {
      assertEquals(List.of("ux_volume_author_id_subject (unique)"), indexes(c, "volume"));
      assertEquals(List.of("A", "B"), strings(c, "SELECT subject FROM volume ORDER BY id"));
    }));
    String volume12 = volume11.replace("@Table @RenamedFrom", "@Sequence(name = \"volume_numbers\", start = 10, increment = 5)\n@Table @RenamedFrom");
    long[] taken = new long[1];
    steps.add(new Step("create a sequence", files("Volume", volume12), c -> {
      taken[0] = nextValue(c, "volume_numbers");
      assertEquals(10, taken[0]);
      assertTrue(nextValue(c, "volume_numbers") > taken[0]);
      taken[0] = nextValue(c, "volume_numbers");
    }));
    String volume13 = volume12.replace("@Sequence(name = \"volume_numbers\", start = 10, increment = 5)",
        "@Sequence(name = \"volume_ids\", renamedFrom = \"volume_numbers\", start = 20, increment = 7)");
    steps.add(new Step("rename a sequence, change its start and increment: it keeps counting", files("Volume", volume13), c -> {
      assertTrue(nextValue(c, "volume_ids") > taken[0], "no number is handed out twice");
    }));
    steps.add(new Step("drop a sequence", files("Volume", volume11), c -> {
      // validate, after every step, says the sequence is gone (it lists a sequence the migrations do not have)
    }));
    String volume15 = volume11.replace("@Table @RenamedFrom", "@Table(comment = \"the books we hold\") @RenamedFrom");
    steps.add(new Step("comment a table: its rows stay", files("Volume", volume15), c -> {
      // validate, after every step, compares the comment where the database keeps one
      assertEquals(List.of("A", "B"), strings(c, "SELECT subject FROM volume ORDER BY id"));
    }));
    return steps;
  }

  @Test
  void everyChangeKeepsRowsAndMatchesAFreshDatabaseBothWays() throws Exception {
    Project p = new Project(dir.resolve("steps"));
    Migrator migrator = null;
    Map<String, String> finalFiles = new LinkedHashMap<>();
    try (Connection db = newDatabase("steps")) {
      for (Step step : steps()) {
        for (Map.Entry<String, String> f : step.files().entrySet()) {
          String path = "com/acme/model/" + f.getKey().replace("-", "") + ".java";
          if (f.getKey().startsWith("-")) {
            p.delete(path);
            finalFiles.remove(path);
          } else {
            p.write(path, f.getValue());
            finalFiles.put(path, f.getValue());
          }
        }
        Project.Result r = p.build();
        assertTrue(r.ok(), step.name() + ": " + r.errors());
        migrator = r.migrator();
        assertEquals(1, migrator.migrate(db).size(), step.name() + ": one migration per step");
        assertTrue(migrator.validate(db).isEmpty(), step.name() + ": " + migrator.validate(db));
        try {
          step.check().run(db);
        } catch (AssertionError | Exception e) {
          throw new AssertionError(step.name() + ": " + e.getMessage() + "\n" + catalog(db), e);
        }
      }

      Project fresh = new Project(dir.resolve("fresh"));
      for (Map.Entry<String, String> f : finalFiles.entrySet()) {
        fresh.write(f.getKey(), f.getValue());
      }
      try (Connection other = newDatabase("fresh")) {
        fresh.build().assertOk().migrator().migrate(other);
        assertEquals(catalog(other), catalog(db), "step by step = fresh from the last models");
      }

      for (int v = migrator.latestVersion() - 1; v >= 0; v--) {
        migrator.migrateTo(db, v);
        try (Connection other = newDatabase("v" + v)) {
          migrator.migrateTo(other, v);
          assertEquals(catalog(other), catalog(db), "migrated back to version " + v);
        }
      }
      assertEquals(List.of(), tables(db));
    }
  }

  /**
   * Takes the sequence's next value as an application does: {@code nextval} on PostgreSQL, {@code NEXT VALUE FOR}
   * on H2 and MariaDB, and on SQLite (a one-row table) reads {@code next_val} and moves it on, as Hibernate does.
   */
  static long nextValue(Connection c, String sequence) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
    if (product.contains("sqlite")) {
      long v = (long) number(c, "SELECT next_val FROM \"" + sequence + "\"");
      exec(c, "UPDATE \"" + sequence + "\" SET next_val = next_val + 1");
      return v;
    }
    return (long) number(c, product.contains("postgres") ? "SELECT nextval('\"" + sequence + "\"')"
        : product.contains("h2") ? "SELECT NEXT VALUE FOR \"" + sequence + "\"" : "SELECT NEXT VALUE FOR `" + sequence + "`");
  }

  /**
   * Text that quoting gets wrong: a trailing backslash, backslash sequences and quotes, emoji and
   * letters beyond ASCII, and text that looks binary (escapes written out, a tab, a control character).
   */
  static final List<String> AWKWARD = List.of("C:\\", "it's \"quoted\" \\' \\n \\\\", "\uD83D\uDE00 \u00fcn\u00ef",
      "\\x00\\xff 0x1F %_\t\u0001", "\\");

  /** {@code s} as a Java string literal in a model's source. */
  static String javaString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '\\' || ch == '"') {
        out.append('\\').append(ch);
      } else if (ch == '\t') {
        out.append("\\t");
      } else if (ch < 0x20 || ch > 0x7e) {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }

  /**
   * The awkward texts as defaults of a1…a5 (a1 NOT NULL from the second build on), the second
   * again on the unbounded a6 (TEXT on MariaDB, whose default the server keeps as an expression and
   * in 3-byte UTF-8, so no emoji there), and body for hand-written rows.
   */
  static String note(boolean second) {
    StringBuilder s = new StringBuilder(IMPORTS + "@Table public class Note {\n  @Id long id;\n");
    for (int i = 0; i < AWKWARD.size(); i++) {
      s.append("  @Column(length = 100, ").append(i == 0 && second ? "nullable = false, " : "").append("defaultValue = ")
          .append(javaString(AWKWARD.get(i))).append(") String a").append(i + 1).append(";\n");
    }
    s.append("  @Column(defaultValue = ").append(javaString(AWKWARD.get(1))).append(") String a6;\n");
    return s.append(second ? "  String body;\n}\n" : "  @Column(length = 200) String body;\n}\n").toString();
  }

  /** Inserts row {@code id} with no values: the defaults of a1…a6 as stored. */
  static List<String> defaultsOf(Connection db, long id) throws SQLException {
    exec(db, "INSERT INTO note (id) VALUES (" + id + ")");
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      out.addAll(strings(db, "SELECT a" + i + " FROM note WHERE id = " + id));
    }
    return out;
  }

  static final List<String> DEFAULTS = java.util.stream.Stream.concat(AWKWARD.stream(), java.util.stream.Stream.of(AWKWARD.get(1)))
      .toList();

  /**
   * Defaults with backslashes, quotes, emoji and binary-looking text are stored exactly (MariaDB
   * read backslashes as escapes: 'C:\' was a syntax error), through a NOT NULL fill and a change
   * that restates or rebuilds the table, and back; rows written by hand keep every character.
   */
  @Test
  void awkwardTextInDefaultsAndRowsRoundTripsExactly() throws Exception {
    try (Connection db = newDatabase("literals")) {
      awkwardTextRoundTrips(db);
    }
  }

  void awkwardTextRoundTrips(Connection db) throws Exception {
    Project p = new Project(dir.resolve("literals"));
    p.write("com/acme/model/Note.java", note(false));
    Migrator m = p.build().assertOk().migrator();
    m.migrate(db);
    assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());
    assertEquals(DEFAULTS, defaultsOf(db, 1));
    try (var ps = db.prepareStatement("INSERT INTO note (id, a1, body) VALUES (?, NULL, ?)")) {
      for (int i = 0; i < AWKWARD.size(); i++) {
        ps.setLong(1, 100 + i);
        ps.setString(2, AWKWARD.get(i));
        ps.executeUpdate();
      }
    }
    p.write("com/acme/model/Note.java", note(true));
    m = p.build().assertOk().migrator();
    m.migrate(db);
    assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());
    assertEquals(AWKWARD, strings(db, "SELECT body FROM note WHERE id >= 100 ORDER BY id"));
    assertEquals(List.of(AWKWARD.get(0)), strings(db, "SELECT DISTINCT a1 FROM note WHERE id >= 100"), "NULLs took the default");
    assertEquals(DEFAULTS, defaultsOf(db, 2));
    m.migrateTo(db, 1);
    assertTrue(m.validate(db).isEmpty(), m.validate(db).toString());
    assertEquals(DEFAULTS, defaultsOf(db, 3));
    assertEquals(AWKWARD, strings(db, "SELECT body FROM note WHERE id >= 100 ORDER BY id"));
  }

  static Map<String, String> files(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  // ---- reading the database through JDBC metadata, the same way on every dialect ----

  static double number(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  static List<String> tables(Connection c) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String t = rs.getString("TABLE_NAME");
        if (!t.equals("jmigrate_history") && !t.startsWith("sqlite_")
            && !"INFORMATION_SCHEMA".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) { // H2 lists its own as tables
          out.add(t);
        }
      }
    }
    return List.copyOf(out);
  }

  static TreeSet<String> columns(Connection c, String table) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, "%")) {
      while (rs.next()) {
        out.add(rs.getString("COLUMN_NAME"));
      }
    }
    return out;
  }

  static boolean notNull(Connection c, String table, String column) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, column)) {
      assertTrue(rs.next(), "no column " + table + "." + column);
      return rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
    }
  }

  static List<String> primaryKey(Connection c, String table) throws SQLException {
    TreeMap<Integer, String> out = new TreeMap<>();
    try (ResultSet rs = c.getMetaData().getPrimaryKeys(c.getCatalog(), null, table)) {
      while (rs.next()) {
        out.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(out.values());
  }

  static List<String> foreignKeys(Connection c, String table) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (ResultSet rs = c.getMetaData().getImportedKeys(c.getCatalog(), null, table)) {
      while (rs.next()) {
        out.add(rs.getString("FKCOLUMN_NAME") + "->" + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME"));
      }
    }
    return List.copyOf(out);
  }

  /** Named indexes (ix_/ux_), with "(unique)" where they are. */
  static List<String> indexes(Connection c, String table) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (ResultSet rs = c.getMetaData().getIndexInfo(c.getCatalog(), null, table, false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name != null && (name.startsWith("ix_") || name.startsWith("ux_"))) {
          out.add(name + (rs.getBoolean("NON_UNIQUE") ? "" : " (unique)"));
        }
      }
    }
    return List.copyOf(out);
  }

  static Path file(Path dir, String name) throws Exception {
    return Files.createDirectories(dir).resolve(name);
  }
}
