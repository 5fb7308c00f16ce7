package io.jmigrate.jpa;

import io.jmigrate.engine.Migrator;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.SessionFactory;

/**
 * One JPA project evolving step by step, checked on every target after every step:
 * <ol>
 *   <li>(a) the step's build (the real processor, against the previous step's snapshot and
 *       migrations) is migrated onto the target's database with jmigrate, which has every earlier
 *       step's migrations and rows, and every value of every column that stays is kept;
 *   <li>(b, c) its catalog equals the one Hibernate's own {@code hbm2ddl=create} builds from the
 *       same entity classes in a fresh database (see {@link Catalog});
 *   <li>(d) Hibernate's {@code hbm2ddl=validate} passes on it;
 *   <li>(e) the rows of earlier steps load through Hibernate, and new rows are written and load.
 * </ol>
 * Every difference of every step and target is collected, and {@link #assertNoProblems} reports them all.
 */
final class SchemaComparison {
  private final Path dir;
  private final EntityProject project;
  private final Hibernate.Naming naming;
  private final Set<Target> targets;
  private final Map<Target, String> databases = new EnumMap<>(Target.class);
  private final Set<Target> broken = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();
  private int steps;
  /** Whether the first step also compares the generator tables' rows (see {@link #comparingGeneratorRows}). */
  private boolean generatorRows;

  SchemaComparison(Path dir, Hibernate.Naming naming, Set<Target> targets) throws IOException {
    this.dir = dir;
    this.project = new EntityProject(dir.resolve("project"));
    this.naming = naming;
    this.targets = targets;
  }

  SchemaComparison(Path dir, Set<Target> targets) throws IOException {
    this(dir, Hibernate.Naming.SNAKE_CASE, targets);
  }

  /**
   * Builds the entity sources of the given test resource folders (later ones replace earlier
   * ones' files) and checks every target. {@code renames} maps a {@code table.column} (or a
   * table) that this step renames to its new name, for the check that values are kept.
   */
  EntityProject.Build step(List<String> resources, Map<String, String> renames, String... options) throws Exception {
    int step = ++steps;
    project.useSources(resources.stream().map(EntityProject::resource).toList());
    EntityProject.Build build = project.build(options);
    if (!build.ok() || !broken.isEmpty() && broken.containsAll(targets)) {
      if (!build.ok()) {
        problems.add("step " + step + " " + resources + " does not compile (later steps are not checked):\n  "
            + String.join("\n  ", build.messages(javax.tools.Diagnostic.Kind.ERROR)));
      }
      broken.addAll(targets);
      return build;
    }
    try (URLClassLoader loader = build.loader()) {
      List<Class<?>> classes = build.entityClasses(loader);
      Migrator migrator = build.migrator(loader);
      for (Target target : targets) {
        if (broken.contains(target)) {
          continue;
        }
        String where = "step " + step + " " + resources + " on " + target;
        try {
          check(target, where, step, classes, loader, migrator, renames);
        } catch (Exception | AssertionError e) {
          broken.add(target);
          StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
          problems.add(where + ": " + e + (at != null && !(e instanceof AssertionError) ? "\n  at " + at : "")
              + (e.getCause() != null ? "\n  caused by " + e.getCause() : "")
              + "\n  (later steps are not checked on " + target + ")");
        }
      }
    }
    return build;
  }

  /**
   * Also checks, in the first step (a database jmigrate creates from nothing), that the rows of every table
   * Hibernate's export fills (its generator tables' segments) are the ones jmigrate's migration inserts, and
   * that after writing the same entities through Hibernate on both databases those tables hold the same
   * values: Hibernate allocated the same ids.
   */
  SchemaComparison comparingGeneratorRows() {
    generatorRows = true;
    return this;
  }

  /** Hibernate Validator on the entities' class path and Hibernate's: Bean Validation shapes the schema on both sides. */
  SchemaComparison withBeanValidation() {
    project.withBeanValidation();
    return this;
  }

  EntityProject.Build step(String resource) throws Exception {
    return step(List.of(resource), Map.of());
  }

