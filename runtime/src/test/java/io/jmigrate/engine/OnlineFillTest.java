package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.testing.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Making a column NOT NULL online on PostgreSQL gives its NULLs the default in batches, each its own
 * transaction: while one batch is slow (here a trigger sleeps at one row, as a writer's row lock
 * would hold it), the batches before it are committed and visible to others; one UPDATE would hold
 * every filled row (and keep them from others) until the end.
 */
class OnlineFillTest {
  static final Migration CREATE = new TestMigration(1, "create",
      createTable(table("t", column("id", BIGINT).notNull(), column("v", INTEGER)).primaryKey("id")));
  static final Migration NOT_NULL = new TestMigration(2, "v not null",
      alterColumn("t", column("v", INTEGER).notNull().defaultValue("0")));

  @Test
  void nullsAreFilledInBatchesThatCommitOneByOne() throws Exception {
    String url = Postgres.newDatabaseUrl();
    Migrator m = new Migrator(List.of(CREATE, NOT_NULL)).withDdlLockTimeout(Duration.ZERO, 1);
    try (Connection c = DriverManager.getConnection(url); Connection observer = DriverManager.getConnection(url)) {
      m.migrateTo(c, 1);
      exec(c, "INSERT INTO t (id, v) SELECT g, CASE WHEN g % 5 = 0 THEN NULL ELSE g END FROM generate_series(1, 60000) g");
      exec(c, "VACUUM ANALYZE t");
      List<String> preview = m.sql(c);
      assertTrue(preview.stream().filter(l -> l.contains("ctid >= ")).count() >= 3, String.join("\n", preview));
      // A row near the end that takes 3 s to update: the fill is slow there, as behind a writer's row lock.
      exec(c, "CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.id = 59995 THEN"
          + " PERFORM pg_sleep(3); END IF; RETURN NEW; END $$");
      exec(c, "CREATE TRIGGER slow BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION slow()");
      CompletableFuture<List<AppliedMigration>> migrating = CompletableFuture.supplyAsync(() -> m.migrate(c));
      long partly = -1;
      while (!migrating.isDone() && partly < 0) {
        long nulls = Long.parseLong(strings(observer, "SELECT count(*) FROM t WHERE v IS NULL").get(0));
        partly = nulls > 0 && nulls < 12000 ? nulls : -1;
        Thread.sleep(20);
      }
      assertTrue(partly > 0, "while the fill was slow at one row, the batches before it were committed");
      assertEquals(List.of(2), migrating.get(60, TimeUnit.SECONDS).stream().map(AppliedMigration::version).toList());
      assertEquals(List.of("0"), strings(observer, "SELECT count(*) FROM t WHERE v IS NULL"));
      assertEquals(List.of("12000"), strings(observer, "SELECT count(*) FROM t WHERE v = 0"));
      assertEquals(List.of("NO"), strings(observer,
          "SELECT is_nullable FROM information_schema.columns WHERE table_name = 't' AND column_name = 'v'"));
    }
  }

  /**
   * A fill's batches commit by themselves, so a later failure of the same step cannot take them back:
   * the message says so instead of "back at the previous version" (here a trigger keeps one NULL, as
   * a writer still writing NULLs would, and the NOT NULL check's validation fails).
   */
  @Test
  void aFailureAfterTheFillSaysTheFilledValuesStay() throws Exception {
    Migrator m = new Migrator(List.of(CREATE, NOT_NULL));
    try (Connection c = DriverManager.getConnection(Postgres.newDatabaseUrl())) {
      m.migrateTo(c, 1);
      exec(c, "INSERT INTO t (id, v) VALUES (1, NULL), (2, 7), (3, NULL)");
      exec(c, "CREATE FUNCTION keep_null() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.id = 3 THEN"
          + " NEW.v := NULL; END IF; RETURN NEW; END $$");
      exec(c, "CREATE TRIGGER keep_null BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION keep_null()");
      MigrationException e = org.junit.jupiter.api.Assertions.assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("that were given the default before it failed keep the default"), e.getMessage());
      assertEquals(1, m.status(c).currentVersion());
      assertEquals(List.of("0", "7", "null"), strings(c, "SELECT coalesce(CAST(v AS TEXT), 'null') FROM t ORDER BY id"));
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
    }
  }
}
