package io.jmigrate.processor.snapshot;

import io.jmigrate.schema.Schema;
import io.jmigrate.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed state: the schema the migrations produce, which model class declares each
 * table (so a model missing from a partial compilation can be looked up rather than taken as
 * deleted), the latest migration (so two branches that each add one conflict in git), and what
 * it takes to step back over the latest migration (so deleting it regenerates it).
 *
 * @param latestVersion 0 before the first migration
 * @param latestClass the latest migration's class name, or null before the first
 * @param beforeLatest the state before the latest migration, or null when unknown (snapshots
 *     written before jmigrate recorded it)
 */
public record Snapshot(Schema schema, Map<String, String> tableClasses, int latestVersion, String latestClass,
    StepBack beforeLatest) {
  public static final Snapshot EMPTY = new Snapshot(Schema.empty(), Map.of(), 0, null, null);

  public Snapshot {
    tableClasses = Map.copyOf(tableClasses);
  }

  /** A snapshot that cannot step back. */
  public Snapshot(Schema schema, Map<String, String> tableClasses, int latestVersion, String latestClass) {
    this(schema, tableClasses, latestVersion, latestClass, null);
  }

  /**
   * The snapshot after a new migration from {@code before} to {@code schema}; it records the
   * tables the migration touched as they were before it, enough to {@link #stepBack()} once.
   */
  public static Snapshot after(Snapshot before, Schema schema, Map<String, String> tableClasses, int version,
      String className) {
    List<String> replaces = schema.tables().stream()
        .filter(t -> !before.schema().find(t.name()).map(t::equals).orElse(false))
        .map(Table::name).toList();
    List<Table> tables = before.schema().tables().stream()
        .filter(t -> !schema.find(t.name()).map(t::equals).orElse(false))
        .toList();
    Map<String, String> classes = new TreeMap<>();
    tables.forEach(t -> {
      String c = before.tableClasses().get(t.name());
      if (c != null) {
        classes.put(t.name(), c);
      }
    });
    StepBack back = new StepBack(before.latestVersion(), before.latestClass(), replaces, tables, classes);
    return new Snapshot(schema, tableClasses, version, className, back);
  }

  /** The same state with other model class names (a model class moved; the schema did not change). */
  public Snapshot withTableClasses(Map<String, String> classes) {
    return new Snapshot(schema, classes, latestVersion, latestClass, beforeLatest);
  }

  /** The snapshot as it was before the latest migration; it cannot step back further. */
  public Snapshot stepBack() {
    if (beforeLatest == null) {
      throw new IllegalStateException("this snapshot does not record the state before its latest migration");
    }
    Schema s = schema;
    Map<String, String> classes = new TreeMap<>(tableClasses);
    for (String name : beforeLatest.replaces()) {
      s = s.without(name);
      classes.remove(name);
    }
    for (Table t : beforeLatest.tables()) {
      s = s.with(t);
    }
    classes.putAll(beforeLatest.tableClasses());
    return new Snapshot(s, classes, beforeLatest.version(), beforeLatest.className(), null);
  }

  /**
   * The state before the latest migration, as a patch of the current one: drop the tables named
   * in {@code replaces}, then add {@code tables} (their definitions before it).
   *
   * @param version the version before the latest, 0 for none
   * @param className its class, or null for none
   */
  public record StepBack(int version, String className, List<String> replaces, List<Table> tables,
      Map<String, String> tableClasses) {
    public StepBack {
      replaces = List.copyOf(replaces);
      tables = List.copyOf(tables);
      tableClasses = Map.copyOf(tableClasses);
    }
  }
}
