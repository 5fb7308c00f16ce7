package io.jmigrate.bench;

import io.jmigrate.processor.snapshot.Snapshot;
import io.jmigrate.processor.snapshot.SnapshotStore;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * History growth on SQLite: at each N, the workload's N migrations (each a table, every fifth
 * also an index). A cold no-op start-up (whole process, and above a JVM that only opens a
 * connection), applying all to an empty database, applying the squashed migration instead, and a
 * no-change build of a project that holds N migration classes; jmigrate against Flyway at the same N.
 */
final class HistoryBench {
  private HistoryBench() {}

  /** One N's figures, for the summary; {@code cpu}: each in-process cell's CPU time of the applying thread. */
  record Row(int n, Stats jvm, Stats jmigrate, Stats jmigrateAll, Stats flyway, Stats floor, Stats apply,
      Stats flywayApply, Stats squashFloor, Stats squashed, Stats flywaySquashed, Stats plainBuild, Stats build,
      Stats flyway13, Stats flyway13Apply, Stats flyway13Squashed, Stats historyFloor, Map<String, Stats> cpu) {}

  /**
   * How many times the apply cells run at {@code n}: more at small N, where one run is short and
   * the machine's noise is large against it; once at N ≥ 5,000 (Flyway alone takes minutes there).
   */
  static int applyReps(int n, int reps) {
    return n >= 5_000 ? 1 : n <= 100 ? 3 * reps : reps;
  }

  /**
   * How many times the two floors and jmigrate run at {@code n}: their ratios are the goal, and at N = 1,000 and
   * 5,000 three runs and one left the median to the disk's moment (an fsync's time on this VM varies by 1.5× from
   * one minute to the next). The runs beyond {@link #applyReps} alternate the three among themselves.
   */
  static int floorReps(int n, int reps) {
    return n >= 5_000 ? reps : 3 * reps;
  }

  /**
   * Warm-up rounds before the first N: until every tool has applied about 1,000 migrations (at most 10 rounds), the
   * same for all. One round of 100 left the JIT still compiling jmigrate's longer path (its checks, its history)
   * while the floors' few calls were already compiled: N = 100 measured first read 1.15-1.20× floor 2, and 1.02-1.08×
   * measured after N = 1,000. What a cold JVM costs is the cold start-up table's.
   */
  static int warmUps(int n) {
    return Math.max(1, Math.min(10, 1_000 / n));
  }

  /** "1.4×", or "3.1×: **noisy**" when the floor's slowest run took more than twice its fastest. */
  static String spread(Stats floor) {
    if (floor.n() < 2) {
      return "one run: no spread";
    }
    double x = floor.max() / floor.min();
    return String.format(java.util.Locale.ROOT, "%.1f×", x) + (x > 2 ? ": **noisy**" : "");
  }

  /**
   * Runs {@code tools} on fresh databases {@code reps} times (after {@code warmUps} untimed rounds),
   * interleaved, the order reversed every other round (so that a drift of the machine's load does
   * not favour one tool); adds each run's wall time to {@code wall} and the calling thread's CPU
   * time to {@code cpu}, and remembers the last database each tool migrated in {@code migrated}.
   */
  static void alternate(Map<String, Tools.Tool> tools, RuntimeBench.Databases fresh, int warmUps, int reps,
      Map<String, List<Double>> wall, Map<String, List<Double>> cpu, Map<String, String> migrated) throws Exception {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    List<String> order = new ArrayList<>(tools.keySet());
    for (String k : order) {
      wall.putIfAbsent(k, new ArrayList<>());
      cpu.putIfAbsent(k, new ArrayList<>());
    }
    for (int rep = -warmUps; rep < reps; rep++) {
      for (String k : order) {
        String url = fresh.fresh();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        tools.get(k).migrate(url);
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        if (rep >= 0) {
          wall.get(k).add((t1 - t0) / 1e6);
          cpu.get(k).add((c1 - c0) / 1e6);
        }
        migrated.put(k, url);
      }
      java.util.Collections.reverse(order);
    }
  }

