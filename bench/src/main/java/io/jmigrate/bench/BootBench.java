package io.jmigrate.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Spring Boot application's time to ready on an up-to-date database (issue 23 item 2): the same
 * application ({@code bench/boot}'s {@code BootApp}: HikariCP, JdbcTemplate, a first query at start-up) on
 * both Boot lines, each start a whole JVM started by this harness, the tools alternated round by round.
 * On Boot 3.5 ({@code bench/boot}): jmigrate, Flyway 12.4, Flyway 13, Liquibase, or no migration tool (the
 * floor). On Boot 4 ({@code bench/boot4}, the same sources compiled against Boot 4): jmigrate, the Flyway
 * Boot 4 manages through Boot 4's own Flyway auto-configuration, or no tool. Time to ready: from just
 * before the process is started to the line the application prints at ApplicationReadyEvent.
 *
 * <p>On Boot 3.5, Flyway 12 and 13 are set up by the application (bench/boot's {@code FlywayByHand}, Boot's
 * own initializer bean), since Boot 3.5's Flyway auto-configuration calls a method Flyway 12 removed.
 *
 * <p>Each tool has its own database, migrated by its own first (untimed) start; the floor starts on
 * jmigrate's. Each JVM gets the jars of its tool only, so Boot's auto-configuration finds that one.
 *
 * <p>Two floors, no tool in either: the application alone, whose pool starts at its first query, just
 * before ready; and the same with the pool opened where a tool's initializer opens it (bench/boot's
 * {@code PoolFirst}), so that HikariCP's filling of its idle connections on its own thread overlaps
 * the rest of the start-up as it does with a tool. Beside the main thread's CPU time, the process's
 * (every thread), which that filling shows in.
 */
final class BootBench {
  private BootBench() {}

  private static final String FLOOR = "no migration tool (floor)";
  private static final String POOL_FIRST = "no tool, the pool opened where a tool opens it";

  /** One application variant: its class path and its arguments for a database URL. */
  private record Variant(String name, List<Path> classPath, List<String> args) {}

  /**
   * One Spring Boot line: its application module ({@code bench/boot}: Boot 3.5, {@code bench/boot4}: the same
   * sources on Boot 4), the prefix of its databases and logs, and whether it has the Boot 3.5 tool set-up (Flyway
   * 12.4 and 13 by hand, Liquibase) or Boot 4's (the Flyway Boot 4 manages, through Boot 4's own Flyway
   * auto-configuration).
   */
  private record Line(String module, String prefix, boolean boot3) {}

