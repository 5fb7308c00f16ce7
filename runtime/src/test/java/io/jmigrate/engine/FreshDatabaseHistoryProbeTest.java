package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.table;
import static io.jmigrate.schema.ColumnType.INTEGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.RecordingConnection;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A database without jmigrate_history: the migrator finds that out through the catalog, and sends no query of the
 * missing table (MariaDB's driver logs each failed query as a warning, {@code Table '….jmigrate_history' doesn't
 * exist}, which read as an error on a new user's first command). The table is queried once it exists.
 */
class FreshDatabaseHistoryProbeTest {
  static final Migration FIRST = new Migration(1, "create shelf") {
    @Override
    public List<Operation> up() {
      return List.of(createTable(table("shelf", column("id", INTEGER).notNull()).primaryKey("id")));
    }
  };

  private static void noQueryBeforeTheTableExists(Connection real) throws Exception {
    RecordingConnection recording = new RecordingConnection(real);
    Migrator m = new Migrator(List.of(FIRST));
    assertEquals(0, m.validate(recording.connection()).version(), "an empty database is at version 0");
    List<String> sent = recording.sql();
    assertTrue(sent.stream().noneMatch(s -> s.contains("jmigrate_history")), "nothing asks a missing table: " + sent);
    assertEquals(1, m.migrate(recording.connection()).size());
    List<String> all = recording.sql();
    int created = indexOf(all, "CREATE TABLE");
    int queried = indexOf(all, "SELECT * FROM");
    assertTrue(created >= 0 && created < queried, "created before it is read: " + all);
  }

  private static int indexOf(List<String> sql, String start) {
    for (int i = 0; i < sql.size(); i++) {
      if (sql.get(i).startsWith(start) && sql.get(i).contains("jmigrate_history")) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void onMariaDb() throws Exception {
    try (Connection c = MariaDb.newDatabase()) {
      noQueryBeforeTheTableExists(c);
    }
  }

  @Test
  void onH2() throws Exception {
    try (Connection c = H2.mem()) {
      noQueryBeforeTheTableExists(c);
    }
  }
}
