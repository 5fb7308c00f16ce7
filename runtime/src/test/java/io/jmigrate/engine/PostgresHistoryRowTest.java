package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.table;
import static io.jmigrate.schema.ColumnType.INTEGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.migration.Migration;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.RecordingConnection;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL batches each migration with its history row, a literal INSERT whose invariant parts a run builds once:
 * the rows hold each migration's description (quotes and all), checksum and version exactly. A run on a fresh
 * database reads the history it has just created under its lock without looking in the catalog for it again.
 */
class PostgresHistoryRowTest {
  private static final List<Migration> MIGRATIONS = List.of(
      new TestMigration(1, "create shelf", createTable(table("shelf", column("id", INTEGER).notNull()).primaryKey("id"))),
      new TestMigration(2, "the shelf's 'book' table", createTable(table("book", column("id", INTEGER).notNull())
          .primaryKey("id"))),
      new TestMigration(3, "''", createTable(table("author", column("id", INTEGER).notNull()).primaryKey("id"))));

  @Test
  void historyRowsHoldDescriptionsAndChecksumsExactly() throws Exception {
    try (Connection real = Postgres.newDatabase()) {
      RecordingConnection recording = new RecordingConnection(real);
      assertEquals(3, new Migrator(MIGRATIONS).migrate(recording.connection()).size());
      List<String> inserts = recording.sql().stream().filter(s -> s.startsWith("INSERT INTO \"jmigrate_history\"")).toList();
      assertEquals(3, inserts.size(), "one history row per migration, in its batch: " + recording.sql());
      Dialect d = Dialect.named("postgresql");
      for (int i = 0; i < 3; i++) {
        Migration m = MIGRATIONS.get(i);
        assertEquals(History.insertSql(d, m.version(), m.description(), m.checksum()), inserts.get(i));
      }
      try (Statement s = real.createStatement();
          ResultSet rs = s.executeQuery("SELECT version, description, checksum, success FROM jmigrate_history ORDER BY version")) {
        for (Migration m : MIGRATIONS) {
          assertTrue(rs.next());
          assertEquals(m.version(), rs.getInt(1));
          assertEquals(m.description(), rs.getString(2));
          assertEquals(String.valueOf(m.checksum()), rs.getString(3).trim());
          assertTrue(rs.getBoolean(4));
        }
      }
      assertEquals(0, new Migrator(MIGRATIONS).migrate(real).size(), "the history says all three are applied");
    }
  }

  /** Counts the catalog's look-ups of jmigrate_history (getTables by that name) made through a real connection. */
  private static Connection countingHistoryLookups(Connection real, AtomicInteger lookups) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          if (method.getName().equals("getMetaData")) {
            DatabaseMetaData meta = (DatabaseMetaData) result;
            return Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                (p, m, a) -> {
                  if (m.getName().equals("getTables") && History.TABLE.equals(a[2])) {
                    lookups.incrementAndGet();
                  }
                  return invoke(meta, m, a);
                });
          }
          return result;
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void theHistoryCreatedUnderTheLockIsReadWithoutAnotherCatalogLook() throws Exception {
    try (Connection real = Postgres.newDatabase()) {
      // A fresh database: whether the history is there, before the lock (1), and before creating it under the lock (1).
      List<Integer> perRun = new ArrayList<>();
      AtomicInteger reads = new AtomicInteger();
      assertEquals(3, new Migrator(MIGRATIONS).migrate(countingHistoryLookups(real, reads)).size());
      perRun.add(reads.getAndSet(0));
      try (Statement s = real.createStatement()) {
        s.execute("DELETE FROM jmigrate_history WHERE version = 3");
        s.execute("DROP TABLE author");
      }
      assertEquals(1, new Migrator(MIGRATIONS).migrate(countingHistoryLookups(real, reads)).size());
      perRun.add(reads.getAndSet(0));
      // A history found before the lock: one look only (the read under the lock goes to the table).
      assertEquals(List.of(2, 1), perRun, "look-ups of the history per run (fresh database, then one pending migration)");
    }
  }
}