  /**
   * @param reps rounds of every variant
   * @param extra more rounds of the floor and jmigrate only, the pair's order alternating, spread among the others:
   *     the difference the 25 ms goal is read from is between two medians of whole-JVM starts, each spreading about
   *     ±100 ms here
   */
  static void run(Report r, Path work, int count, int reps, int extra) throws Exception {
    reps = Integer.getInteger("bench.boot.rounds", reps);
    extra = Integer.getInteger("bench.boot.extraRounds", extra);
    Path flyway13 = Path.of("bench/flyway13/target/lib").toAbsolutePath();
    // -Dbench.boot.lines=4 (or 3): one Spring Boot line only
    List<Line> lines = new ArrayList<>();
    for (String l : System.getProperty("bench.boot.lines", "3,4").split(",")) {
      lines.add(l.trim().equals("3") ? new Line("bench/boot", "boot", true) : new Line("bench/boot4", "boot4", false));
    }
    for (Line line : lines) {
      if (!Files.isDirectory(Path.of(line.module(), "target/lib")) || !Files.isDirectory(flyway13)) {
        throw new IllegalStateException(line.module() + " and bench/flyway13 are not built: run bench/run.sh");
      }
    }
    Workload w = new Workload(work, count, List.of("postgresql", "h2"), "boot-" + count);
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      for (Line line : lines) {
        run(r, work, w, pg, line, flyway13, reps, extra);
      }
    }
  }

  private static void run(Report r, Path work, Workload w, EmbeddedPostgres pg, Line line, Path flyway13, int reps,
      int extra) throws Exception {
    Path boot = Path.of(line.module(), "target").toAbsolutePath();
    List<Path> lib = jars(boot.resolve("lib"));
    List<Path> common = new ArrayList<>(List.of(boot.resolve("classes")));
    lib.stream().filter(j -> !named(j, "flyway-", "jackson-", "liquibase-", "jmigrate-", "spring-boot-flyway-",
            "spring-boot-liquibase-"))
        .forEach(common::add);
    String flyway = versionOf(lib, "flyway-core-");
    String flyway13v = versionOf(jars(flyway13), "flyway-core-");
    String liquibase = versionOf(lib, "liquibase-core-");
    String spring = versionOf(lib, "spring-boot-");
    // the Flyway that jmigrate's overhead is compared with: the newest this line runs
    String compared = "Flyway " + (line.boot3() ? flyway13v : flyway);

    r.heading("Spring Boot " + spring + " time to ready, up-to-date database, " + w.count + " migrations (" + reps
        + " alternated rounds of whole JVMs"
        + (extra > 0 ? ", and " + extra + " of the floor and jmigrate alone between them" : "") + ")");
    r.line(line.boot3()
        ? "Spring Boot " + spring + " (HikariCP, JdbcTemplate, one query at start-up), Flyway " + flyway + " and "
            + flyway13v + " (set up by the application), Liquibase " + liquibase + "; load average at the start: "
            + loadAverage() + "."
        : "Spring Boot " + spring + " (the same application, HikariCP, JdbcTemplate, one query at start-up), Flyway "
            + flyway + " through Boot's own Flyway auto-configuration, Liquibase " + liquibase + " through its own;"
            + " load average at the start: " + loadAverage()
            + ".");

    // -Dbench.boot.dialects=h2 (or postgresql) and -Dbench.boot.rounds=N: one database, fewer rounds (a loaded machine)
    for (String dialect : System.getProperty("bench.boot.dialects", "postgresql,h2").split(",")) {
      Map<String, String> urls = new LinkedHashMap<>();
      List<Variant> variants = new ArrayList<>();
      for (String tool : List.of("jmigrate", "flyway", "flyway13", "liquibase")) {
        String url;
        if (dialect.equals("postgresql")) {
          String db = line.prefix() + "_" + tool;
          try (Connection c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
          }
          url = pg.getJdbcUrl("postgres", db);
        } else {
          // lower-case folding: the SQL Flyway and Liquibase get is rendered with lower-case quoted names. Liquibase
          // 4.33 under DATABASE_TO_LOWER=TRUE does not find its own DATABASECHANGELOG at the second start (it looks
          // for it in upper case) and fails creating it again; so its database keeps H2's upper-case folding and
          // matches names without regard to case, which lets the first query's t1 find the table "t1" just the same.
          url = "jdbc:h2:file:" + work.resolve(line.prefix() + "-h2-" + tool)
              + (tool.equals("liquibase") ? ";CASE_INSENSITIVE_IDENTIFIERS=TRUE" : ";DATABASE_TO_LOWER=TRUE");
        }
        urls.put(tool, url);
      }
      List<String> base = dialect.equals("postgresql") ? List.of("--spring.datasource.username=postgres")
          : List.of("--spring.datasource.username=sa", "--spring.datasource.password=");
      variants.add(new Variant(FLOOR, common, args(base, urls.get("jmigrate"))));
      // The second floor: no tool, but the pool opened where a tool's initializer opens it (bench/boot's PoolFirst)
      variants.add(new Variant(POOL_FIRST, common, args(concat(base, List.of("--bench.boot.open-pool=true")),
          urls.get("jmigrate"))));
      List<Path> jm = new ArrayList<>(common);
      jm.add(w.classes);
      lib.stream().filter(j -> named(j, "jmigrate-")).forEach(jm::add);
      variants.add(new Variant("jmigrate", jm, args(base, urls.get("jmigrate"))));
      if (line.boot3()) {
        List<String> flywayArgs = List.of("--spring.flyway.enabled=false",
            "--bench.flyway.locations=filesystem:" + w.flywayDir(dialect)); // see bench/boot's FlywayByHand
        List<Path> f12 = new ArrayList<>(common);
        lib.stream().filter(j -> named(j, "flyway-", "jackson-")).forEach(f12::add); // Jackson: Flyway 12's only
        variants.add(new Variant("Flyway " + flyway, f12, args(concat(base, flywayArgs), urls.get("flyway"))));
        List<Path> f13 = new ArrayList<>(common);
        f13.addAll(jars(flyway13));
        variants.add(new Variant("Flyway " + flyway13v, f13, args(concat(base, flywayArgs), urls.get("flyway13"))));
      } else {
        // Boot 4's own Flyway auto-configuration (spring-boot-flyway), with the Flyway it manages
        List<Path> f = new ArrayList<>(common);
        lib.stream().filter(j -> named(j, "flyway-", "jackson-", "spring-boot-flyway-")).forEach(f::add);
        variants.add(new Variant("Flyway " + flyway, f, args(concat(base,
            List.of("--spring.flyway.locations=filesystem:" + w.flywayDir(dialect))), urls.get("flyway"))));
      }
      // Liquibase through Boot's own auto-configuration (on Boot 4 its module, spring-boot-liquibase)
      List<Path> lb = new ArrayList<>(common);
      lib.stream().filter(j -> named(j, "liquibase-", "spring-boot-liquibase-")).forEach(lb::add);
      variants.add(new Variant("Liquibase " + liquibase, lb, args(concat(base,
          List.of("--spring.liquibase.change-log=file:" + w.dir.resolve("changelog-" + dialect + ".sql"))),
          urls.get("liquibase"))));

      // Untimed: each tool migrates its empty database (the floors' is jmigrate's, so they go after it).
      List<Variant> first = new ArrayList<>(variants.subList(2, variants.size()));
      first.addAll(variants.subList(0, 2));
      // -Dbench.boot.only=floor,jmigrate: the variants whose names contain one of these words (by hand, for a closer look)
      String only = System.getProperty("bench.boot.only");
      if (only != null) {
        List<String> words = List.of(only.split(","));
        variants.removeIf(v -> words.stream().noneMatch(word -> v.name().contains(word.trim())));
        first.removeIf(v -> !variants.contains(v));
      }
      String logs = line.prefix() + "-" + dialect + "-";
      for (Variant v : first) {
        start(v, work.resolve(logs + slug(v.name()) + "-first.log"));
      }
      Map<String, List<Double>> ready = new LinkedHashMap<>();
      Map<String, List<Double>> uptime = new LinkedHashMap<>();
      Map<String, List<Double>> mainCpu = new LinkedHashMap<>();
      Map<String, List<Double>> processCpu = new LinkedHashMap<>();
      variants.forEach(v -> {
        ready.put(v.name(), new ArrayList<>());
        uptime.put(v.name(), new ArrayList<>());
        mainCpu.put(v.name(), new ArrayList<>());
        processCpu.put(v.name(), new ArrayList<>());
      });
      // Every variant once per round, the order rotated; after each round, pairs of the floor and jmigrate alone (one
      // right after the other, which goes first alternating), spread over the rounds so that all share the same minutes
      Variant floorVariant = named(variants, FLOOR);
      Variant jmigrateVariant = named(variants, "jmigrate");
      List<Variant> pair = new ArrayList<>();
      if (floorVariant != null && jmigrateVariant != null) {
        pair.addAll(List.of(floorVariant, jmigrateVariant));
      }
      List<List<Variant>> rounds = new ArrayList<>();
      for (int round = 0, pairs = 0; round < reps; round++) {
        List<Variant> order = new ArrayList<>(variants);
        Collections.rotate(order, round); // no tool always starts right after the same one
        rounds.add(order);
        for (; !pair.isEmpty() && pairs < (long) extra * (round + 1) / reps; pairs++) {
          rounds.add(List.copyOf(pair));
          Collections.reverse(pair);
        }
      }
      for (List<Variant> order : rounds) {
        for (Variant v : order) {
          double[] t = start(v, work.resolve(logs + slug(v.name()) + ".log"));
          ready.get(v.name()).add(t[0]);
          uptime.get(v.name()).add(t[1]);
          mainCpu.get(v.name()).add(t[2]);
          processCpu.get(v.name()).add(t[3]);
          if (Boolean.getBoolean("bench.boot.verbose")) {
            System.err.printf(Locale.ROOT, "%s %s: %.0f %.0f %.0f %.0f%n", dialect, v.name(), t[0], t[1], t[2], t[3]);
          }
        }
      }
      report(r, dialect + ", Spring Boot " + spring, ready, uptime, mainCpu, processCpu, compared);
      // jmigrate's own part, on the main thread: a few more starts of it and of the floor with the probes in (not
      // timed to ready: Spring's start-up steps are recorded in them). Much steadier than two whole starts' difference.
      if (!pair.isEmpty()) {
        List<Double> connection = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        List<Double> queryAfter = new ArrayList<>();
        List<Double> queryAlone = new ArrayList<>();
        List<String> probes = List.of("-Dbench.boot.steps=true");
        for (int i = 0; i < Math.max(1, reps / 2); i++) {
          double[] t = start(jmigrateVariant, work.resolve(logs + "jmigrate-probed.log"), probes);
          connection.add(t[4]);
          own.add(t[5]);
          queryAfter.add(t[6]);
          queryAlone.add(start(floorVariant, work.resolve(logs + "floor-probed.log"), probes)[6]);
        }
        double net = Stats.of(own).median() - (Stats.of(queryAlone).median() - Stats.of(queryAfter).median());
        r.line(String.format(Locale.ROOT, "jmigrate's own work on the main thread (CPU time; %d more starts of jmigrate"
            + " and of the floor, with probes, not timed to ready): jmigrate's migrate %s, after %s for the pool's"
            + " first connection, which the floor opens too, at its first query. The application's first query then"
            + " costs %s, against %s in the floor, where it is the first query in the JVM (the driver's cold path;"
            + " on H2 the database's too), the pool's connection apart: **jmigrate's net %+.1f ms** (its migrate less"
            + " what its own query takes off the application's).", own.size(), Stats.of(own), Stats.of(connection),
            Stats.of(queryAfter), Stats.of(queryAlone), net));
        r.line("");
      }
    }
  }

  private static void report(Report r, String dialect, Map<String, List<Double>> ready,
      Map<String, List<Double>> uptime, Map<String, List<Double>> mainCpu, Map<String, List<Double>> processCpu,
      String flyway) {
    String floorName = FLOOR;
    Stats floor = Stats.of(ready.get(floorName));
    boolean noisy = floor.max() > 2 * floor.min();
    r.line("");
    r.line("**" + dialect + "**" + (noisy ? " (noisy: the floor varied more than 2×; differences below are not results)" : ""));
    r.line("");
    r.row("application", "time to ready: median (min–max)", "above the floor", "JVM uptime at ready: median (min–max)",
        "main thread's CPU time to ready: median (min–max)", "above the floor",
        "process CPU time to ready (all threads): median (min–max)", "above the floor");
    r.row("---", "---", "---", "---", "---", "---", "---", "---");
    Stats floorCpu = Stats.of(mainCpu.get(floorName));
    Stats floorProcess = Stats.of(processCpu.get(floorName));
    for (String k : ready.keySet()) {
      Stats s = Stats.of(ready.get(k));
      Stats cpu = Stats.of(mainCpu.get(k));
      Stats all = Stats.of(processCpu.get(k));
      r.row(k, s, above(k, s, floor), Stats.of(uptime.get(k)), cpu, above(k, cpu, floorCpu), all,
          above(k, all, floorProcess));
    }
    r.line("");
    if (ready.containsKey("jmigrate")) {
      // The goal (issue 23): within 25 ms of the floor. Read from the two medians, with how far they can be trusted.
      List<Double> jm = ready.get("jmigrate");
      List<Double> fl = ready.get(floorName);
      double diff = Stats.of(jm).median() - floor.median();
      double[] in = Stats.medianDifferenceInterval(jm, fl);
      double[] cpuIn = Stats.medianDifferenceInterval(mainCpu.get("jmigrate"), mainCpu.get(floorName));
      String verdict = in[1] <= 25 ? "within 25 ms: shown (the whole interval is at or below +25 ms)"
          : in[0] > 25 ? "within 25 ms: missed (the whole interval is above +25 ms)"
          : "within 25 ms: not decided by these runs (the interval reaches both sides of +25 ms)";
      r.line(String.format(Locale.ROOT, "jmigrate − the floor, %d starts each: time to ready %+.0f ms (95%% interval"
          + " %+.0f to %+.0f ms, resampling the rounds), main thread's CPU %+.0f ms (%+.0f to %+.0f ms); %s.",
          Math.min(jm.size(), fl.size()), diff, in[0], in[1],
          Stats.of(mainCpu.get("jmigrate")).median() - Stats.of(mainCpu.get(floorName)).median(), cpuIn[0], cpuIn[1],
          verdict));
      r.line("");
    }
    for (String base : List.of(FLOOR, POOL_FIRST)) {
      if (!ready.containsKey(base) || !ready.containsKey("jmigrate") || !ready.containsKey(flyway)) {
        continue; // -Dbench.boot.only left it out
      }
      Stats b = Stats.of(ready.get(base));
      Stats bCpu = Stats.of(mainCpu.get(base));
      double jm = Stats.of(ready.get("jmigrate")).median() - b.median();
      double fw = Stats.of(ready.get(flyway)).median() - b.median();
      double jmCpu = Stats.of(mainCpu.get("jmigrate")).median() - bCpu.median();
      double fwCpu = Stats.of(mainCpu.get(flyway)).median() - bCpu.median();
      r.line(String.format(Locale.ROOT, "Over %s: jmigrate %+.0f ms (main thread's CPU %+.0f ms); %s %+.0f ms"
          + " (CPU %+.0f ms)%s.", base.equals(FLOOR) ? "the floor" : "the second floor (" + POOL_FIRST + ")", jm, jmCpu,
          flyway, fw, fwCpu, fw > 0 && jm >= 0 ? String.format(Locale.ROOT, "; jmigrate's is %.2f of Flyway's", jm / fw)
              : ""));
      r.line("");
    }
  }

  private static String above(String variant, Stats s, Stats floor) {
    return variant.equals(FLOOR) ? "—" : String.format(Locale.ROOT, "%+.0f ms", s.median() - floor.median());
  }

  private static double[] start(Variant v, Path log) throws IOException, InterruptedException {
    return start(v, log, List.of());
  }

  /**
   * Starts one JVM, waits for its ready line and its exit; {ms to the ready line, its uptime, its main
   * thread's CPU ms, its process's CPU ms (every thread: the pool's, the JIT's, the collector's), and with
   * {@code -Dbench.boot.steps=true} among {@code jvmArgs} and jmigrate present, the main thread's CPU ms in the
   * pool's first connection and in jmigrate's migrate (bench/boot's JmigrateCpu; else -1), and in the application's
   * first query (with that option; else -1)}.
   */
  private static double[] start(Variant v, Path log, List<String> jvmArgs) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    String extra = System.getProperty("bench.boot.jvmArgs"); // e.g. -Xlog:class+load, to profile by hand
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.trim().split("\\s+")));
    }
    cmd.add("-cp");
    cmd.add(String.join(java.io.File.pathSeparator, v.classPath().stream().map(Path::toString).toList()));
    cmd.add("io.jmigrate.bench.boot.BootApp");
    cmd.addAll(v.args());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    StringBuilder out = new StringBuilder();
    long t0 = System.nanoTime();
    Process p = pb.start();
    double readyMs = -1;
    double uptime = -1;
    double cpu = -1;
    double processCpu = -1;
    double firstConnection = -1;
    double migrate = -1;
    double firstQuery = -1;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (readyMs < 0 && line.startsWith("BENCH-READY ")) {
          readyMs = (System.nanoTime() - t0) / 1e6;
          String[] f = line.substring("BENCH-READY ".length()).trim().split(" ");
          uptime = Double.parseDouble(f[0]);
          cpu = Double.parseDouble(f[1]);
          processCpu = Double.parseDouble(f[2]);
        }
        java.util.regex.Matcher m = JMIGRATE_CPU.matcher(line);
        if (m.find()) {
          firstConnection = Double.parseDouble(m.group(1));
          migrate = Double.parseDouble(m.group(2));
        }
        java.util.regex.Matcher q = FIRST_QUERY.matcher(line);
        if (q.find()) {
          firstQuery = Double.parseDouble(q.group(1));
        }
        out.append(line).append('\n');
      }
    }
    boolean exited = p.waitFor(300, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly();
    }
    out.append("(exit ").append(exited ? String.valueOf(p.exitValue()) : "none: killed").append(")\n");
    Files.writeString(log, out);
    if (readyMs < 0) {
      throw new IllegalStateException(v.name() + ": the application did not start (see " + log + ")");
    }
    if (!exited || p.exitValue() != 0) { // ready, then a failed shutdown: the time to ready still counts
      System.err.println(v.name() + ": ready, then exit " + (exited ? p.exitValue() : "none") + " (see " + log + ")");
    }
    return new double[] {readyMs, uptime, cpu, processCpu, firstConnection, migrate, firstQuery};
  }

  /** The variant of that name, or null (-Dbench.boot.only left it out). */
  private static Variant named(List<Variant> variants, String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
  }

  /** The line bench/boot's BootApp prints at its first query when probed. */
  private static final java.util.regex.Pattern FIRST_QUERY =
      java.util.regex.Pattern.compile("FIRST-QUERY connection [0-9.]+ ms, query ([0-9.]+) ms");

  /** The line bench/boot's JmigrateCpu prints. */
  private static final java.util.regex.Pattern JMIGRATE_CPU =
      java.util.regex.Pattern.compile("JMIGRATE-CPU first connection ([0-9.]+) ms, migrate ([0-9.]+) ms");

  private static List<String> args(List<String> base, String url) {
    List<String> a = new ArrayList<>(base);
    a.add("--spring.datasource.url=" + url);
    return a;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<Path> jars(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static boolean named(Path jar, String... prefixes) {
    String n = jar.getFileName().toString();
    return Stream.of(prefixes).anyMatch(n::startsWith);
  }

  private static String versionOf(List<Path> jars, String prefix) {
    return jars.stream().map(j -> j.getFileName().toString())
        .filter(n -> n.startsWith(prefix) && Character.isDigit(n.charAt(prefix.length())))
        .map(n -> n.substring(prefix.length(), n.length() - ".jar".length())).findFirst().orElse("?");
  }

  private static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-");
  }

  /** The 1-, 5- and 15-minute load averages (Linux), to say how loaded the machine was. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " / " + f[1] + " / " + f[2] + " (1 / 5 / 15 min, " + Runtime.getRuntime().availableProcessors()
          + " cores)";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
