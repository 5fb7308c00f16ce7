package io.jmigrate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The no-change build against a processor that does nothing, by the compiling thread's CPU time, for
 * the 500 {@code @Table} models of {@link CompileBench} and the JPA model of {@link JpaModel}: in one
 * JVM, the builds of every kind alternated (the order rotating every round), so that the load of a
 * shared machine falls on each alike. Each kind is timed with the processor loaded per build from
 * -processorpath (as Maven does) and as one JIT-warm object; the no-change build both with the state
 * the previous no-change build recorded (the shortcut, {@code BuildState}) and with that state deleted
 * first (the full path every no-change build took before it). Also the first build (no snapshot) and
 * the heap each kind allocates.
 */
final class NoChangeBench {
  private NoChangeBench() {}

  static void run(Report r, Path work, int tables, int domains, int reps) throws Exception {
    Path tableRoot = work.resolve("nochange-table");
    Javac.deleteTree(tableRoot);
    Path tableSrc = tableRoot.resolve("src/main/java");
    CompileBench.writeModels(tableSrc, tables);
    measure(r, tables + " @Table models (CompileBench's)", tableRoot, tableSrc.resolve("bench/migrations"), reps);

    Path jpaRoot = work.resolve("nochange-jpa");
    Javac.deleteTree(jpaRoot);
    Path jpaSrc = jpaRoot.resolve("src/main/java");
    int entities = JpaModel.write(jpaSrc, domains);
    measure(r, "the JPA model of " + entities + " entities (JpaModel)", jpaRoot, jpaSrc.resolve("bench/jpa/migrations"),
        reps);
  }

