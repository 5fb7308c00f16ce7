package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.processor.build.IndexWriter;
import io.jmigrate.migration.MigrationIndex;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index the build writes carries each migration's checksum taken from the class javac has
 * just compiled, so that start-up can compare the history without loading classes, and a hand
 * edit of a migration changes the index in the same build.
 */
class IndexChecksumTest {
  @TempDir Path dir;

  @Test
  void theIndexHasTheChecksumsOfTheCompiledClasses() throws Exception {
    Project p = new Project(dir).write("com/acme/model/User.java", EndToEndTest.USER_V1);
    p.build().assertOk();
    p.write("com/acme/model/User.java", EndToEndTest.USER_V2);
    Project.Result built = p.build().assertOk();

    // Known values: the checksum format 1 of these two generated migrations, and their fingerprints.
    assertEquals(List.of(
        "com.acme.migrations.V0001_CreateUser 1 1468417136 1:6f288de64234b7ce",
        "com.acme.migrations.V0002_AddUserEmail 2 914454559 1:39b23d01a9ecd822"), SquashTest.indexLines(built));
    assertTrue(java.nio.file.Files.readString(built.classes().resolve(MigrationIndex.RESOURCE))
        .contains("\n# summary: 2 2 3 " + (1468417136L + 914454559L) + " 0\n"));
    Migrator m = built.migrator();
    for (int i = 0; i < 2; i++) {
      Migration loaded = m.migrations().get(i);
      assertTrue(SquashTest.indexLines(built).get(i).endsWith(" " + loaded.checksum() + " " + loaded.schemaFingerprint()));
    }

    try (Connection c = Db.sqlite(dir.resolve("app.db"))) {
      m.migrate(c);
      assertTrue(SquashTest.upToDate(built, c));

      // A hand edit after it was applied: the same build writes the new checksum, and start-up notices.
      String v2 = p.migrations("com.acme.migrations").get("V0002_AddUserEmail.java");
      p.write("com/acme/migrations/V0002_AddUserEmail.java",
          v2.replace("return List.of(", "return List.of(\n        sql(\"UPDATE \\\"user\\\" SET email = name\"),"));
      Project.Result edited = p.build().assertOk();
      String line = SquashTest.indexLines(edited).get(1);
      assertNotEquals(SquashTest.indexLines(built).get(1), line);
      assertEquals(edited.migrator().migrations().get(1).checksum(), Integer.parseInt(line.split(" ")[2]));
      assertFalse(SquashTest.upToDate(edited, c));
      MigrationException e = assertThrows(MigrationException.class, () -> edited.migrator().migrate(c));
      assertTrue(e.getMessage().contains("was changed after it was applied"), e.getMessage());
    }
  }

  @Test
  void rendersTheFormatTheRuntimeReads() {
    assertEquals("# jmigrate: the migrations of this application, in version order (generated on every build):"
        + " class version checksum fingerprint [squashed]\n"
        + "a.V0001_A 1 -5 1:00\n"
        + "a.V0002_B 2 - -\n"
        + "a.V0003_Squashed 3 7 1:01 squashed\n", IndexWriter.render(List.of(
            new MigrationIndex.Entry("a.V0001_A", 1, -5, "1:00", false),
            new MigrationIndex.Entry("a.V0002_B", 2, null, null, false),
            new MigrationIndex.Entry("a.V0003_Squashed", 3, 7, "1:01", true))));
    assertEquals("# jmigrate: the migrations of this application, in version order (generated on every build):"
        + " class version checksum fingerprint [squashed]\n"
        + "# summary: 2 2 3 7 0\n"
        + "a.V0001_A 1 -5 1:00\n"
        + "a.V0002_B 2 12 -\n", IndexWriter.render(List.of(
            new MigrationIndex.Entry("a.V0001_A", 1, -5, "1:00", false),
            new MigrationIndex.Entry("a.V0002_B", 2, 12, null, false))));
  }
}
