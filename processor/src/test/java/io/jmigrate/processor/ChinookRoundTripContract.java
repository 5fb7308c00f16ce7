package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Drift;
import io.jmigrate.engine.Migrator;
import io.jmigrate.inspect.Inspection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting a database no one here wrote, as a new user would (issue 14): the Chinook sample
 * database, created from its own script with its data; {@code inspect} writes the models; the real
 * processor builds the first migration; {@code baseline 1}; {@code validate} finds no drift;
 * {@code migrate} has nothing to do. Then a model change (a new column, a renamed one, a new index,
 * a dropped foreign key) builds a second migration that applies to the real database, addressing
 * the database's own constraint names, and keeps every row. One subclass per database.
 */
abstract class ChinookRoundTripContract {
  @TempDir Path dir;

  /** A new, empty database. */
  abstract Connection newDatabase() throws Exception;

  /** {@code Chinook_Sqlite.sql.gz}, … in {@code src/test/resources/chinook}. */
  abstract String script();

  /** The script's statements that create or switch databases, which the test's own database replaces. */
  abstract boolean skip(String statement);

  /** The name of a table or column in this script's spelling: Chinook's SQLite and MySQL scripts are CamelCase. */
  abstract String name(String camelCase);

  /**
   * The constraint name Album's foreign key to Artist has in this database, which the drop must
   * address; null where the database chose it (then it is read from the catalog).
   */
  abstract String albumArtistForeignKey();

  /** Whether the database refuses a foreign key to a table that does not exist yet (H2). */
  boolean checksReferencesAtCreate() {
    return false;
  }

  /** A statement of the script as this database needs it. */
  String adapt(String statement) {
    return statement;
  }

  static final List<String> TABLES = List.of("Album", "Artist", "Customer", "Employee", "Genre", "Invoice",
      "InvoiceLine", "MediaType", "Playlist", "PlaylistTrack", "Track");