  /**
   * Only the apply cells (both floors and jmigrate, no Flyway, no cold start, no build): what the goal
   * "≤ 1.1× the floor at every N" is about, in minutes instead of the whole history part's hour. The second
   * floor, plain JDBC plus a history row per migration ({@link Tools#jdbcWithHistory}), is what any tool that
   * records what it applied cannot go below.
   */
  static void runApply(Report r, Path work, List<Integer> sizes, int reps) throws Exception {
    r.heading("History growth (SQLite): apply N migrations to an empty database, both floors and jmigrate alternated"
        + " (wall, and CPU time of the applying thread)");
    r.row("N", "runs", "plain JDBC (floor): wall", "floor: CPU", "jmigrate: wall", "jmigrate: CPU", "vs floor: wall",
        "vs floor: CPU", "floor's spread (max ÷ min)", "plain JDBC + a history row (floor 2): wall", "floor 2: CPU",
        "jmigrate vs floor 2: wall", "vs floor 2: CPU", "floor 2's spread");
    r.row("---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---");
    boolean first = true;
    for (int n : sizes) {
      Workload w = new Workload(work, n, List.of("sqlite"), "apply-" + n);
      try (URLClassLoader loader = new URLClassLoader(new URL[] {w.classes.toUri().toURL()})) {
        List<List<String>> statements = Workload.statements(
            new io.jmigrate.engine.Migrator(Workload.loadMigrations(loader)), io.jmigrate.dialect.Dialect.named("sqlite"));
        Tools.Tool historyFloor = Tools.jdbcWithHistory(Workload.loadMigrations(loader), statements);
        Path dbs = Files.createDirectories(w.dir.resolve("db"));
        int[] files = {0};
        RuntimeBench.Databases fresh = () -> "jdbc:sqlite:" + dbs.resolve("a" + (++files[0]) + ".db");
        Map<String, Tools.Tool> tools = new LinkedHashMap<>();
        tools.put("floor", Tools.jdbc(statements, false));
        tools.put("jmigrate", Tools.jmigrate(loader));
        tools.put("historyFloor", historyFloor);
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        int runs = n >= 5_000 ? Math.max(1, reps * 2 / 3) : n <= 100 ? 5 * reps : Math.max(1, reps * 5 / 3);
        Map<String, String> migrated = new LinkedHashMap<>();
        alternate(tools, fresh, first ? warmUps(n) : 0, runs, wall, cpu, migrated);
        Tools.checkFloorHistory(migrated.get("historyFloor"), n);
        first = false;
        Stats floor = Stats.of(wall.get("floor"));
        Stats floorCpu = Stats.of(cpu.get("floor"));
        Stats apply = Stats.of(wall.get("jmigrate"));
        Stats applyCpu = Stats.of(cpu.get("jmigrate"));
        Stats floor2 = Stats.of(wall.get("historyFloor"));
        Stats floor2Cpu = Stats.of(cpu.get("historyFloor"));
        r.row(n, runs, floor, floorCpu, apply, applyCpu, apply.ratioTo(floor), applyCpu.ratioTo(floorCpu), spread(floor),
            floor2, floor2Cpu, apply.ratioTo(floor2), applyCpu.ratioTo(floor2Cpu), spread(floor2));
      }
    }
    r.line("");
    r.line("Before the first N, untimed rounds until each tool has applied about 1,000 migrations (the same for all). "
        + "CPU: the applying thread's (`ThreadMXBean.getCurrentThreadCpuTime`), kernel time of its fsyncs included; "
        + "what other threads spend (the JIT, the GC, jmigrate's progress ticker) is not in it. A floor whose runs spread "
        + "more than 2× is marked noisy: ratios against it are not results. Floor 2 runs the same statements and, in "
        + "each migration's transaction, one INSERT of a history row (version, description, checksum, installed time, "
        + "execution time) into a table it creates once per run: what recording what was applied costs at the least.");
  }

