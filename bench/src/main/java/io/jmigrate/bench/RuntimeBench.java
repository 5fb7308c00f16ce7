package io.jmigrate.bench;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.engine.Migrator;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * jmigrate against Flyway, Liquibase and plain JDBC on the same migrations: applying all to an
 * empty database, a no-op on an up-to-date one in this warm JVM, and a no-op in a cold JVM.
 */
final class RuntimeBench {
  /** Makes a new, empty database and returns its URL. */
  interface Databases {
    String fresh() throws Exception;
  }

  private RuntimeBench() {}

  static void run(Report r, Workload w, String dialect, Databases dbs, int reps, int warmNoops, int coldReps)
      throws Exception {
    ClassLoader loader = new URLClassLoader(new URL[] {w.classes.toUri().toURL()});
    Migrator m = new Migrator(Workload.loadMigrations(loader));
    List<List<String>> statements = Workload.statements(m, Dialect.named(dialect));
    Map<String, Tools.Tool> tools = new LinkedHashMap<>();
    tools.put("jmigrate", Tools.jmigrate(loader));
    tools.put("Flyway " + Tools.version("org.flywaydb", "flyway-core"), Tools.flyway(w.flywayDir(dialect)));
    tools.put("Flyway " + Tools.flyway13Version(), Tools.flyway13(w.flywayDir(dialect)));
    tools.put("Liquibase " + liquibase.util.LiquibaseUtil.getBuildVersion(),
        Tools.liquibase(w.dir, "changelog-" + dialect + ".sql"));

    // (a) apply everything to an empty database; fresh database per run, tools interleaved.
    Map<String, List<Double>> apply = new LinkedHashMap<>();
    apply.put("plain JDBC (floor)", new ArrayList<>());
    tools.keySet().forEach(k -> apply.put(k, new ArrayList<>()));
    // Like for like: on PostgreSQL jmigrate sends each migration as one batch, so the floor does too.
    boolean batch = dialect.equals("postgresql");
    Tools.Tool floor = Tools.jdbc(statements, batch);
    for (int rep = -1; rep < reps; rep++) { // rep -1 warms up
      for (Map.Entry<String, List<Double>> e : apply.entrySet()) {
        Tools.Tool t = e.getKey().startsWith("plain") ? floor : tools.get(e.getKey());
        String url = dbs.fresh();
        long t0 = System.nanoTime();
        t.migrate(url);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (rep >= 0) {
          e.getValue().add(ms);
        }
      }
    }
    Stats floorStats = Stats.of(apply.get("plain JDBC (floor)"));
    r.heading(dialect + ": apply " + w.count + " migrations to an empty database (" + reps + " runs)"
        + (batch ? "; the floor sends each migration as one JDBC batch, as jmigrate does here" : ""));
    r.row("tool", "time: median (min–max)", "vs plain JDBC");
    r.row("---", "---", "---");
    for (Map.Entry<String, List<Double>> e : apply.entrySet()) {
      Stats s = Stats.of(e.getValue());
      r.row(e.getKey(), s, s.ratioTo(floorStats));
    }

    // (b) no-op on an up-to-date database, warm, in this process, on an open connection.
    Map<String, Stats> warmFresh = new LinkedHashMap<>();
    Map<String, Stats> warmPrepared = new LinkedHashMap<>();
    Map<String, String> upToDate = new LinkedHashMap<>();
    for (Map.Entry<String, Tools.Tool> e : tools.entrySet()) {
      String url = dbs.fresh();
      e.getValue().migrate(url);
      upToDate.put(e.getKey(), url);
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
        warmFresh.put(e.getKey(), Stats.time(warmNoops, warmNoops, () -> e.getValue().migrate(c)));
        Tools.Prepared p = e.getValue().prepare(c);
        warmPrepared.put(e.getKey(), Stats.time(warmNoops, warmNoops, p::migrate));
      }
    }
    Stats jmFresh = warmFresh.get("jmigrate");
    Stats jmPrepared = warmPrepared.get("jmigrate");
    r.heading(dialect + ": no-op migrate on an up-to-date database, warm JVM, open connection (" + warmNoops
        + " calls after " + warmNoops + " warm-up calls)");
    r.row("tool", "set up + migrate (warm: classes loaded, not a start-up): median (min–max)", "vs jmigrate",
        "migrate on a set-up instance: median (min–max)", "vs jmigrate");
    r.row("---", "---", "---", "---", "---");
    for (String k : warmFresh.keySet()) {
      r.row(k, warmFresh.get(k), warmFresh.get(k).ratioTo(jmFresh), warmPrepared.get(k), warmPrepared.get(k).ratioTo(jmPrepared));
    }
    r.line("");
    r.line("Set up: jmigrate reads its index and instantiates the migration classes (already loaded and checksummed in "
        + "this warm JVM); Flyway configures and loads (its `migrate` then scans and checksums the SQL files on every call); "
        + "Liquibase parses the changelog. Neither column is a start-up: the cold-JVM table below is.");

    // (c) no-op in a cold JVM: a whole process that starts, migrates (nothing) and exits.
    Map<String, List<Double>> cold = new LinkedHashMap<>();
    cold.put("JVM + connection only", new ArrayList<>());
    tools.keySet().forEach(k -> cold.put(k, new ArrayList<>()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int rep = -1; rep < coldReps; rep++) {
      for (String k : cold.keySet()) {
        String tool = k.startsWith("JVM") ? "jvm" : k.startsWith("Flyway 13") ? "flyway13" : k.split(" ")[0].toLowerCase();
        String url = upToDate.getOrDefault(k, upToDate.get("jmigrate"));
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            ColdStart.class.getName(), tool, url, w.dir.toString(), dialect)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException(k + " cold start failed (exit " + p.exitValue() + ")");
        }
        if (rep >= 0) {
          cold.get(k).add((System.nanoTime() - t0) / 1e6);
        }
      }
    }
    Stats jvm = Stats.of(cold.get("JVM + connection only"));
    r.heading(dialect + ": no-op migrate in a cold JVM, whole process (" + coldReps + " runs)");
    r.row("process", "wall time: median (min–max)", "above the bare JVM", "vs jmigrate");
    r.row("---", "---", "---", "---");
    Stats jmCold = Stats.of(cold.get("jmigrate"));
    for (Map.Entry<String, List<Double>> e : cold.entrySet()) {
      Stats s = Stats.of(e.getValue());
      r.row(e.getKey(), s, Stats.fmt(s.median() - jvm.median()) + " ms", s.ratioTo(jmCold));
    }
  }
}