  private static void measure(Report r, String what, Path root, Path migrations, int reps) throws Exception {
    Path src = root.resolve("src/main/java");
    Path snapshot = root.resolve("src/main/resources/jmigrate/schema.json");
    // One class output per way of loading the processor: each records its own state (its digest names the
    // processor's class path, which differs between the two).
    Path out = root.resolve("out");
    Path state = root.resolve("out.jmigrate-state");
    Path warmOut = root.resolve("out-warm");
    Path warmState = root.resolve("out-warm.jmigrate-state");

    // The first build, alternated with the do-nothing processor.
    Map<String, Stats.Task> first = new LinkedHashMap<>();
    first.put("noopLoaded", () -> Javac.compile(src, out, Javac.Mode.NOOP_LOADED));
    first.put("first", () -> {
      Javac.compile(src, out, Javac.Mode.LOADED);
    });
    Map<String, Stats.Task> firstSetup = Map.of("first", () -> {
      Javac.deleteTree(migrations);
      Files.deleteIfExists(snapshot);
      Files.deleteIfExists(state);
    });
    Map<String, List<Double>> firstCpu = Stats.alternate(first, firstSetup, Math.max(1, reps / 4)).cpu();
    byte[] snapshotBytes = Files.readAllBytes(snapshot);
    List<String> migrationFiles = list(migrations);

    Javac.compile(src, out, Javac.Mode.LOADED); // the first no-change build: it records the state
    if (!Files.exists(state)) {
      throw new IllegalStateException("a no-change build recorded no state at " + state);
    }

    Map<String, Stats.Task> builds = new LinkedHashMap<>();
    builds.put("noopLoaded", () -> Javac.compile(src, out, Javac.Mode.NOOP_LOADED));
    builds.put("loaded", () -> Javac.compile(src, out, Javac.Mode.LOADED));
    builds.put("loadedFull", () -> Javac.compile(src, out, Javac.Mode.LOADED));
    builds.put("noop", () -> Javac.compile(src, out, Javac.Mode.NOOP));
    builds.put("warm", () -> Javac.compile(src, warmOut, Javac.Mode.WARM));
    builds.put("warmFull", () -> Javac.compile(src, warmOut, Javac.Mode.WARM));
    // The full path, as before the shortcut: the state deleted first (the build records it again).
    Map<String, Stats.Task> setup = Map.of("loadedFull", () -> Files.deleteIfExists(state),
        "warmFull", () -> Files.deleteIfExists(warmState));
    Map<String, List<Double>> cpu = Stats.alternate(builds, setup, reps).cpu();
    if (!Arrays.equals(snapshotBytes, Files.readAllBytes(snapshot)) || !migrationFiles.equals(list(migrations))) {
      throw new IllegalStateException("a no-change build changed the snapshot or the migrations of " + root);
    }

    long noopHeap = CompileBench.heap(() -> Javac.compile(src, out, Javac.Mode.NOOP))[0];
    Javac.compile(src, warmOut, Javac.Mode.WARM); // records the state
    long warmHeap = CompileBench.heap(() -> Javac.compile(src, warmOut, Javac.Mode.WARM))[0];
    Files.deleteIfExists(warmState);
    long fullHeap = CompileBench.heap(() -> Javac.compile(src, warmOut, Javac.Mode.WARM))[0];
    long firstHeap = CompileBench.heap(() -> {
      Javac.deleteTree(migrations);
      Files.deleteIfExists(snapshot);
      Files.deleteIfExists(warmState);
      Javac.compile(src, warmOut, Javac.Mode.WARM);
    })[0];

    Stats noopLoaded = Stats.of(cpu.get("noopLoaded"));
    Stats loaded = Stats.of(cpu.get("loaded"));
    Stats loadedFull = Stats.of(cpu.get("loadedFull"));
    Stats noop = Stats.of(cpu.get("noop"));
    Stats warm = Stats.of(cpu.get("warm"));
    Stats warmFull = Stats.of(cpu.get("warmFull"));
    Stats firstNoop = Stats.of(firstCpu.get("noopLoaded"));
    Stats firstBuild = Stats.of(firstCpu.get("first"));
    r.heading("No-change build of " + what + ": CPU time of the compiling thread, javac in-process, " + reps
        + " alternated rounds after a warm-up round");
    r.row("build", "CPU: median (min–max)", "vs the do-nothing processor loaded the same way",
        "ratio within each round: median (min–max)");
    r.row("---", "---", "---", "---");
    r.row("do-nothing processor, loaded per build from -processorpath", noopLoaded, "1.00×", "");
    r.row("**no-change build** (the recorded state matches), loaded per build (as Maven does)", loaded,
        "**" + loaded.ratioTo(noopLoaded) + "** (target ≤ 1.05×)", perRound(cpu.get("loaded"), cpu.get("noopLoaded")));
    r.row("no-change build without the state (the full path), loaded per build", loadedFull,
        loadedFull.ratioTo(noopLoaded), perRound(cpu.get("loadedFull"), cpu.get("noopLoaded")));
    r.row("do-nothing processor, one object for every build", noop, "1.00×", "");
    r.row("**no-change build**, one processor object (JIT-warm)", warm, "**" + warm.ratioTo(noop) + "**",
        perRound(cpu.get("warm"), cpu.get("noop")));
    r.row("no-change build without the state, one processor object", warmFull, warmFull.ratioTo(noop),
        perRound(cpu.get("warmFull"), cpu.get("noop")));
    r.row("first build (no snapshot; writes V0001), loaded per build, " + firstBuild.n() + " rounds", firstBuild,
        firstBuild.ratioTo(firstNoop) + " (do-nothing in the same rounds: " + firstNoop + ")",
        perRound(firstCpu.get("first"), firstCpu.get("noopLoaded")));
    r.line("");
    r.line("Heap (bytes the compiling thread allocated in one build, processor object JIT-warm): do-nothing processor "
        + mib(noopHeap) + "; no-change build " + mib(warmHeap) + " (" + signed(warmHeap - noopHeap)
        + " for the processor); without the state " + mib(fullHeap) + " (" + signed(fullHeap - noopHeap)
        + "); first build " + mib(firstHeap) + " (" + signed(firstHeap - noopHeap) + ").");
  }

  /** The ratio of a to b within each round (same load), as median (min–max). */
  private static String perRound(List<Double> a, List<Double> b) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      ratios.add(a.get(i) / b.get(i));
    }
    Stats s = Stats.of(ratios);
    return String.format(java.util.Locale.ROOT, "%.3f× (%.3f–%.3f)", s.median(), s.min(), s.max());
  }

  private static List<String> list(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  private static String signed(long bytes) {
    return (bytes >= 0 ? "+" : "−") + mib(Math.abs(bytes));
  }
}