  @Test
  void inspectBuildBaselineValidateThenAModelChangeMigratesKeepingEveryRow() throws Exception {
    try (Connection db = newDatabase()) {
      load(db);
      Map<String, Long> rowsBefore = counts(db);
      String albumArtistKey = albumArtistForeignKey() != null ? albumArtistForeignKey() : foreignKeyNames(db, name("Album")).get(0);
      assertEquals(3503L, rowsBefore.get(name("Track")), "the script's data is there");

      Project p = new Project(dir.resolve("app"));
      Inspection inspection = Inspection.of(db, Set.of());
      assertEquals(TABLES.stream().map(this::name).sorted().toList(), inspection.tables().stream().sorted().toList());
      // MariaDB's NVARCHAR is utf8mb3 in a utf8mb4 table: inspect writes each such column's collation into the
      // model (@Column(collation = "utf8mb3_general_ci"), so a MODIFY COLUMN restates it); nothing is left out.
      assertEquals(List.of(), inspection.findings().stream().filter(f -> !keptCharset(f)).toList(), inspection.report());
      inspection.write(p.src, "com.acme.model");

      Project.Result first = p.build().assertOk();
      assertEquals(1, p.migrations("com.acme.migrations").size(),
          p.migrations("com.acme.migrations").keySet().toString());
      String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
      assertTrue(v1.contains(albumArtistKey), "the first migration keeps the database's key name:\n" + v1);

      Migrator m = first.migrator().withUnmanaged(inspection.unmanaged());
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift.toString());
      assertEquals(List.of(), m.migrate(db), "nothing to apply after the baseline");

      // The model change: a new column, a renamed one, a new index, a dropped foreign key.
      edit(p, "Artist", "\n}", "\n\n  String note;\n}");
      edit(p, "Genre", "@Column(name = \"Name\", length = 120", "@Column(length = 120"); // any collation stays
      edit(p, "Genre", "  String name;", "  @io.jmigrate.RenamedFrom(\"" + name("Name") + "\")\n  String label;");
      edit(p, "Track", "public class Track", "@Index(columns = \"" + name("Name") + "\")\npublic class Track");
      String album = Files.readString(model(p, "Album"));
      String withoutKey = album.replaceAll("\\n  @ForeignKey\\([^\\n]*\\)", "");
      assertFalse(withoutKey.equals(album), album);
      Files.writeString(model(p, "Album"), withoutKey);

      Project.Result second = p.build().assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("dropForeignKey(\"" + name("Album") + "\", \"" + albumArtistKey + "\")"), v2);
      assertTrue(v2.contains("renameColumn(\"" + name("Genre") + "\", \"" + name("Name") + "\", \"label\")"), v2);
      // A column renamed by the model keeps its charset: its collation is the model's (an older declaration of it
      // would follow the new name, as a user edits it).
      Migrator m2 = second.migrator().withUnmanaged(io.jmigrate.catalog.Unmanaged.parse(inspection.unmanaged().text()
          .replace("column " + name("Genre") + "." + name("Name") + ":", "column " + name("Genre") + ".label:")));
      assertEquals(1, m2.migrate(db).size());
      assertEquals(rowsBefore, counts(db), "every row kept");
      Drift after = m2.validate(db);
      assertTrue(after.isEmpty(), after.toString());
      assertEquals(List.of(), foreignKeys(db, name("Album")), "the key is gone from the database");
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quote(db, name("Genre")) + " WHERE label IS NOT NULL")) {
        rs.next();
        assertEquals(rowsBefore.get(name("Genre")), rs.getLong(1), "the renamed column kept its values");
      }
    }
  }

  /**
   * A column's own character set (MariaDB's NVARCHAR, utf8mb3, in a table whose default is utf8mb4) as inspect
   * reported it before column collations were modelled; none now (the JPA reader's round trip still filters it).
   */
  static boolean keptCharset(io.jmigrate.inspect.Finding f) {
    return f.what().startsWith("kept by the database, not in the model: collation (utf8mb3 ");
  }

  private static Path model(Project p, String cls) {
    return p.src.resolve("com/acme/model/" + cls + ".java");
  }

  private static void edit(Project p, String cls, String from, String to) throws IOException {
    String s = Files.readString(model(p, cls));
    if (s.contains(from)) {
      Files.writeString(model(p, cls), s.replace(from, to));
    }
  }

  void load(Connection db) throws Exception {
    String script;
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/chinook/" + script()))) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    List<String> waiting = new ArrayList<>(); // tables whose referenced tables come later in the script
    try (Statement s = db.createStatement()) {
      for (String statement : statements(script)) {
        if (skip(statement)) {
          continue;
        }
        if (statement.startsWith("CREATE TABLE") && checksReferencesAtCreate()) {
          waiting.add(adapt(statement));
          for (boolean progress = true; progress; ) {
            progress = false;
            for (String create : List.copyOf(waiting)) {
              try {
                s.execute(create);
                waiting.remove(create);
                progress = true;
              } catch (SQLException notYet) {
                // its referenced table is not there yet
              }
            }
          }
          continue;
        }
        s.execute(adapt(statement));
      }
    }
    assertEquals(List.of(), waiting, "every table was created");
    db.commit();
    db.setAutoCommit(auto);
  }

  /** The script's statements: split at semicolons outside quotes, comments left out. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (!quoted && c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '*') {
        i = script.indexOf("*/", i + 2) + 1;
        continue;
      }
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == ';' && !quoted) {
        if (!current.toString().isBlank()) {
          out.add(current.toString().trim());
        }
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.toString().isBlank() && !current.toString().trim().startsWith("\\")) {
      out.add(current.toString().trim());
    }
    return out;
  }

  Map<String, Long> counts(Connection db) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    for (String t : TABLES) {
      try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quote(db, name(t)))) {
        rs.next();
        out.put(name(t), rs.getLong(1));
      }
    }
    return out;
  }

  static String quote(Connection db, String name) throws SQLException {
    String q = db.getMetaData().getIdentifierQuoteString();
    return q + name + q;
  }

  static List<String> foreignKeyNames(Connection db, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = db.getMetaData().getImportedKeys(db.getCatalog(), db.getSchema(), table)) {
      while (rs.next()) {
        out.add(rs.getString("FK_NAME"));
      }
    }
    return out;
  }

  static List<String> foreignKeys(Connection db, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = db.getMetaData().getImportedKeys(db.getCatalog(), db.getSchema(), table)) {
      while (rs.next()) {
        out.add(rs.getString("FKCOLUMN_NAME") + "->" + rs.getString("PKTABLE_NAME"));
      }
    }
    return out;
  }
}
