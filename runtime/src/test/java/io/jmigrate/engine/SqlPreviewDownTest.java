package io.jmigrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.RecordingConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reverse preview ({@code sql --from 6 --to 4}, {@code sql --url … --to 4}) is what migrating down runs. */
class SqlPreviewDownTest {
  @TempDir Path dir;

  final Migrator migrator = new Migrator(Workload.migrations(2));

  void compare(Connection real) throws Exception {
    migrator.migrate(real);
    List<String> preview = migrator.sql(real, 4);
    assertTrue(preview.get(0).equals("-- revert V0006 add x6"), String.join("\n", preview));
    RecordingConnection recording = new RecordingConnection(real);
    assertEquals(2, migrator.migrateTo(recording.connection(), 4).size());
    assertEquals(SqlPreviewIsWhatRunsTest.previewStatements(preview),
        SqlPreviewIsWhatRunsTest.migrationStatements(recording.sql()), String.join("\n", preview));
    assertEquals(List.of(), migrator.sql(real, 4), "at version 4 already");
    assertEquals(migrator.sql(Dialect.of(real), 4, 6).size(), migrator.sql(real, 6).size());
  }

  @Test
  void sqlite() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("d.db"))) {
      compare(c);
    }
  }

  @Test
  void postgres() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      compare(c);
    }
  }

  @Test
  void unknownVersionsAndIrreversibleStepsAreErrorsNotEmptyOutput() {
    Dialect d = Dialect.named("postgresql");
    MigrationException unknown = assertThrows(MigrationException.class, () -> migrator.sql(d, 0, 9));
    assertEquals("no migration has version 9; this build knows 1 to 6 (0 is the empty database)", unknown.getMessage());
    MigrationException irreversible = assertThrows(MigrationException.class, () -> migrator.sql(d, 6, 3));
    assertTrue(irreversible.getMessage().startsWith("cannot migrate down from version 6 to 3: migration V0004"),
        irreversible.getMessage());
    assertEquals(List.of(), migrator.sql(d, 5, 5));
  }
}
