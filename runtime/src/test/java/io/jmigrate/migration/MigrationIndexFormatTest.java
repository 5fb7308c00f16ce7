package io.jmigrate.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the index format: built applications carry these files, and every later runtime reads
 * them; the first format (one class name per line) included.
 */
class MigrationIndexFormatTest {
  @TempDir Path dir;

  @Test
  void readsBothFormats() throws Exception {
    Path index = dir.resolve("migrations");
    Files.writeString(index, """
        # jmigrate: the migrations of this application
        com.acme.migrations.V0001_CreateUser

        com.acme.migrations.V0002_AddUserEmail 2 -1622597437 1:0123456789abcdef
        com.acme.migrations.V0003_Edited 3 - -
        com.acme.migrations.V0010_Squashed 10 42 1:fedcba9876543210 squashed
        """);
    List<MigrationIndex.Entry> entries = MigrationIndex.read(index.toUri().toURL());
    assertEquals(List.of(
        new MigrationIndex.Entry("com.acme.migrations.V0001_CreateUser", 0, null, null, false),
        new MigrationIndex.Entry("com.acme.migrations.V0002_AddUserEmail", 2, -1622597437, "1:0123456789abcdef", false),
        new MigrationIndex.Entry("com.acme.migrations.V0003_Edited", 3, null, null, false),
        new MigrationIndex.Entry("com.acme.migrations.V0010_Squashed", 10, 42, "1:fedcba9876543210", true)), entries);
    assertFalse(entries.get(0).known(), "the first format says nothing but the name");
    assertTrue(entries.get(1).known());
    assertFalse(entries.get(2).known(), "a checksum the build could not compute");
  }

  @Test
  void writesWhatItReads() {
    assertEquals("a.V0002_X 2 -1622597437 1:0123456789abcdef",
        new MigrationIndex.Entry("a.V0002_X", 2, -1622597437, "1:0123456789abcdef", false).line());
    assertEquals("a.V0003_Y 3 - -", new MigrationIndex.Entry("a.V0003_Y", 3, null, null, false).line());
    assertEquals("a.V0010_S 10 42 1:ab squashed", new MigrationIndex.Entry("a.V0010_S", 10, 42, "1:ab", true).line());
    assertEquals("a.V0001_Z", new MigrationIndex.Entry("a.V0001_Z", 0, null, null, false).line());
    for (String line : List.of("a.V0002_X 2 -1622597437 1:0123456789abcdef", "a.V0003_Y 3 - -", "a.V0010_S 10 42 1:ab squashed")) {
      assertEquals(line, MigrationIndex.Entry.parse(line).line());
    }
    assertNull(MigrationIndex.Entry.parse("# a comment"));
  }

  @Test
  void theSummaryAddsUpTheMigrationsAboveTheSquash() throws Exception {
    List<MigrationIndex.Entry> entries = List.of(
        new MigrationIndex.Entry("a.V0002_S", 2, 7, null, true),
        new MigrationIndex.Entry("a.V0003_X", 3, -10, "1:ab", false),
        new MigrationIndex.Entry("a.V0004_Y", 4, 2_000_000_000, null, false));
    MigrationIndex.Summary s = MigrationIndex.Summary.of(entries);
    assertEquals(new MigrationIndex.Summary(2, 4, 7, 1_999_999_990L, 2), s);
    assertEquals("# summary: 2 4 7 1999999990 2", s.line());
    assertEquals(s, MigrationIndex.Summary.parse(s.line()));
    assertNull(MigrationIndex.Summary.of(List.of(new MigrationIndex.Entry("a.V0003_X", 3, null, null, false))),
        "no summary when a checksum is unknown");
    assertNull(MigrationIndex.Summary.of(List.of(new MigrationIndex.Entry("a.V0001", 0, null, null, false))));

    Path index = dir.resolve("summary");
    Files.writeString(index, "# jmigrate: …\n# summary: 2 4 7 1999999990 2\na.V0002_S 2 7 - squashed\n");
    assertEquals(s, MigrationIndex.readSummary(index.toUri().toURL()));
    Files.writeString(index, "# jmigrate: …\na.V0002_S 2 7 - squashed\n# summary: 2 4 7 1999999990 2\n");
    assertNull(MigrationIndex.readSummary(index.toUri().toURL()), "only at the head");
    assertEquals(1, MigrationIndex.read(index.toUri().toURL()).size(), "a comment to the entry reader");
  }

  @Test
  void refusesWhatItCannotRead() throws Exception {
    for (String bad : List.of("a.V1 1 2", "a.V1 x 2 -", "a.V1 1 2 - extra", "a.V1 1 two -")) {
      assertThrows(IllegalArgumentException.class, () -> MigrationIndex.Entry.parse(bad), bad);
    }
    Path index = dir.resolve("bad");
    Files.writeString(index, "a.V1 1 2\n");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> MigrationIndex.read(index.toUri().toURL()));
    assertTrue(e.getMessage().contains("Rebuild the project"), e.getMessage());
  }
}
