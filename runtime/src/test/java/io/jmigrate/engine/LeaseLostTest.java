package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.addColumn;
import static io.jmigrate.migration.Operations.java;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.testing.H2;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run whose lease row is gone (taken over) stops before its next migration (real H2 in memory). */
class LeaseLostTest {
  @Test
  void aRunThatLostItsLeaseStopsBeforeTheNextMigration() throws Exception {
    String url = H2.memUrl();
    List<Migration> list = new ArrayList<>(Workload.migrations(0).subList(0, 1));
    list.add(new TestMigration(2, "lose the lease", java("another process takes the row", c -> {
      try (Connection other = DriverManager.getConnection(url); Statement s = other.createStatement()) {
        s.executeUpdate("DELETE FROM " + LeaseLock.TABLE); // as if it had expired and been taken
        Thread.sleep(700); // a few heartbeats of a 400 ms lease find the row gone
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    })));
    list.add(new TestMigration(3, "add z", addColumn("t", ColumnDefinition.of("z", ColumnType.INTEGER))));
    Migrator m = new Migrator(list).withLeaseLock(Duration.ofMillis(400), () -> DriverManager.getConnection(url));
    try (Connection c = DriverManager.getConnection(url)) {
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("stopped before V0003 add z"), e.getMessage());
      assertEquals(2, m.status(c).currentVersion());
      assertEquals(List.of(3), m.migrate(c).stream().map(a -> a.version()).toList(), "the next run completes");
    }
  }
}
