package io.jmigrate.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The processor's cost inside javac: a model of {@code tables} {@code @Table} classes with 10
 * columns each (every tenth with an index, every fifth with a foreign key), compiled with and
 * without the processor, in one process after warm-up.
 */
final class CompileBench {
  private CompileBench() {}

  static void run(Report r, Path work, int tables, int reps) throws Exception {
    Path root = work.resolve("compile");
    Javac.deleteTree(root);
    Path src = root.resolve("src/main/java");
    Path model = writeModels(src, tables);
    Path migrations = src.resolve("bench/migrations");
    Path snapshot = root.resolve("src/main/resources/jmigrate/schema.json");
    Path out = root.resolve("out");

    Stats.Task first = () -> {
      Javac.deleteTree(migrations);
      Files.deleteIfExists(snapshot);
      Javac.compile(src, out, true);
    };
    Stats firstBuild = Stats.time(1, reps, first); // leaves the snapshot and V0001 in place
    byte[] snapshotBytes = Files.readAllBytes(snapshot);

    Stats plain = Stats.time(1, reps, () -> Javac.compile(src, out, false));
    Stats noChange = Stats.time(1, reps, () -> Javac.compile(src, out, true));
    Stats plain2 = Stats.time(0, reps, () -> Javac.compile(src, out, false)); // again, to see drift

    Path changed = model.resolve(name(1) + ".java");
    Stats oneChange = Stats.time(1, reps, () -> {
      Files.writeString(changed, source(1, true));
      Javac.compile(src, out, true);
      // Undo, untimed, for the next repetition.
      Files.deleteIfExists(migrations.resolve("V0002_AddM0001Extra.java"));
      Files.write(snapshot, snapshotBytes);
      Files.writeString(changed, source(1, false));
    });

    Stats noop = Stats.time(1, reps, () -> Javac.compile(src, out, Javac.Mode.NOOP));
    Stats warmNoChange = Stats.time(1, reps, () -> Javac.compile(src, out, Javac.Mode.WARM));
    Stats plainCold = Stats.time(0, reps, () -> Javac.compileAsProcess(src, out, false));
    Stats noChangeCold = Stats.time(0, reps, () -> Javac.compileAsProcess(src, out, true));

    Stats baseline = plain.median() <= plain2.median() ? plain : plain2;
    r.heading("Compile time: " + tables + " @Table classes × 10 columns, javac in-process, " + reps + " runs after warm-up");
    r.row("build", "time: median (min–max)", "vs plain javac");
    r.row("---", "---", "---");
    r.row("plain javac (-proc:none), same sources", baseline, "1.00×");
    r.row("**no-change build** (snapshot up to date)", noChange, "**" + noChange.ratioTo(baseline) + "** (target ≤ 1.10×)");
    r.row("one-change build (one column added)", oneChange, oneChange.ratioTo(baseline));
    r.row("first build (no snapshot; writes V0001 for all tables)", firstBuild, firstBuild.ratioTo(baseline));
    r.row("javac with a processor that does nothing (javac's own cost of annotation processing)", noop, noop.ratioTo(baseline));
    r.row("no-change build, processor object reused (JIT-warm like javac itself)", warmNoChange,
        warmNoChange.ratioTo(baseline) + " (" + warmNoChange.ratioTo(noop) + " of the do-nothing processor)");
    r.row("plain javac as its own process (cold JVM, like a command-line build)", plainCold, "1.00× (process baseline)");
    r.row("no-change build as its own process", noChangeCold, "**" + noChangeCold.ratioTo(plainCold) + "** vs the process baseline");
    r.line("");
    r.line("Plain javac measured twice (before and after the no-change runs): " + plain + " and " + plain2
        + "; the lower median is the baseline.");
  }

