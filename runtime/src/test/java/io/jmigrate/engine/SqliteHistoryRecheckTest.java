package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite takes its write lock with each migration's transaction, so a run re-checks the history inside it; it
 * skips that re-check only while SQLite's data version says that no other connection has committed since the run
 * read the history. Here another connection (as another process would) migrates the same file between two of the
 * run's migrations: the run must see it and skip what was applied, for every later migration too.
 */
class SqliteHistoryRecheckTest {
  @TempDir Path dir;

  String url() {
    return "jdbc:sqlite:" + dir.resolve("test.db");
  }

  static Operation create(String name) {
    return createTable(table(name, column("id", BIGINT).notNull(), column("note", STRING)).primaryKey("id"));
  }

  /**
   * Versions 1 to 4; between the run's transactions of 1 and 2, {@code other} runs on a connection of its own. The
   * run asks migration 2 for its steps just before its transaction, after 1 committed: that is where it runs.
   */
  List<Migration> migrations(AtomicBoolean armed, Other other) {
    List<Migration> all = new ArrayList<>();
    all.add(new TestMigration(1, "create a", create("a"), // arming inside 1's transaction: 2's steps are asked for after it
        java("arm the other connection", c -> armed.set(true), c -> { })));
    all.add(new Migration(2, "create b") {
      @Override
      public List<Operation> up() {
        if (armed.compareAndSet(true, false)) {
          try (Connection c = DriverManager.getConnection(url())) {
            other.run(c, all);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        return List.of(create("b"));
      }
    });
    all.add(new TestMigration(3, "create c", create("c")));
    all.add(new TestMigration(4, "create d", create("d")));
    return all;
  }

  interface Other {
    void run(Connection c, List<Migration> all) throws Exception;
  }

  @Test
  void migrationsAnotherConnectionAppliedMeanwhileAreSkipped() throws Exception {
    AtomicBoolean armed = new AtomicBoolean();
    // The other process applies 2 and 3: the run must re-check 3 as well, not only the first migration after the change.
    List<Migration> all = migrations(armed, (c, list) -> new Migrator(list).migrateTo(c, 3));
    try (Connection c = DriverManager.getConnection(url())) {
      List<AppliedMigration> applied = new Migrator(all).migrate(c);
      assertEquals(List.of(1, 4), applied.stream().map(AppliedMigration::version).toList());
      assertEquals(List.of("1", "2", "3", "4"), strings(c, "SELECT version FROM jmigrate_history ORDER BY version"));
      assertEquals(List.of("a", "b", "c", "d"),
          strings(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'jmigrate_history' ORDER BY name"));
    }
  }

  @Test
  void aCommitThatAppliesNothingStillMakesTheRunCheck() throws Exception {
    AtomicBoolean armed = new AtomicBoolean();
    // Another connection commits something else (an application's write): the run checks, finds 2 to 4 pending, applies them.
    List<Migration> all = migrations(armed, (c, list) -> {
      try (var s = c.createStatement()) {
        s.execute("INSERT INTO a (id, note) VALUES (1, 'written by another connection')");
      }
    });
    try (Connection c = DriverManager.getConnection(url())) {
      List<AppliedMigration> applied = new Migrator(all).migrate(c);
      assertEquals(List.of(1, 2, 3, 4), applied.stream().map(AppliedMigration::version).toList());
      assertEquals(List.of("written by another connection"), strings(c, "SELECT note FROM a"));
    }
  }

  @Test
  void anotherConnectionRevertingMeanwhileIsSeenGoingDown() throws Exception {
    AtomicBoolean armed = new AtomicBoolean();
    List<Migration> all = migrations(armed, (c, list) -> { });
    try (Connection c = DriverManager.getConnection(url())) {
      new Migrator(all).migrate(c);
    }
    // Going down from 4, the run's first transaction (4's) arms; before 3 another connection reverts 3 and 2.
    List<Migration> down = new ArrayList<>(all);
    AtomicBoolean fire = new AtomicBoolean();
    down.set(3, new Migration(4, "create d") {
      @Override
      public List<Operation> up() {
        return List.of(create("d"));
      }

      @Override
      public List<Operation> down(Schema before) {
        return List.of(dropTable("d"), java("arm the other connection", c -> fire.set(true)));
      }
    });
    down.set(2, new Migration(3, "create c") {
      @Override
      public List<Operation> up() {
        return List.of(create("c"));
      }

      @Override
      public List<Operation> down(Schema before) {
        if (fire.compareAndSet(true, false)) {
          try (Connection other = DriverManager.getConnection(url())) {
            // Another process at version 3 (its build's migrations 1 to 3) migrates to 1.
            new Migrator(down.subList(0, 3)).migrateTo(other, 1);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        return List.of(dropTable("c"));
      }
    });
    try (Connection c = DriverManager.getConnection(url())) {
      // The history says 4 until this run reverts it; meanwhile the other connection takes 3 and 2 back to 1.
      List<AppliedMigration> reverted = new Migrator(down).migrateTo(c, 0);
      assertEquals(List.of(4, 1), reverted.stream().map(AppliedMigration::version).toList());
      assertEquals(List.of(), strings(c, "SELECT version FROM jmigrate_history"));
      assertEquals(List.of(), strings(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'jmigrate_history'"));
    }
  }
}
