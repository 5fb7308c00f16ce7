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
    Path model = Files.createDirectories(src.resolve("bench/model"));
    for (int i = 1; i <= tables; i++) {
      Files.writeString(model.resolve(name(i) + ".java"), source(i, false));
    }
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