  /**
   * The large JPA model ({@link JpaModel}): the first build, a no-change build and a one-change
   * build with the processor, each against javac with a processor that does nothing, loaded the
   * same way (per build from -processorpath, as Maven does; as one object; as a whole process);
   * and the heap the processor allocates in a first and in a no-change build.
   */
  static void runJpa(Report r, Path work, int domains, int reps) throws Exception {
    Path root = work.resolve("compile-jpa");
    Javac.deleteTree(root);
    Path src = root.resolve("src/main/java");
    int entities = JpaModel.write(src, domains);
    Path snapshot = root.resolve("src/main/resources/jmigrate/schema.json");
    Path out = root.resolve("out");
    Path migrations = src.resolve("bench/jpa/migrations");

    Stats.Task first = () -> {
      Javac.deleteTree(migrations);
      Files.deleteIfExists(snapshot);
      Javac.compile(src, out, true);
    };
    Stats firstBuild = Stats.time(1, reps, first);
    if (!Files.isDirectory(migrations)) {
      throw new IllegalStateException("the first build wrote no migration into " + migrations);
    }
    long[] firstHeap = heap(() -> {
      Javac.deleteTree(migrations);
      Files.deleteIfExists(snapshot);
      Javac.compile(src, out, Javac.Mode.WARM);
    });
    byte[] snapshotBytes = Files.readAllBytes(snapshot);

    // Alternated, so that drift on a shared machine falls on each alike.
    java.util.Map<String, Stats.Task> builds = new java.util.LinkedHashMap<>();
    builds.put("noopLoaded", () -> Javac.compile(src, out, Javac.Mode.NOOP_LOADED));
    builds.put("loaded", () -> Javac.compile(src, out, Javac.Mode.LOADED));
    builds.put("noop", () -> Javac.compile(src, out, Javac.Mode.NOOP));
    builds.put("warm", () -> Javac.compile(src, out, Javac.Mode.WARM));
    builds.put("plain", () -> Javac.compile(src, out, Javac.Mode.PLAIN));
    Stats.Rounds rounds = Stats.alternate(builds, java.util.Map.of(), reps);
    java.util.Map<String, java.util.List<Double>> t = rounds.wall();
    java.util.Map<String, java.util.List<Double>> cpu = rounds.cpu();
    if (!java.util.Arrays.equals(snapshotBytes, Files.readAllBytes(snapshot))) {
      throw new IllegalStateException("a no-change build of the JPA model changed its snapshot");
    }
    long[] noChangeHeap = heap(() -> Javac.compile(src, out, Javac.Mode.WARM));
    long[] noopHeap = heap(() -> Javac.compile(src, out, Javac.Mode.NOOP));

    Path product = JpaModel.productOf(src, 1);
    String productSource = Files.readString(product);
    Stats oneChange = Stats.time(1, reps, () -> {
      Files.writeString(product, productSource.replace("  boolean active;\n", "  boolean active;\n  String extra;\n"));
      Javac.compile(src, out, true);
      try (var l = Files.list(migrations)) { // undo, untimed
        for (Path m : l.filter(m -> !m.getFileName().toString().startsWith("V0001")).toList()) {
          Files.delete(m);
        }
      }
      Files.write(snapshot, snapshotBytes);
      Files.writeString(product, productSource);
    });

    java.util.Map<String, java.util.List<Double>> p = new java.util.LinkedHashMap<>();
    for (Javac.Mode m : java.util.List.of(Javac.Mode.NOOP_LOADED, Javac.Mode.LOADED, Javac.Mode.PLAIN)) {
      p.put(m.name(), new java.util.ArrayList<>());
    }
    for (int rep = 0; rep < reps; rep++) {
      for (var e : p.entrySet()) {
        long t0 = System.nanoTime();
        Javac.compileAsProcess(src, out, Javac.Mode.valueOf(e.getKey()));
        e.getValue().add((System.nanoTime() - t0) / 1e6);
      }
    }

    Stats plain = Stats.of(t.get("plain"));
    Stats noopLoaded = Stats.of(t.get("noopLoaded"));
    Stats loaded = Stats.of(t.get("loaded"));
    Stats noop = Stats.of(t.get("noop"));
    Stats warm = Stats.of(t.get("warm"));
    Stats noopProcess = Stats.of(p.get("NOOP_LOADED"));
    Stats process = Stats.of(p.get("LOADED"));
    Stats plainProcess = Stats.of(p.get("PLAIN"));
    long files;
    try (var l = Files.walk(src)) {
      files = l.filter(f -> f.toString().endsWith(".java")).count();
    }
    r.heading("Compile time: a JPA model of " + entities + " entities (" + files + " source files: " + domains
        + " packages of JOINED and SINGLE_TABLE hierarchies, embeddables, element collections, @OneToMany/@ManyToMany, "
        + "enums, SEQUENCE/AUTO/IDENTITY ids), javac in-process, " + reps + " runs after warm-up, alternated");
    Stats plainCpu = Stats.of(cpu.get("plain"));
    Stats noopLoadedCpu = Stats.of(cpu.get("noopLoaded"));
    Stats loadedCpu = Stats.of(cpu.get("loaded"));
    Stats noopCpu = Stats.of(cpu.get("noop"));
    Stats warmCpu = Stats.of(cpu.get("warm"));
    r.row("build", "time: median (min–max)", "vs the do-nothing processor loaded the same way", "vs plain javac",
        "CPU time of the compiling thread", "CPU vs the do-nothing processor");
    r.row("---", "---", "---", "---", "---", "---");
    r.row("plain javac (-proc:none)", plain, "", "1.00×", plainCpu, "");
    r.row("do-nothing processor, loaded per build from -processorpath", noopLoaded, "1.00×", noopLoaded.ratioTo(plain),
        noopLoadedCpu, "1.00×");
    r.row("**no-change build**, processor loaded per build (as Maven does)", loaded,
        "**" + loaded.ratioTo(noopLoaded) + "** (target ≤ 1.05×)", loaded.ratioTo(plain), loadedCpu,
        "**" + loadedCpu.ratioTo(noopLoadedCpu) + "**");
    r.row("do-nothing processor, one object for every build", noop, "1.00×", noop.ratioTo(plain), noopCpu, "1.00×");
    r.row("**no-change build**, one processor object (JIT-warm)", warm, "**" + warm.ratioTo(noop) + "**",
        warm.ratioTo(plain), warmCpu, "**" + warmCpu.ratioTo(noopCpu) + "**");
    r.row("one-change build (one column added), loaded per build", oneChange, oneChange.ratioTo(noopLoaded),
        oneChange.ratioTo(plain), "", "");
    r.row("first build (no snapshot; writes V0001), loaded per build", firstBuild, firstBuild.ratioTo(noopLoaded),
        firstBuild.ratioTo(plain), "", "");
    r.row("javac as its own process: plain", plainProcess, "", "1.00×", "", "");
    r.row("javac as its own process: do-nothing processor", noopProcess, "1.00×", noopProcess.ratioTo(plainProcess), "",
        "");
    r.row("**no-change build as its own process**", process, "**" + process.ratioTo(noopProcess) + "**",
        process.ratioTo(plainProcess), "", "");
    r.line("");
    r.line("Timed builds alternate (do-nothing loaded, jmigrate loaded, do-nothing object, jmigrate object, plain; "
        + "the order rotating each round), so that drift on a shared machine falls on each alike; the compiling thread's CPU time is the steadier "
        + "figure there (javac runs on the calling thread; GC and JIT threads are not counted).");
    r.line("");
    r.line("Heap (bytes the compiling thread allocated, one build each, processor object JIT-warm): "
        + "do-nothing processor " + mib(noopHeap[0]) + "; no-change build " + mib(noChangeHeap[0]) + " (+"
        + mib(noChangeHeap[0] - noopHeap[0]) + " for the processor); first build " + mib(firstHeap[0]) + " (+"
        + mib(firstHeap[0] - noopHeap[0]) + "). Heap in use after the build and a GC: do-nothing "
        + mib(noopHeap[1]) + ", no-change " + mib(noChangeHeap[1]) + ", first " + mib(firstHeap[1]) + ".");
  }

