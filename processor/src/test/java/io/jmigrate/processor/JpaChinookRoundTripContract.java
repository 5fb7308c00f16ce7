package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Drift;
import io.jmigrate.engine.Migrator;
import io.jmigrate.inspect.Inspection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect --jpa} on the Chinook database (issue 14): the entities it writes, compiled by the
 * real processor with jakarta.persistence on the class path, build a first migration that keeps the
 * database's constraint and index names; {@code baseline 1}; {@code validate} finds no drift;
 * {@code migrate} has nothing to do; then a new field migrates the real database keeping every row.
 * One subclass per database; each names the plain round trip whose database it loads.
 */
abstract class JpaChinookRoundTripContract {
  @TempDir Path dir;

  /** The plain round trip of this database: its script, its names, its empty database. */
  abstract ChinookRoundTripContract database();

  /** A check of the built entities against the migrated database (Hibernate's validate), where there is one. */
  void hibernateAgrees(Project.Result build, List<String> entities, Connection db) throws Exception {}

  /** Both namings read the written names as they are. */
  String[] options() {
    return new String[0];
  }

  /** The class inspect wrote for a table: the file whose @Table names it. */
  private static String entity(Project p, String table) {
    try (var files = Files.list(p.src.resolve("com/acme/model"))) {
      for (Path f : files.toList()) {
        String s = Files.readString(f);
        if (s.contains("@Table(name = \"" + table + "\"") || s.contains("@Table(name = \"\\\"" + table + "\\\"\"")) {
          return f.getFileName().toString().replace(".java", "");
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no entity for " + table);
  }

  @Test
  void inspectJpaBuildBaselineValidateThenANewFieldMigratesKeepingEveryRow() throws Exception {
    ChinookRoundTripContract d = database();
    d.dir = dir;
    try (Connection db = d.newDatabase()) {
      d.load(db);
      Map<String, Long> rowsBefore = d.counts(db);
      String albumArtistKey = d.albumArtistForeignKey() != null ? d.albumArtistForeignKey()
          : ChinookRoundTripContract.foreignKeyNames(db, d.name("Album")).get(0);

      Project p = new Project(dir.resolve("app"));
      Inspection inspection = Inspection.of(db, Set.of());
      // MariaDB's NVARCHAR is utf8mb3 in a utf8mb4 table: its collation is in the entity (@Collate), nothing is kept.
      assertEquals(List.of(), inspection.findings().stream().filter(f -> !ChinookRoundTripContract.keptCharset(f)).toList(),
          inspection.report());
      assertEquals(List.of(), inspection.jpaFindings());
      inspection.write(p.src, "com.acme.model", true);
      String album = Files.readString(p.src.resolve("com/acme/model/Album.java"));
      assertTrue(album.contains("@Entity") && album.contains("@ManyToOne"), album);
      assertFalse(album.contains("import io.jmigrate"), album);

      Project.Result first = p.build(options()).assertOk();
      assertEquals(List.of(), first.errors());
      assertEquals(1, p.migrations("com.acme.migrations").size(), p.migrations("com.acme.migrations").keySet().toString());
      String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
      assertTrue(v1.contains("\"" + albumArtistKey + "\""), "the first migration keeps the database's key name:\n" + v1);
      assertTrue(v1.contains("\"" + d.name("PlaylistTrack") + "\""), v1);

      Migrator m = first.migrator().withUnmanaged(inspection.unmanaged());
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift + "\n" + v1);
      assertEquals(List.of(), m.migrate(db), "nothing to apply after the baseline");

      // The model change: a new field on an entity.
      Path artist = p.src.resolve("com/acme/model/Artist.java");
      Files.writeString(artist, Files.readString(artist).replaceFirst("\\n}\\n$", "\n\n  @Column(name = \"note\", length = 200)\n  String note;\n}\n"));
      Project.Result second = p.build(options()).assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("addColumn(\"" + d.name("Artist") + "\""), v2);
      Migrator m2 = second.migrator().withUnmanaged(inspection.unmanaged());
      assertEquals(1, m2.migrate(db).size());
      assertEquals(rowsBefore, d.counts(db), "every row kept");
      Drift after = m2.validate(db);
      assertTrue(after.isEmpty(), after.toString());
      hibernateAgrees(second, inspection.tables().stream().map(t -> "com.acme.model." + entity(p, t)).toList(), db);
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM " + ChinookRoundTripContract.quote(db, d.name("Artist"))
              + " WHERE note IS NULL")) {
        rs.next();
        assertEquals(rowsBefore.get(d.name("Artist")), rs.getLong(1), "the new column is there, empty, on every row");
      }
    }
  }
}
