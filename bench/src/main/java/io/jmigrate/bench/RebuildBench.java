package io.jmigrate.bench;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;

import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQLite's table rebuild (a column type change) of a large table: jmigrate's migration against
 * the floor, the same create / INSERT … SELECT / drop / rename by plain JDBC in one transaction.
 * Also the migrating process's peak heap above its starting point, at two sizes.
 */
final class RebuildBench {
  private RebuildBench() {}

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

  static final Migrator MIGRATOR = new Migrator(List.of(
      new Step(1, "create big", createTable(table("big",
          column("id", BIGINT).notNull(), column("a", INTEGER), column("b", STRING), column("c", DOUBLE)).primaryKey("id")),
          addIndex("big", index("ix_big_a", "a"))),
      new Step(2, "widen a", alterColumn("big", column("a", BIGINT)))));

  static void run(Report r, Path work, int rows, int reps) throws Exception {
    Path dir = Files.createDirectories(work.resolve("rebuild"));
    List<Double> floor = new ArrayList<>();
    List<Double> jm = new ArrayList<>();
    for (int rep = -1; rep < reps; rep++) {
      String f = prepare(dir.resolve("floor.db"), rows);
      long t0 = System.nanoTime();
      try (Connection c = DriverManager.getConnection(f); Statement s = c.createStatement()) {
        c.setAutoCommit(false);
        s.execute("CREATE TABLE \"_new_big\" (\"id\" BIGINT NOT NULL, \"a\" BIGINT, \"b\" TEXT, \"c\" DOUBLE, "
            + "CONSTRAINT \"pk_big\" PRIMARY KEY (\"id\"))");
        s.execute("INSERT INTO \"_new_big\" (\"id\", \"a\", \"b\", \"c\") SELECT \"id\", \"a\", \"b\", \"c\" FROM \"big\"");
        s.execute("DROP TABLE \"big\"");
        s.execute("ALTER TABLE \"_new_big\" RENAME TO \"big\"");
        s.execute("CREATE INDEX \"ix_big_a\" ON \"big\" (\"a\")");
        c.commit();
      }
      double floorMs = (System.nanoTime() - t0) / 1e6;
      String j = prepare(dir.resolve("jmigrate.db"), rows);
      t0 = System.nanoTime();
      try (Connection c = DriverManager.getConnection(j)) {
        MIGRATOR.migrate(c);
      }
      double jmMs = (System.nanoTime() - t0) / 1e6;
      if (rep >= 0) {
        floor.add(floorMs);
        jm.add(jmMs);
      }
    }
    Stats fs = Stats.of(floor);
    Stats js = Stats.of(jm);
    r.heading("SQLite table rebuild of " + String.format(Locale.ROOT, "%,d", rows) + " rows (column type change), "
        + reps + " runs");
    r.row("", "time: median (min–max)", "vs floor");
    r.row("---", "---", "---");
    r.row("floor: plain JDBC create / INSERT … SELECT / drop / rename / index, one transaction", fs, "1.00×");
    r.row("jmigrate migration (rebuild + foreign_key_check + history row)", js, "**" + js.ratioTo(fs) + "** (target ≤ 1.05×)");

    r.line("");
    r.row("rows", "bytes the migrating thread allocated during the migration", "peak heap used above the start (G1 region granularity)");
    r.row("---", "---", "---");
    for (int n : new int[] {rows / 10, rows}) {
      long[] m = memory(dir, n);
      r.row(String.format(Locale.ROOT, "%,d", n), String.format(Locale.ROOT, "%,d KB", m[0] / 1024),
          String.format(Locale.ROOT, "%,d KB", m[1] / 1024));
    }
  }

  /** {allocated bytes, peak heap growth} of one migration of a table with {@code rows} rows. */
  private static long[] memory(Path dir, int rows) throws Exception {
    String url = prepare(dir.resolve("heap.db"), rows);
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocated = threads.getCurrentThreadAllocatedBytes();
    try (Connection c = DriverManager.getConnection(url)) {
      MIGRATOR.migrate(c);
    }
    allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new long[] {allocated, Math.max(0, peak - before)};
  }

  /** A database at version 1 holding {@code rows} rows; returns its URL. */
  private static String prepare(Path file, int rows) throws Exception {
    Files.deleteIfExists(file);
    Files.deleteIfExists(Path.of(file + "-journal"));
    String url = "jdbc:sqlite:" + file;
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      MIGRATOR.migrateTo(c, 1);
      s.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < " + rows + ") "
          + "INSERT INTO big (id, a, b, c) SELECT x, x % 1000, 'row number ' || x, x * 0.5 FROM n");
    }
    return url;
  }
}
