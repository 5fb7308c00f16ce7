package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.engine.Migrator;
import io.jmigrate.inspect.Inspection;
import io.jmigrate.testing.MariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting a MariaDB database shaped like the Sakila sample (the DDL is written here, not copied): keys that are
 * {@code INT UNSIGNED AUTO_INCREMENT}, a {@code FULLTEXT} index over a {@code TEXT} column, a {@code SPATIAL} index.
 * inspect leaves the two indexes out and declares them (a model's index is a B-tree: on TEXT it would narrow the
 * column to VARCHAR(255)), keeps the AUTO_INCREMENT it cannot model as a declared attribute with a report line naming
 * the column, baseline and validate accept the database, validate reports the AUTO_INCREMENT when it is not declared,
 * and a later change keeps both indexes.
 */
class MariaDbSakilaAdoptionTest {
  @TempDir Path dir;

  static final List<String> SCHEMA = List.of(
      "CREATE TABLE actor (actor_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, first_name VARCHAR(45) NOT NULL)",
      "CREATE TABLE film_text (film_id INT NOT NULL PRIMARY KEY, title VARCHAR(255) NOT NULL, description TEXT,"
          + " FULLTEXT KEY idx_title_description (title, description)) ENGINE=InnoDB",
      "CREATE TABLE store (store_id INT NOT NULL PRIMARY KEY, location POINT NOT NULL,"
          + " SPATIAL INDEX idx_location (location)) ENGINE=InnoDB",
      "INSERT INTO actor (first_name) VALUES ('PENELOPE'), ('NICK')",
      "INSERT INTO film_text VALUES (1, 'ACADEMY DINOSAUR', 'A Epic Drama of a Feminist And a Mad Scientist')",
      "INSERT INTO store VALUES (1, ST_GeomFromText('POINT(1 1)'))");

  static final String INDEXES = "SELECT CONCAT(TABLE_NAME, ' ', INDEX_NAME, ' ', INDEX_TYPE, ' ', COLUMN_NAME)"
      + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'jmigrate_history'"
      + " ORDER BY 1";

  @Test
  void fulltextAndSpatialIndexesAreKeptAndAutoIncrementOnUnsignedKeysIsDeclared() throws Exception {
    try (Connection db = MariaDb.newDatabase()) {
      for (String sql : SCHEMA) {
        exec(db, sql);
      }
      List<String> indexes = strings(db, INDEXES);
      Project p = new Project(dir.resolve("app"));
      Inspection inspection = Inspection.of(db, Set.of());
      String report = inspection.report();
      for (String expected : List.of(
          "index idx_title_description: left out: its definition (FULLTEXT INDEX idx_title_description (title,"
              + " description)) has no model form",
          "index idx_location: left out: its definition (SPATIAL INDEX idx_location (location)) has no model form",
          "column actor.actor_id: the database generates its values (AUTO_INCREMENT), which jmigrate models only on a"
              + " signed int or long column")) {
        assertTrue(report.contains(expected), "missing \"" + expected + "\" in:\n" + report);
      }
      inspection.write(p.src, "com.acme.model");
      String filmText = Files.readString(p.src.resolve("com/acme/model/FilmText.java"));
      assertFalse(filmText.contains("@Index"), filmText);
      String declared = Files.readString(inspection.writeUnmanaged(p.root.resolve("src/main/resources")));
      for (String line : List.of("index idx_title_description", "index idx_location",
          "column actor.actor_id: auto_increment = AUTO_INCREMENT")) {
        assertTrue(declared.contains("\n" + line + "\n"), line + " in:\n" + declared);
      }

      Project.Result first = p.build("-Ajmigrate.dialects=mariadb").assertOk();
      String v1 = String.join("\n", p.migrations("com.acme.migrations").values());
      assertFalse(v1.contains("idx_title_description") || v1.contains("idx_location"), v1);
      Migrator m = first.migrator();
      m.baseline(db, 1);
      assertEquals(List.of(), m.validate(db).differences());
      assertEquals(indexes, strings(db, INDEXES), "baseline changed nothing");
      // Undeclared, the AUTO_INCREMENT the migrations do not make is drift.
      List<String> undeclared = m.withUnmanaged(Unmanaged.parse("index idx_title_description\nindex idx_location\n"))
          .validate(db).differences();
      assertEquals(1, undeclared.size(), undeclared.toString());
      assertTrue(undeclared.get(0).startsWith("column actor.actor_id has auto_increment (AUTO_INCREMENT), which the"
          + " migrations do not make"), undeclared.toString());

      // A fresh database from V0001 keeps description TEXT (a B-tree over it would have made it VARCHAR(255)).
      try (Connection fresh = MariaDb.newDatabase()) {
        assertEquals(1, m.migrate(fresh).size());
        assertEquals(List.of("text"), strings(fresh, "SELECT LOWER(DATA_TYPE) FROM information_schema.COLUMNS WHERE"
            + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'film_text' AND COLUMN_NAME = 'description'"));
      }

      // A later change to the table with the FULLTEXT index keeps it.
      Path file = p.src.resolve("com/acme/model/FilmText.java");
      String s = Files.readString(file);
      Files.writeString(file, s.substring(0, s.lastIndexOf('}')) + "\n  String note;\n}\n");
      Migrator m2 = p.build("-Ajmigrate.dialects=mariadb").assertOk().migrator();
      assertEquals(1, m2.migrate(db).size());
      assertEquals(List.of(), m2.validate(db).differences());
      assertEquals(indexes, strings(db, INDEXES), "both indexes kept");
      assertEquals(List.of("1 ACADEMY DINOSAUR"), strings(db, "SELECT CONCAT(film_id, ' ', title) FROM film_text"
          + " WHERE MATCH (title, description) AGAINST ('dinosaur')"));

      // A change that restates the unsigned key (MODIFY COLUMN, here for a comment) would drop its AUTO_INCREMENT:
      // refused before it changes anything, naming it.
      Path actor = p.src.resolve("com/acme/model/Actor.java");
      String a = Files.readString(actor);
      assertTrue(a.contains("@Column(sqlType = \"int(10) unsigned\")"), a);
      Files.writeString(actor, a.replace("@Column(sqlType = \"int(10) unsigned\")",
          "@Column(sqlType = \"int(10) unsigned\", comment = \"who\")"));
      Migrator m3 = p.build("-Ajmigrate.dialects=mariadb").assertOk().migrator();
      io.jmigrate.engine.MigrationException refused = org.junit.jupiter.api.Assertions.assertThrows(
          io.jmigrate.engine.MigrationException.class, () -> m3.migrate(db));
      assertTrue(refused.getMessage().contains("would remove auto_increment (AUTO_INCREMENT) from column actor.actor_id")
          && refused.getMessage().contains("Nothing was changed"), refused.getMessage());
      assertEquals(List.of("auto_increment"), strings(db, "SELECT LOWER(EXTRA) FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'actor' AND COLUMN_NAME = 'actor_id'"));
    }
  }

  private static void exec(Connection db, String sql) throws Exception {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> strings(Connection db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
