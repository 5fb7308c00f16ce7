package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random model evolutions, each step compiled by the real processor: migrating one SQLite
 * database step by step must give exactly the schema of a fresh database created from the last
 * models alone, and migrating back to each earlier version must give that version's schema.
 * The seed drives the evolution, so a failure is reproduced by its seed.
 */
class EvolutionPropertyTest {
  static final List<String> TYPES = List.of("Integer", "Long", "String", "Boolean", "Double", "BigDecimal", "LocalDate");

  @Property(tries = 200)
  void stepByStepEqualsFreshAndEveryVersionCanBeRestored(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int steps) throws Exception {
    Path dir = Files.createTempDirectory("jmigrate-evolution");
    try {
      check(new Random(seed), steps, dir, "seed " + seed + ", " + steps + " steps");
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void check(Random random, int steps, Path dir, String label) throws Exception {
    Model model = new Model(random);
    model.addTable();
    if (random.nextBoolean()) {
      model.addTable();
    }
    Project project = new Project(dir.resolve("steps"));
    List<String> history = new ArrayList<>();
    Migrator migrator = null;
    try (Connection db = Db.sqlite(dir.resolve("steps.db"))) {
      for (int step = 0; step <= steps; step++) {
        if (step > 0) {
          history.add(model.evolve());
        }
        model.writeTo(project);
        Project.Result r = project.build();
        assertTrue(r.ok(), label + " after " + history + ": " + r.errors());
        migrator = r.migrator();
        migrator.migrate(db);
        model.clearOneShotAnnotations();
      }
      Project fresh = new Project(dir.resolve("fresh"));
      model.writeTo(fresh);
      try (Connection other = Db.sqlite(dir.resolve("fresh.db"))) {
        fresh.build().assertOk().migrator().migrate(other);
        assertEquals(Db.catalog(other), Db.catalog(db), label + ": step by step vs fresh, after " + history);
      }
      for (int v = migrator.latestVersion() - 1; v >= 0; v--) {
        migrator.migrateTo(db, v);
        try (Connection other = Db.sqlite(dir.resolve("v" + v + ".db"))) {
          migrator.migrateTo(other, v);
          assertEquals(Db.catalog(other), Db.catalog(db), label + ": back to version " + v + ", after " + history);
        }
      }
    }
  }

  /** The user's model classes, evolved one random edit at a time. */
  static final class Model {
    final Random random;
    final List<Tbl> tables = new ArrayList<>();
    final List<String> deletedFiles = new ArrayList<>();
    int counter;

    Model(Random random) {
      this.random = random;
    }

    static final class Col {
      String name;
      String type;
      boolean notNull;
      String dflt;
      int length;
      Tbl references;
      String renamedFrom;
    }

    static final class Tbl {
      String cls;
      String renamedFrom;
      final List<Col> cols = new ArrayList<>();
      final List<List<String>> indexes = new ArrayList<>();
      final List<String> dropColumns = new ArrayList<>();
      final List<String> dropTables = new ArrayList<>();

      String table() {
        return cls.toLowerCase();
      }
    }

    String addTable() {
      Tbl t = new Tbl();
      t.cls = "T" + (++counter);
      tables.add(t);
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        t.cols.add(newColumn());
      }
      return "create " + t.table();
    }

    Col newColumn() {
      Col c = new Col();
      c.name = "c" + (++counter);
      c.type = TYPES.get(random.nextInt(TYPES.size()));
      if (c.type.equals("String") && random.nextBoolean()) {
        c.length = 20;
      }
      if (random.nextInt(3) == 0) {
        c.notNull = true;
        c.dflt = defaultFor(c.type);
      }
      return c;
    }

    String defaultFor(String type) {
      switch (type) {
        case "String":
          return "v" + random.nextInt(5);
        case "Boolean":
          return random.nextBoolean() ? "true" : "false";
        case "LocalDate":
          return "2024-01-0" + (1 + random.nextInt(9));
        case "Double":
        case "BigDecimal":
          return random.nextInt(100) + ".5";
        default:
          return String.valueOf(random.nextInt(100));
      }
    }

    Tbl pick() {
      return tables.get(random.nextInt(tables.size()));
    }

    boolean referenced(Tbl t) {
      return tables.stream().flatMap(x -> x.cols.stream()).anyMatch(c -> c.references == t);
    }

    boolean indexed(Tbl t, Col c) {
      return t.indexes.stream().anyMatch(i -> i.contains(c.name));
    }

    /** Applies one random edit and says what it was. */
    String evolve() {
      for (int attempt = 0; attempt < 50; attempt++) {
        String done = tryEdit(random.nextInt(13));
        if (done != null) {
          return done;
        }
      }
      return addTable();
    }

    private String tryEdit(int kind) {
      Tbl t = pick();
      Col c = t.cols.isEmpty() ? null : t.cols.get(random.nextInt(t.cols.size()));
      switch (kind) {
        case 0: {
          Col n = newColumn();
          if (n.notNull && n.dflt == null) {
            return null;
          }
          t.cols.add(n);
          return "add " + t.table() + "." + n.name;
        }
        case 1:
          if (c == null || t.cols.size() < 2 || indexed(t, c) || c.references != null) {
            return null;
          }
          t.cols.remove(c);
          t.dropColumns.add(c.name);
          return "drop " + t.table() + "." + c.name;
        case 2: {
          if (c == null) {
            return null;
          }
          String old = c.name;
          c.renamedFrom = old;
          c.name = "c" + (++counter);
          for (List<String> i : t.indexes) {
            i.replaceAll(x -> x.equals(old) ? c.name : x);
          }
          return "rename " + t.table() + "." + old + " to " + c.name;
        }
        case 3:
          if (c == null || c.references != null) {
            return null;
          }
          if (c.type.equals("Integer")) {
            c.type = "Long";
            if (c.dflt != null && c.dflt.contains(".")) {
              return null;
            }
            return "widen " + t.table() + "." + c.name + " to Long";
          }
          if (c.type.equals("String") && c.length > 0) {
            c.length += 20;
            return "lengthen " + t.table() + "." + c.name;
          }
          return null;
        case 4:
          if (c == null || c.notNull || c.references != null) {
            return null;
          }
          c.notNull = true;
          c.dflt = defaultFor(c.type);
          return "make " + t.table() + "." + c.name + " NOT NULL with a default";
        case 5:
          if (c == null || c.dflt == null) {
            return null;
          }
          c.dflt = defaultFor(c.type);
          return "change the default of " + t.table() + "." + c.name;
        case 6: {
          if (c == null || indexed(t, c)) {
            return null;
          }
          List<String> cols = new ArrayList<>(List.of(c.name));
          Col d = t.cols.get(random.nextInt(t.cols.size()));
          if (d != c && random.nextBoolean() && !indexed(t, d)) {
            cols.add(d.name);
          }
          t.indexes.add(cols);
          return "index " + t.table() + " " + cols;
        }
        case 7:
          if (t.indexes.isEmpty()) {
            return null;
          }
          return "drop index " + t.indexes.remove(random.nextInt(t.indexes.size()));
        case 8:
          if (tables.size() >= 4) {
            return null;
          }
          return addTable();
        case 9: {
          if (tables.size() < 2 || referenced(t)) {
            return null;
          }
          tables.remove(t);
          deletedFiles.add(t.cls);
          pick().dropTables.add(t.table());
          return "drop table " + t.table();
        }
        case 10: {
          String old = t.table();
          deletedFiles.add(t.cls);
          t.cls = "T" + (++counter);
          t.renamedFrom = old;
          return "rename table " + old + " to " + t.table();
        }
        case 11: {
          Tbl target = pick();
          Col n = new Col();
          n.name = "c" + (++counter);
          n.type = "Long";
          n.references = target;
          t.cols.add(n);
          return "add " + t.table() + "." + n.name + " referencing " + target.table();
        }
        case 12: {
          Col ref = t.cols.stream().filter(x -> x.references != null).findFirst().orElse(null);
          if (ref == null) {
            return null;
          }
          ref.references = null;
          return "drop the foreign key of " + t.table() + "." + ref.name;
        }
        default:
          return null;
      }
    }

    void clearOneShotAnnotations() {
      for (Tbl t : tables) {
        t.renamedFrom = null;
        t.dropColumns.clear();
        t.dropTables.clear();
        t.cols.forEach(c -> c.renamedFrom = null);
      }
      deletedFiles.clear();
    }

    void writeTo(Project p) throws Exception {
      for (String cls : deletedFiles) {
        Path f = p.src.resolve("p/model/" + cls + ".java");
        Files.deleteIfExists(f);
      }
      for (Tbl t : tables) {
        p.write("p/model/" + t.cls + ".java", source(t));
      }
    }

    String source(Tbl t) {
      StringBuilder s = new StringBuilder("package p.model;\n\nimport io.jmigrate.*;\nimport java.math.BigDecimal;\n"
          + "import java.time.LocalDate;\n\n");
      if (t.renamedFrom != null) {
        s.append("@RenamedFrom(\"").append(t.renamedFrom).append("\")\n");
      }
      if (!t.dropColumns.isEmpty() || !t.dropTables.isEmpty()) {
        s.append("@Drop(columns = {").append(quoted(t.dropColumns)).append("}, tables = {").append(quoted(t.dropTables)).append("})\n");
      }
      for (List<String> i : t.indexes) {
        s.append("@Index(columns = {").append(quoted(i)).append("})\n");
      }
      s.append("@Table\npublic class ").append(t.cls).append(" {\n  @Id(generated = true) long id;\n");
      for (Col c : t.cols) {
        s.append("  ");
        if (c.renamedFrom != null) {
          s.append("@RenamedFrom(\"").append(c.renamedFrom).append("\") ");
        }
        if (c.references != null) {
          s.append("@ForeignKey(").append(c.references.cls).append(".class) ");
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        if (c.notNull) {
          attrs.put("nullable", "false");
        }
        if (c.dflt != null) {
          attrs.put("defaultValue", "\"" + c.dflt + "\"");
        }
        if (c.length > 0) {
          attrs.put("length", String.valueOf(c.length));
        }
        if (c.type.equals("BigDecimal")) {
          attrs.put("precision", "12");
          attrs.put("scale", "2");
        }
        if (!attrs.isEmpty()) {
          s.append("@Column(").append(attrs.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
              .collect(Collectors.joining(", "))).append(") ");
        }
        s.append(c.type).append(' ').append(c.name).append(";\n");
      }
      return s.append("}\n").toString();
    }

    static String quoted(List<String> names) {
      return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }
  }
}
