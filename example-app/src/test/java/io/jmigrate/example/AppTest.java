package io.jmigrate.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.Runtime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The example as a user runs it: the committed migrations, found through the generated index. */
class AppTest {
  @TempDir Path dir;

  @Test
  void mainMigratesWritesAndReadsThenFindsTheDatabaseUpToDate() throws Exception {
    Path db = dir.resolve("local.db");
    String first = run(db);
    assertTrue(first.contains("Migrated " + db + ": applied V0001"), first);
    assertTrue(first.contains("Read back: spongebob <spongebob@sqlalchemy.org>; the database has 1 users."), first);
    String second = run(db);
    assertTrue(second.contains("is up to date"), second);
    assertTrue(second.contains("the database has 2 users"), second);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertEquals(List.of("address", "jmigrate_history", "user"), tables);
      assertTrue(Runtime.status(c).pending().isEmpty());
      assertTrue(Runtime.validate(c).isEmpty(), Runtime.validate(c).toString());
    }
  }

  @Test
  void migratesThroughADataSource() {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("pooled.db"));
    assertEquals(Runtime.migrator().latestVersion(), Runtime.migrate(ds).size());
    assertTrue(Runtime.migrate(ds).isEmpty());
  }

  private static String run(Path db) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      App.main(new String[] {db.toString()});
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
