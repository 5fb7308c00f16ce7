package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.testing.H2;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 commits each DDL statement, so a migration that fails after its first step cannot be rolled
 * back by the database: the engine reverts the steps that ran, and the database is back at the
 * previous version.
 */
class H2FailureTest {
  @TempDir Path dir;

  @Test
  void aFailingMigrationIsRevertedWhole() throws Exception {
    List<Migration> list = new ArrayList<>(Workload.migrations(0));
    list.add(new TestMigration(5, "broken",
        addColumn("t", ColumnDefinition.of("z", ColumnType.INTEGER)),
        addIndex("t", index("ix_t_z", "z")),
        sql("INSERT INTO nowhere VALUES (1)")));
    Migrator m = new Migrator(list);
    try (Connection c = H2.file(dir, "failing")) {
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("V0005 broken failed"), e.getMessage());
      assertTrue(e.getMessage().contains("INSERT INTO nowhere VALUES (1)"), e.getMessage());
      assertEquals(4, m.status(c).currentVersion());
      Migrator without = new Migrator(Workload.migrations(0));
      assertTrue(without.validate(c).isEmpty(), "column z and its index were reverted: " + without.validate(c));
    }
  }
}
