package io.jmigrate.bench;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Write stall on PostgreSQL: a writer updates a random row of a large table about every
 * millisecond (autocommit, its own connection) while one operation migrates; the longest gap
 * between two successful writes is what the application felt. Each operation runs twice on its own
 * copy of the same database (CREATE DATABASE … TEMPLATE): the naive form (the operation's plain
 * statements in one transaction, as jmigrate wrote them before its online forms) and jmigrate's
 * migration as it runs now (online forms where there is one, lock_timeout, retries).
 */
final class WriteStallBench {
  private WriteStallBench() {}

  static final class Step extends Migration {
    private final List<Operation> ops;

    Step(int v, String d, Operation... ops) {
      super(v, d);
      this.ops = List.of(ops);
    }

    @Override
    public List<Operation> up() {
      return ops;
    }
  }

  static final Migration V1 = new Step(1, "parent and big",
      createTable(table("parent", column("id", BIGINT).notNull()).primaryKey("id")),
      createTable(table("big", column("id", BIGINT).notNull(), column("parent_id", BIGINT), column("a", INTEGER),
          column("b", STRING), column("c", INTEGER), column("e", INTEGER)).primaryKey("id")));

  /** The operations measured, each with what jmigrate does with it on PostgreSQL. */
  record Case(String name, Operation op, String form) {}

  static final List<Case> CASES = List.of(
      new Case("create index", addIndex("big", index("ix_big_a", "a")), "CREATE INDEX CONCURRENTLY"),
      new Case("add foreign key", addForeignKey("big", foreignKey("fk_big_parent_id", "parent_id", "parent", "id")),
          "NOT VALID, then VALIDATE"),
      new Case("set not null", alterColumn("big", column("c", INTEGER).notNull()),
          "CHECK NOT VALID, VALIDATE, SET NOT NULL"),
      new Case("set not null, 20 % NULL filled", alterColumn("big", column("e", INTEGER).notNull().defaultValue("0")),
          "UPDATE in batches of 100 blocks, CHECK NOT VALID, VALIDATE, SET NOT NULL"),
      new Case("type change (int to bigint)", alterColumn("big", column("a", BIGINT)), "none (rewrites the table)"),
      new Case("add column with default", addColumn("big", column("d", INTEGER).notNull().defaultValue("0")),
          "none needed (PostgreSQL 11+: catalog only)"));

  static void run(Report r, int rows) throws Exception {
    r.heading("Write stall on PostgreSQL (" + String.format(Locale.ROOT, "%,d", rows) + " rows)");
    r.line("A writer updates a random row about every millisecond while the operation migrates; the longest gap between");
    r.line("two successful writes (ms). Naive: the operation's plain statements in one transaction. jmigrate: its migration");
    r.line("(online form where there is one; lock_timeout 2 s with retries). Goal: <= 100 ms where there is an online form.");
    r.line("");
    r.row("operation", "naive: longest gap", "naive: migration", "jmigrate: longest gap", "jmigrate: migration",
        "jmigrate's form", "goal");
    r.row("---", "---:", "---:", "---:", "---:", "---", "---");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
        s.execute("CREATE DATABASE stall_base");
      }
      try (Connection c = pg.getDatabase("postgres", "stall_base").getConnection(); Statement s = c.createStatement()) {
        new Migrator(List.of(V1)).migrate(c);
        s.execute("INSERT INTO parent (id) SELECT g FROM generate_series(1, 1000) g");
        s.execute("INSERT INTO big (id, parent_id, a, b, c, e) SELECT g, 1 + g % 1000, g % 10007, md5(g::text), g,"
            + " CASE WHEN g % 5 = 0 THEN NULL ELSE g END FROM generate_series(1, " + rows + ") g"); // e: 20 % NULL
        s.execute("VACUUM ANALYZE big");
      }
      int n = 0;
      // The writer alone for 2 s: the gaps this machine gives with no migration at all (scheduling, GC, checkpoints).
      long[] idle = measure(pg, "stall" + (++n), rows, c -> Thread.sleep(2000));
      r.row("nothing (the writer alone, 2 s)", "", "", idle[0] + " ms", "", "", "the floor of this machine");
      Dialect d = Dialect.named("postgresql");
      for (Case k : CASES) {
        long[] naive = measure(pg, "stall" + (++n), rows, c -> {
          Schema before = V1.applyTo(Schema.empty());
          c.setAutoCommit(false);
          try (Statement s = c.createStatement()) {
            for (String sql : d.statements(k.op(), before)) {
              if (!sql.startsWith("--")) {
                s.execute(sql);
              }
            }
          }
          c.commit();
        });
        long[] jm = measure(pg, "stall" + (++n), rows,
            c -> new Migrator(List.of(V1, new Step(2, k.name(), k.op()))).migrate(c));
        String goal = !k.form().startsWith("none") ? (jm[0] <= 100 ? "met" : "missed")
            : jm[0] <= 100 ? "n/a (no online form; short anyway)" : "n/a (no online form)";
        r.row(k.name(), naive[0] + " ms", ms(naive[1]), jm[0] + " ms", ms(jm[1]), k.form(), goal);
      }
    }
  }

  private static String ms(long millis) {
    return millis >= 1000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : millis + " ms";
  }

  interface Migrate {
    void run(Connection c) throws Exception;
  }

  /** {longest gap between successful writes while migrating (ms), migration time (ms)} on a fresh copy. */
  private static long[] measure(EmbeddedPostgres pg, String db, int rows, Migrate migrate) throws Exception {
    try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + db + " TEMPLATE stall_base");
    }
    AtomicBoolean stop = new AtomicBoolean();
    long[] writes = new long[4_000_000];
    int[] count = {0};
    Thread writer = new Thread(() -> {
      try (Connection w = pg.getDatabase("postgres", db).getConnection();
          PreparedStatement ps = w.prepareStatement("UPDATE big SET b = ? WHERE id = ?")) {
        while (!stop.get()) {
          ps.setString(1, Long.toString(System.nanoTime()));
          ps.setLong(2, 1 + ThreadLocalRandom.current().nextInt(rows));
          ps.executeUpdate();
          if (count[0] < writes.length) {
            writes[count[0]++] = System.nanoTime();
          }
          Thread.sleep(1);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "writer");
    writer.start();
    Thread.sleep(1000); // the writer is warm
    long start = System.nanoTime();
    try (Connection c = pg.getDatabase("postgres", db).getConnection()) {
      migrate.run(c);
    }
    long end = System.nanoTime();
    Thread.sleep(300); // a write blocked until the end completes after it
    stop.set(true);
    writer.join();
    long gap = 0;
    for (int i = 1; i < count[0]; i++) {
      if (writes[i] >= start && writes[i - 1] <= end) {
        gap = Math.max(gap, writes[i] - Math.max(writes[i - 1], start));
      }
    }
    try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE " + db);
    }
    return new long[] {gap / 1_000_000, (end - start) / 1_000_000};
  }
}