  /** {bytes the current thread allocated during task, heap used after it and a GC}. */
  static long[] heap(Stats.Task task) throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    System.gc();
    long before = threads.getCurrentThreadAllocatedBytes();
    task.run();
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return new long[] {allocated, rt.totalMemory() - rt.freeMemory()};
  }

  private static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }

  /** Writes the models {@code M0001} … of {@link #source} into {@code src}'s package bench.model, which it returns. */
  static Path writeModels(Path src, int tables) throws java.io.IOException {
    Path model = Files.createDirectories(src.resolve("bench/model"));
    for (int i = 1; i <= tables; i++) {
      Files.writeString(model.resolve(name(i) + ".java"), source(i, false));
    }
    return model;
  }

  static String name(int i) {
    return String.format("M%04d", i);
  }

  static String source(int i, boolean extra) {
    StringBuilder s = new StringBuilder("package bench.model;\n\nimport io.jmigrate.*;\nimport java.math.BigDecimal;\n"
        + "import java.time.LocalDateTime;\n\n");
    if (i % 10 == 0) {
      s.append("@Index(columns = {\"name\", \"created_at\"})\n");
    }
    s.append("@Table\npublic class ").append(name(i)).append(" {\n")
        .append("  @Id(generated = true) long id;\n")
        .append("  @Column(length = 100, nullable = false) String name;\n")
        .append("  String description;\n")
        .append("  int quantity;\n")
        .append("  @Column(precision = 12, scale = 2) BigDecimal price;\n")
        .append("  boolean active;\n")
        .append("  LocalDateTime createdAt;\n")
        .append("  Double score;\n")
        .append("  @Column(defaultValue = \"new\") String status;\n");
    if (i % 5 == 0 && i > 1) {
      s.append("  @ForeignKey(").append(name(i - 1)).append(".class) Long parentId;\n");
    } else {
      s.append("  Long parentId;\n");
    }
    if (extra) {
      s.append("  String extra;\n");
    }
    return s.append("}\n").toString();
  }
}