  static void run(Report r, Path work, List<Integer> sizes, int reps, int coldReps, int buildReps) throws Exception {
    List<Row> rows = new ArrayList<>();
    boolean first = true;
    for (int n : sizes) {
      // The largest N runs once per cell (Flyway alone takes minutes there); warm-up only before the first N.
      boolean big = n >= 5_000;
      Row x = measure(work, n, reps, coldReps, big ? 1 : buildReps, first);
      rows.add(x);
      first = false;
      // As soon as measured: the largest N takes long on a busy machine.
      System.out.println("history N=" + n + ": cold jvm " + x.jvm + ", jmigrate " + x.jmigrate + ", every class " + x.jmigrateAll
          + ", Flyway " + x.flyway + "; apply floor " + x.floor + ", floor + history row " + x.historyFloor + ", jmigrate " + x.apply + ", Flyway " + x.flywayApply
          + "; squashed floor " + x.squashFloor + ", jmigrate " + x.squashed + ", Flyway " + x.flywaySquashed
          + "; build plain " + x.plainBuild + ", processor " + x.build);
    }
    String flyway = "Flyway " + Tools.version("org.flywaydb", "flyway-core");
    String flyway13 = "Flyway " + Tools.flyway13Version();

    r.heading("History growth (SQLite): cold no-op start-up, whole process (" + coldReps + " runs per cell)");
    r.row("N", "JVM + connection only", "jmigrate (`Runtime.migrate`)", "above the bare JVM",
        "jmigrate loading every class (the path before the index knew checksums)", "above the bare JVM", flyway,
        "above the bare JVM", "Flyway ÷ jmigrate, above the bare JVM", flyway13, "above the bare JVM", "÷ jmigrate");
    r.row("---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---");
    for (Row x : rows) {
      double jm = x.jmigrate.median() - x.jvm.median();
      double fw = x.flyway.median() - x.jvm.median();
      // Below a tenth of the bare JVM's own spread, jmigrate's share is noise, and a ratio to it means nothing.
      boolean quiet = jm <= (x.jvm.max() - x.jvm.min()) / 10;
      r.row(x.n, x.jvm, x.jmigrate, ms(jm), x.jmigrateAll, ms(x.jmigrateAll.median() - x.jvm.median()), x.flyway, ms(fw),
          quiet ? "(jmigrate within the noise of the bare JVM)" : String.format(java.util.Locale.ROOT, "%.1f×", fw / jm),
          x.flyway13, ms(x.flyway13.median() - x.jvm.median()), quiet ? "—"
              : String.format(java.util.Locale.ROOT, "%.1f×", (x.flyway13.median() - x.jvm.median()) / jm));
    }

    r.heading("History growth (SQLite): apply N migrations to an empty database (the floors and jmigrate "
        + floorReps(100, reps) + " runs per cell below 5,000 and " + floorReps(5_000, reps) + " at N ≥ 5,000; Flyway "
        + applyReps(100, reps) + " at N ≤ 100, " + reps + " below 5,000, 1 at N ≥ 5,000; the tools alternated)");
    r.row("N", "plain JDBC (floor)", "floor: CPU", "jmigrate", "jmigrate: CPU", "vs floor", "vs floor: CPU", flyway,
        "vs floor", flyway13, "vs floor", "floor's spread (max ÷ min)", "plain JDBC + a history row (floor 2)",
        "floor 2: CPU", "jmigrate vs floor 2", "vs floor 2: CPU", "floor 2's spread");
    r.row("---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---",
        "---");
    for (Row x : rows) {
      r.row(x.n, x.floor, x.cpu.get("floor"), x.apply, x.cpu.get("jmigrate"), x.apply.ratioTo(x.floor),
          x.cpu.get("jmigrate").ratioTo(x.cpu.get("floor")), x.flywayApply, x.flywayApply.ratioTo(x.floor),
          x.flyway13Apply, x.flyway13Apply.ratioTo(x.floor), spread(x.floor), x.historyFloor, x.cpu.get("historyFloor"),
          x.apply.ratioTo(x.historyFloor), x.cpu.get("jmigrate").ratioTo(x.cpu.get("historyFloor")), spread(x.historyFloor));
    }
    r.line("");
    r.line("Before the first N, untimed rounds until each tool has applied about 1,000 migrations (the same for all: the "
        + "JIT compiles jmigrate's longer path later than the floors' few calls). CPU: the applying thread's, kernel time "
        + "of its fsyncs included. A floor whose runs spread more than 2× is "
        + "marked noisy: ratios against it are not results. Floor 2 runs the same statements and, in each migration's "
        + "transaction, one INSERT of a history row (version, description, checksum, installed time, execution time) "
        + "into a table it creates once per run: what recording what was applied costs at the least.");

    r.heading("History growth (SQLite): apply the squashed migration to an empty database (" + applyReps(100, reps)
        + " runs per cell at N ≤ 100, " + reps + " below 5,000, 1 at N ≥ 5,000; alternated with the cells above)");
    r.row("N", "plain JDBC, the same statements in one transaction (floor)", "jmigrate, `V000N_Squashed`", "vs floor",
        "vs applying the N migrations", flyway + ", one consolidated `V<N>` script", "vs floor", flyway13, "vs floor");
    r.row("---", "---", "---", "---", "---", "---", "---", "---", "---");
    for (Row x : rows) {
      r.row(x.n, x.squashFloor, x.squashed, x.squashed.ratioTo(x.squashFloor), x.squashed.ratioTo(x.apply),
          x.flywaySquashed, x.flywaySquashed.ratioTo(x.squashFloor), x.flyway13Squashed,
          x.flyway13Squashed.ratioTo(x.squashFloor));
    }

    r.heading("History growth: no-change build of a project with 20 @Table models and N migration classes, javac in-process ("
        + buildReps + " runs per cell after a warm-up build; 1 at N ≥ 5,000)");
    r.row("N", "plain javac (-proc:none)", "with the processor (loaded per build, as Maven does)", "vs plain", "extra per migration");
    r.row("---", "---", "---", "---", "---");
    for (Row x : rows) {
      r.row(x.n, x.plainBuild, x.build, x.build.ratioTo(x.plainBuild),
          String.format(java.util.Locale.ROOT, "%.0f µs", (x.build.median() - x.plainBuild.median()) * 1000 / x.n));
    }
    r.line("");
    r.line("The processor's share includes writing the index with each migration's checksum, taken from the classes javac "
        + "has just written (each loaded once, in a class loader of their own), after the compilation.");
  }

