package io.jmigrate.processor.snapshot;

import io.jmigrate.processor.diff.Rename;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The committed state: the schema the migrations produce, which model class declares each
 * table (so a model missing from a partial compilation can be looked up rather than taken as
 * deleted), the {@code @RenamedFrom} annotations the schema already reflects (each is applied
 * once), the latest migration (so two branches that each add one conflict in git), and what it
 * takes to step back over the latest migration (so deleting it regenerates it).
 *
 * @param renames the {@code @RenamedFrom} annotations the models carried when this was written
 *     and that its schema already reflects → the version of the migration that applied each
 *     (empty for snapshots written before jmigrate recorded them)
 * @param latestVersion 0 before the first migration
 * @param latestClass the latest migration's class name, or null before the first
 * @param beforeLatest the state before the latest migration, or null when unknown (snapshots
 *     written before jmigrate recorded it)
 */
public record Snapshot(Schema schema, Map<String, String> tableClasses, Map<Rename, Integer> renames,
    int latestVersion, String latestClass, StepBack beforeLatest, Map<String, List<String>> generatorRows) {
  public static final Snapshot EMPTY = new Snapshot(Schema.empty(), Map.of(), Map.of(), 0, null, null);

  /**
   * @param generatorRows the segments whose rows the migrations insert into each JPA generator table (table →
   *     segments, sorted), so that a later build inserts only a new segment's row; empty for snapshots written
   *     before jmigrate recorded them, and then a build inserts rows only into the generator tables it creates
   */
  public Snapshot {
    tableClasses = Map.copyOf(tableClasses);
    renames = Map.copyOf(renames);
    Map<String, List<String>> rows = new TreeMap<>();
    generatorRows.forEach((t, segments) -> rows.put(t, segments.stream().sorted().distinct().toList()));
    generatorRows = java.util.Collections.unmodifiableMap(rows);
  }

  public Snapshot(Schema schema, Map<String, String> tableClasses, Map<Rename, Integer> renames,
      int latestVersion, String latestClass, StepBack beforeLatest) {
    this(schema, tableClasses, renames, latestVersion, latestClass, beforeLatest, Map.of());
  }

  /** The same state recording these generator tables' segments. */
  public Snapshot withGeneratorRows(Map<String, ? extends java.util.Collection<String>> rows) {
    Map<String, List<String>> copy = new TreeMap<>();
    rows.forEach((t, segments) -> copy.put(t, List.copyOf(segments)));
    return new Snapshot(schema, tableClasses, renames, latestVersion, latestClass, beforeLatest, copy);
  }

  /** A snapshot that records no renames and cannot step back. */
  public Snapshot(Schema schema, Map<String, String> tableClasses, int latestVersion, String latestClass) {
    this(schema, tableClasses, Map.of(), latestVersion, latestClass, null);
  }

  /**
   * The snapshot after a new migration from {@code before} to {@code schema}; it records the
   * tables the migration touched (their definition, model class or recorded renames differ) as
   * they were before it, enough to {@link #stepBack()} once.
   */
  public static Snapshot after(Snapshot before, Schema schema, Map<String, String> tableClasses,
      Map<Rename, Integer> renames, int version, String className) {
    Snapshot next = new Snapshot(schema, tableClasses, renames, version, className, null);
    List<String> replaces = schema.tables().stream()
        .filter(t -> !same(before, next, t.name()))
        .map(TableDefinition::name).toList();
    List<TableDefinition> tables = before.schema().tables().stream()
        .filter(t -> !same(before, next, t.name()))
        .toList();
    Map<String, String> classes = new TreeMap<>();
    Map<Rename, Integer> backRenames = new TreeMap<>();
    tables.forEach(t -> {
      String c = before.tableClasses().get(t.name());
      if (c != null) {
        classes.put(t.name(), c);
      }
      backRenames.putAll(before.renamesOf(t.name()));
    });
    boolean sequencesChanged = !List.copyOf(before.schema().sequences()).equals(List.copyOf(schema.sequences()));
    boolean enumTypesChanged = !List.copyOf(before.schema().enumTypes()).equals(List.copyOf(schema.enumTypes()));
    StepBack back = new StepBack(before.latestVersion(), before.latestClass(), replaces, tables, classes, backRenames,
        sequencesChanged ? List.copyOf(before.schema().sequences()) : null,
        enumTypesChanged ? List.copyOf(before.schema().enumTypes()) : null);
    return new Snapshot(schema, tableClasses, renames, version, className, back);
  }

  /** Whether the table {@code name} is the same in both: definition, model class and recorded renames. */
  private static boolean same(Snapshot a, Snapshot b, String name) {
    return a.schema().find(name).equals(b.schema().find(name))
        && Objects.equals(a.tableClasses().get(name), b.tableClasses().get(name))
        && a.renamesOf(name).equals(b.renamesOf(name));
  }

  /** The recorded renames of the table {@code table} and of its columns. */
  public Map<Rename, Integer> renamesOf(String table) {
    Map<Rename, Integer> m = new TreeMap<>();
    renames.forEach((r, v) -> {
      if (r.table().equals(table)) {
        m.put(r, v);
      }
    });
    return m;
  }

  /** The same state with other model class names and recorded renames (the schema did not change). */
  public Snapshot with(Map<String, String> classes, Map<Rename, Integer> renames) {
    return new Snapshot(schema, classes, renames, latestVersion, latestClass, beforeLatest, generatorRows);
  }

  /** The snapshot as it was before the latest migration; it cannot step back further. */
  public Snapshot stepBack() {
    if (beforeLatest == null) {
      throw new IllegalStateException("this snapshot does not record the state before its latest migration");
    }
    Schema s = schema;
    Map<String, String> classes = new TreeMap<>(tableClasses);
    Map<Rename, Integer> r = new TreeMap<>(renames);
    for (String name : beforeLatest.replaces()) {
      s = s.without(name);
      classes.remove(name);
      r.keySet().removeIf(x -> x.table().equals(name));
    }
    for (TableDefinition t : beforeLatest.tables()) {
      s = s.with(t);
    }
    if (beforeLatest.sequences() != null) {
      Schema withSequences = Schema.of(s.tables(), beforeLatest.sequences());
      for (io.jmigrate.schema.EnumTypeDefinition e : s.enumTypes()) {
        withSequences = withSequences.withEnumType(e);
      }
      s = withSequences;
    }
    if (beforeLatest.enumTypes() != null) {
      for (io.jmigrate.schema.EnumTypeDefinition e : s.enumTypes()) {
        s = s.withoutEnumType(e.name());
      }
      for (io.jmigrate.schema.EnumTypeDefinition e : beforeLatest.enumTypes()) {
        s = s.withEnumType(e);
      }
    }
    classes.putAll(beforeLatest.tableClasses());
    r.putAll(beforeLatest.renames());
    // The segments stay: the rows a deleted latest migration inserted into tables it did not create are not
    // inserted again by its regenerated copy (Hibernate inserts a missing row itself on first use).
    return new Snapshot(s, classes, r, beforeLatest.version(), beforeLatest.className(), null, generatorRows);
  }

  /**
   * The state before the latest migration, as a patch of the current one: drop the tables named
   * in {@code replaces}, then add {@code tables} (their definitions, model classes and recorded
   * renames before it).
   *
   * @param version the version before the latest, 0 for none
   * @param className its class, or null for none
   * @param sequences every sequence before it, when it changed them; null when it did not
   * @param enumTypes every enum type before it, when it changed them; null when it did not
   */
  public record StepBack(int version, String className, List<String> replaces, List<TableDefinition> tables,
      Map<String, String> tableClasses, Map<Rename, Integer> renames, List<io.jmigrate.schema.SequenceDefinition> sequences,
      List<io.jmigrate.schema.EnumTypeDefinition> enumTypes) {
    public StepBack(int version, String className, List<String> replaces, List<TableDefinition> tables,
        Map<String, String> tableClasses, Map<Rename, Integer> renames) {
      this(version, className, replaces, tables, tableClasses, renames, null, null);
    }

    public StepBack(int version, String className, List<String> replaces, List<TableDefinition> tables,
        Map<String, String> tableClasses, Map<Rename, Integer> renames, List<io.jmigrate.schema.SequenceDefinition> sequences) {
      this(version, className, replaces, tables, tableClasses, renames, sequences, null);
    }

    public StepBack {
      sequences = sequences == null ? null : List.copyOf(sequences);
      enumTypes = enumTypes == null ? null : List.copyOf(enumTypes);
      replaces = List.copyOf(replaces);
      tables = List.copyOf(tables);
      tableClasses = Map.copyOf(tableClasses);
      renames = Map.copyOf(renames);
    }
  }
}