  private void check(Target target, String where, int step, List<Class<?>> classes, URLClassLoader loader,
      Migrator migrator, Map<String, String> renames) throws Exception {
    String url = databases.computeIfAbsent(target, t -> {
      try {
        return t.newDatabaseUrl(dir);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    // (a) jmigrate migrates the database of the earlier steps; every kept value stays.
    List<String> got;
    try (Connection c = DriverManager.getConnection(url)) {
      Map<String, List<Map<String, String>>> before = Rows.contents(c);
      migrator.migrate(c);
      keptValues(where, before, Rows.contents(c), renames);
      got = Catalog.read(c, target);
    }
    // (b) Hibernate builds its own schema from the same classes, in a fresh database.
    String fresh = target.newDatabaseUrl(dir);
    Hibernate.open(fresh, target, classes, loader, "create", naming, project.beanValidation).close();
    List<String> expected;
    try (Connection c = DriverManager.getConnection(fresh)) {
      expected = KnownDifferences.accept(target, Catalog.read(c, target), got);
    }
    Map<String, List<Map<String, String>>> exported = null;
    if (generatorRows) {
      try (Connection c = DriverManager.getConnection(fresh); Connection m = DriverManager.getConnection(url)) {
        if (step == 1) {
          exported = filled(Rows.contents(c));
          compareRows(where + ": the rows of the generator tables", exported, Rows.contents(m));
        } else {
          segmentsPresent(where, filled(Rows.contents(c)), Rows.contents(m));
        }
      }
    }
    // (c) the two catalogs are equal.
    if (!expected.equals(got)) {
      List<String> missing = new ArrayList<>(expected);
      missing.removeAll(got);
      List<String> extra = new ArrayList<>(got);
      extra.removeAll(expected);
      problems.add(where + ": the catalog differs from Hibernate's export\n"
          + "  Hibernate has, jmigrate has not:\n    " + String.join("\n    ", missing) + "\n"
          + "  jmigrate has, Hibernate has not:\n    " + String.join("\n    ", extra));
    }
    // (d) Hibernate validates jmigrate's database.
    if (target.hibernateIsReference) {
      try {
        Hibernate.open(url, target, classes, loader, "validate", naming, project.beanValidation).close();
      } catch (RuntimeException e) {
        problems.add(where + ": Hibernate's validate fails: " + e.getMessage()
            + (e.getCause() != null ? " / " + e.getCause().getMessage() : ""));
      }
    }
    // (e) the rows of the earlier steps load, new ones are written and load.
    try (SessionFactory sf = Hibernate.open(url, target, classes, loader, "none", naming, project.beanValidation)) {
      Map<String, Integer> before = Rows.load(sf, classes);
      Rows.write(sf, classes, step);
      Map<String, Integer> after = Rows.load(sf, classes);
      for (Map.Entry<String, Integer> e : after.entrySet()) {
        if (e.getValue() <= before.getOrDefault(e.getKey(), 0)) {
          problems.add(where + ": the " + e.getKey() + " written through Hibernate does not load");
        }
      }
    }
    if (exported != null) {
      try (SessionFactory sf = Hibernate.open(fresh, target, classes, loader, "none", naming, project.beanValidation)) {
        Rows.write(sf, classes, step);
      }
      try (Connection c = DriverManager.getConnection(fresh); Connection m = DriverManager.getConnection(url)) {
        compareRows(where + ": after writing the same entities, the rows of the generator tables",
            filled(Rows.contents(c)).keySet().stream().filter(exported::containsKey)
                .collect(java.util.stream.Collectors.toMap(t -> t, t -> rowsOf(c, t), (a, b) -> a, TreeMap::new)),
            Rows.contents(m));
      }
    }
  }

  /** The tables that have rows. */
  private static Map<String, List<Map<String, String>>> filled(Map<String, List<Map<String, String>>> contents) {
    Map<String, List<Map<String, String>>> out = new TreeMap<>();
    contents.forEach((t, rows) -> {
      if (!rows.isEmpty()) {
        out.put(t, rows);
      }
    });
    return out;
  }

  private static List<Map<String, String>> rowsOf(Connection c, String table) {
    try {
      return Rows.contents(c).get(table);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * After a later step (whose earlier rows moved the counters on), each of the rows Hibernate's export inserts has
   * a row of its segment (its text values) in jmigrate's database.
   */
  private void segmentsPresent(String where, Map<String, List<Map<String, String>>> hibernate,
      Map<String, List<Map<String, String>>> jmigrate) {
    hibernate.forEach((t, rows) -> {
      for (Map<String, String> row : rows) {
        Map<String, String> segment = new TreeMap<>(row);
        segment.values().removeIf(v -> v == null || v.matches("-?[0-9]+"));
        boolean found = jmigrate.getOrDefault(t, List.of()).stream()
            .anyMatch(r -> r.entrySet().containsAll(segment.entrySet()));
        if (!found) {
          problems.add(where + ": the generator table " + t + " has no row " + segment + " (Hibernate's export: " + row + ")");
        }
      }
    });
  }

  /** Each of Hibernate's tables has the same rows in jmigrate's database. */
  private void compareRows(String what, Map<String, List<Map<String, String>>> hibernate,
      Map<String, List<Map<String, String>>> jmigrate) {
    hibernate.forEach((t, rows) -> {
      List<Map<String, String>> got = jmigrate.getOrDefault(t, List.of());
      if (!rows.equals(got)) {
        problems.add(what + " differ in " + t + "\n  Hibernate: " + rows + "\n  jmigrate:  " + got);
      }
    });
  }

  /** Every value of a column that exists before and after the migration (under its new name when renamed) is kept. */
  private void keptValues(String where, Map<String, List<Map<String, String>>> before,
      Map<String, List<Map<String, String>>> after, Map<String, String> renames) {
    for (var table : before.entrySet()) {
      String newTable = renames.getOrDefault(table.getKey(), table.getKey());
      List<Map<String, String>> now = after.get(newTable);
      if (now == null) {
        continue; // dropped
      }
      Map<String, String> columns = new TreeMap<>(); // old name -> new name, for the columns that stay
      Set<String> newColumns = now.isEmpty() ? Set.of() : now.get(0).keySet();
      if (!table.getValue().isEmpty()) {
        for (String column : table.getValue().get(0).keySet()) {
          String renamed = renames.getOrDefault(table.getKey() + "." + column, column);
          if (newColumns.contains(renamed)) {
            columns.put(column, renamed);
          }
        }
      }
      List<String> was = table.getValue().stream().map(r -> project(r, columns, true)).sorted().toList();
      List<String> is = now.stream().map(r -> project(r, columns, false)).sorted().toList();
      if (!was.equals(is) && !(generatorRows && added(was, is))) {
        problems.add(where + ": the migration changed the rows of " + table.getKey() + "\n  before: " + was + "\n  after:  " + is);
      }
    }
  }

  /** Whether {@code is} is {@code was} with rows added (a new segment's row in a generator table). */
  private static boolean added(List<String> was, List<String> is) {
    List<String> rest = new ArrayList<>(is);
    for (String row : was) {
      if (!rest.remove(row)) {
        return false;
      }
    }
    return true;
  }

  private static String project(Map<String, String> row, Map<String, String> columns, boolean old) {
    StringBuilder s = new StringBuilder();
    columns.forEach((o, n) -> s.append(o).append('=').append(row.get(old ? o : n)).append(' '));
    return s.toString();
  }

  /** The database jmigrate migrates for this target (after a step), or null. */
  String url(Target target) {
    return databases.get(target);
  }

  /** Fails with every problem of every step and target, if there was one. */
  void assertNoProblems() throws IOException {
    if (!problems.isEmpty()) {
      throw new AssertionError(problems.size() + " problem(s):\n" + String.join("\n", problems)
          + "\n\nthe generated migrations:\n" + project.migrationSources());
    }
  }

  /** Every target, or those named in {@code -Djpa.targets=h2,postgresql} (for a quicker run while working). */
  static Set<Target> all() {
    String only = System.getProperty("jpa.targets", "");
    if (only.isBlank()) {
      return new LinkedHashSet<>(Arrays.asList(Target.values()));
    }
    Set<Target> out = new LinkedHashSet<>();
    for (String name : only.split(",")) {
      out.add(Target.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
    }
    return out;
  }
}