  private static String ms(double v) {
    return Stats.fmt(v) + " ms";
  }

  private static Row measure(Path work, int n, int reps, int coldReps, int buildReps, boolean warmUp) throws Exception {
    Workload w = new Workload(work, n, List.of("sqlite"), "history-" + n);
    Path squashed = squashed(w);
    URLClassLoader loader = new URLClassLoader(new URL[] {w.classes.toUri().toURL()});
    URLClassLoader squashedLoader = new URLClassLoader(new URL[] {squashed.resolve("classes").toUri().toURL()});
    List<List<String>> statements = Workload.statements(
        new io.jmigrate.engine.Migrator(Workload.loadMigrations(loader)), io.jmigrate.dialect.Dialect.named("sqlite"));
    List<String> flat = new ArrayList<>();
    statements.forEach(flat::addAll);
    int[] files = {0};
    Path dbs = Files.createDirectories(w.dir.resolve("db"));
    RuntimeBench.Databases fresh = () -> "jdbc:sqlite:" + dbs.resolve("h" + (++files[0]) + ".db");

    Map<String, Tools.Tool> tools = new LinkedHashMap<>();
    tools.put("floor", Tools.jdbc(statements, false));
    tools.put("jmigrate", Tools.jmigrate(loader));
    tools.put("historyFloor", Tools.jdbcWithHistory(Workload.loadMigrations(loader), statements));
    tools.put("flyway", Tools.flyway(w.flywayDir("sqlite")));
    tools.put("squashFloor", Tools.jdbc(List.of(flat), false));
    tools.put("squashed", Tools.jmigrate(squashedLoader));
    tools.put("flywaySquashed", Tools.flyway(squashed.resolve("flyway-sqlite")));
    tools.put("flyway13", Tools.flyway13(w.flywayDir("sqlite"))); // Flyway 13 beside 12.4, in its own class loader
    tools.put("flyway13Squashed", Tools.flyway13(squashed.resolve("flyway-sqlite")));
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, List<Double>> cpuTimes = new LinkedHashMap<>();
    Map<String, String> migrated = new LinkedHashMap<>();
    alternate(tools, fresh, warmUp ? warmUps(n) : 0, applyReps(n, reps), times, cpuTimes, migrated); // tools interleaved
    int more = floorReps(n, reps) - applyReps(n, reps);
    if (more > 0) { // the floors and jmigrate again, alternated among themselves
      Map<String, Tools.Tool> three = new LinkedHashMap<>();
      for (String k : List.of("floor", "jmigrate", "historyFloor")) {
        three.put(k, tools.get(k));
      }
      alternate(three, fresh, 0, more, times, cpuTimes, migrated);
    }
    Tools.checkFloorHistory(migrated.get("historyFloor"), n);
    Map<String, Stats> cpu = new LinkedHashMap<>();
    cpuTimes.forEach((k, v) -> cpu.put(k, Stats.of(v)));

    Map<String, List<Double>> cold = new LinkedHashMap<>();
    for (String k : List.of("jvm", "jmigrate", "jmigrate-all", "flyway", "flyway13")) {
      cold.put(k, new ArrayList<>());
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int rep = -1; rep < coldReps; rep++) {
      for (String k : cold.keySet()) {
        String url = migrated.get(k.startsWith("flyway") ? k : "jmigrate");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), k, url,
            w.dir.toString(), "sqlite").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long t0 = System.nanoTime();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException(k + " cold start failed at N = " + n);
        }
        if (rep >= 0) {
          cold.get(k).add((System.nanoTime() - t0) / 1e6);
        }
      }
    }

    Path project = project(w, n);
    Path src = project.resolve("src/main/java");
    Path out = project.resolve("out");
    Stats plain = Stats.time(1, buildReps, () -> Javac.compile(src, out, false));
    Stats build = Stats.time(1, buildReps, () -> Javac.compile(src, out, true));
    String index = Files.readString(out.resolve(io.jmigrate.migration.MigrationIndex.RESOURCE));
    long sources;
    try (var l = Files.list(src.resolve("bench/migrations"))) {
      sources = l.count();
    }
    if (!index.contains(" " + n + " ") || Pattern.compile(" \\d+ - ").matcher(index).find() || sources != n) {
      throw new IllegalStateException("the no-change build did not index the N migrations with their checksums");
    }
    loader.close();
    squashedLoader.close();
    return new Row(n, Stats.of(cold.get("jvm")), Stats.of(cold.get("jmigrate")), Stats.of(cold.get("jmigrate-all")),
        Stats.of(cold.get("flyway")), Stats.of(times.get("floor")), Stats.of(times.get("jmigrate")),
        Stats.of(times.get("flyway")), Stats.of(times.get("squashFloor")), Stats.of(times.get("squashed")),
        Stats.of(times.get("flywaySquashed")), plain, build, Stats.of(cold.get("flyway13")),
        Stats.of(times.get("flyway13")), Stats.of(times.get("flyway13Squashed")), Stats.of(times.get("historyFloor")), cpu);
  }

  /** The squashed form of the workload: one {@code SquashedMigration} creating all N tables, and Flyway's one script. */
  private static Path squashed(Workload w) throws Exception {
    Path dir = w.dir.resolve("squashed");
    Path pkg = Files.createDirectories(dir.resolve("src/bench/migrations"));
    String cls = String.format("V%04d_Squashed", w.count);
    StringBuilder s = new StringBuilder("package bench.migrations;\n\nimport static io.jmigrate.migration.Operations.*;\n"
        + "import static io.jmigrate.schema.ColumnType.*;\n\nimport io.jmigrate.migration.*;\nimport java.util.ArrayList;\n"
        + "import java.util.List;\n\npublic final class " + cls + " extends SquashedMigration {\n  public " + cls + "() {\n"
        + "    super(" + w.count + ", \"squashed versions 1 to " + w.count + "\", null);\n  }\n\n  @Override\n"
        + "  public List<Operation> up() {\n    List<Operation> ops = new ArrayList<>();\n");
    int parts = (w.count + 39) / 40; // a JVM method holds 64 KB of bytecode: parts, as the processor writes them
    for (int p = 1; p <= parts; p++) {
      s.append("    ops.addAll(part").append(p).append("());\n");
    }
    s.append("    return ops;\n  }\n");
    for (int p = 1; p <= parts; p++) {
      s.append("\n  private static List<Operation> part").append(p).append("() {\n    return List.of(\n");
      for (int i = (p - 1) * 40 + 1; i <= Math.min(w.count, p * 40); i++) {
        s.append(Workload.operations(i)).append(i == Math.min(w.count, p * 40) ? ");\n" : ",\n");
      }
      s.append("  }\n");
    }
    s.append("}\n");
    Files.writeString(pkg.resolve(cls + ".java"), s);
    Path classes = dir.resolve("classes");
    Javac.compile(dir.resolve("src"), classes, false);
    Workload.writeIndex(classes, List.of("bench.migrations." + cls));
    Path flyway = Files.createDirectories(dir.resolve("flyway-sqlite"));
    StringBuilder script = new StringBuilder();
    for (int i = 1; i <= w.count; i++) {
      script.append(String.join("\n", Files.readAllLines(w.flywayDir("sqlite").resolve("V" + i + "__create_t" + i + ".sql"))))
          .append('\n');
    }
    Files.writeString(flyway.resolve("V" + w.count + "__squashed.sql"), script);
    return dir;
  }

  /**
   * A project of 20 models whose first migration the processor generated, followed by N - 1
   * migration classes that leave the schema as it is (each creates a table and drops it again),
   * with the snapshot at version N: a build with nothing to generate.
   */
  private static Path project(Workload w, int n) throws Exception {
    Path root = w.dir.resolve("project");
    Path src = root.resolve("src/main/java");
    CompileBench.writeModels(src, 20);
    Javac.compile(src, root.resolve("out"), true); // writes V0001 and the snapshot
    Path snapshot = root.resolve("src/main/resources/jmigrate/schema.json");
    Path pkg = src.resolve("bench/migrations");
    String last = "bench.migrations.V0001";
    for (int i = 2; i <= n; i++) {
      String cls = String.format("V%04d_CreateAndDropT%d", i, i);
      Files.writeString(pkg.resolve(cls + ".java"), "package bench.migrations;\n\nimport static io.jmigrate.migration.Operations.*;\n"
          + "import static io.jmigrate.schema.ColumnType.*;\n\nimport io.jmigrate.migration.*;\nimport java.util.List;\n\n"
          + "public final class " + cls + " extends Migration {\n  public " + cls + "() {\n    super(" + i
          + ", \"create and drop t" + i + "\");\n  }\n\n  @Override\n  public List<Operation> up() {\n    return List.of(\n"
          + Workload.operations(i) + ",\n        dropTable(\"t" + i + "\"));\n  }\n}\n");
      last = "bench.migrations." + cls;
    }
    if (n > 1) {
      Snapshot s = SnapshotStore.read(Files.readString(snapshot));
      Files.writeString(snapshot, SnapshotStore.write(new Snapshot(s.schema(), s.tableClasses(), s.renames(), n, last, null)));
    }
    return root;
  }
}
