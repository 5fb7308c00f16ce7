package io.jmigrate.processor.diff;

import io.jmigrate.processor.model.Models;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the models say beyond the schema, as plain values: renames, confirmed drops and
 * narrowings, and the model class the snapshot records for each table (to name a dropped one).
 * Built by the processor from the annotations, or by hand in a test.
 *
 * @param tableRenames new table name → old name ({@code @RenamedFrom} on a type)
 * @param columnRenames table (new name) → (new column → old column) ({@code @RenamedFrom} on a field)
 * @param droppableTables tables some {@code @Drop(tables = …)} confirms
 * @param droppableColumns table → columns its {@code @Drop(columns = …)} confirms
 * @param narrowable {@code table.column} of fields with {@code @Narrow}
 * @param oldModelClasses table → model class, as the snapshot records them
 * @param applied the renames the snapshot records as already applied (named as in the snapshot)
 *     → the version of the migration that applied each: the models may still carry their
 *     annotations, but each is applied once only
 * @param sequenceRenames new sequence name → old name (a sequence's {@code renamedFrom})
 * @param enumLabelRenames enum type → (new label → old label) ({@code @RenamedFrom} on an enum constant)
 */
public record Intents(
    Map<String, String> tableRenames,
    Map<String, Map<String, String>> columnRenames,
    Set<String> droppableTables,
    Map<String, Set<String>> droppableColumns,
    Set<String> narrowable,
    Map<String, String> oldModelClasses,
    Map<Rename, Integer> applied,
    Map<String, String> sequenceRenames,
    Map<String, Map<String, String>> enumLabelRenames) {

  /** Without enum label renames. */
  public Intents(Map<String, String> tableRenames, Map<String, Map<String, String>> columnRenames,
      Set<String> droppableTables, Map<String, Set<String>> droppableColumns, Set<String> narrowable,
      Map<String, String> oldModelClasses, Map<Rename, Integer> applied, Map<String, String> sequenceRenames) {
    this(tableRenames, columnRenames, droppableTables, droppableColumns, narrowable, oldModelClasses, applied, sequenceRenames,
        Map.of());
  }

  /**
   * What the models say beyond their schema; with the model classes the snapshot records and the
   * renames it records as applied.
   */
  public static Intents of(Models models, Map<String, String> oldModelClasses, Map<Rename, Integer> applied) {
    return new Intents(models.tableRenames(), models.columnRenames(), models.droppableTables().keySet(),
        models.droppableColumns(), models.narrowable(), oldModelClasses, applied, models.sequenceRenames(),
        models.enumLabelRenames());
  }

  /** Without sequence renames. */
  public Intents(Map<String, String> tableRenames, Map<String, Map<String, String>> columnRenames,
      Set<String> droppableTables, Map<String, Set<String>> droppableColumns, Set<String> narrowable,
      Map<String, String> oldModelClasses, Map<Rename, Integer> applied) {
    this(tableRenames, columnRenames, droppableTables, droppableColumns, narrowable, oldModelClasses, applied, Map.of());
  }

  public Intents {
    sequenceRenames = new TreeMap<>(sequenceRenames);
    TreeMap<String, Map<String, String>> er = new TreeMap<>();
    enumLabelRenames.forEach((t, m) -> er.put(t, new TreeMap<>(m)));
    enumLabelRenames = er;
    tableRenames = new TreeMap<>(tableRenames);
    TreeMap<String, Map<String, String>> cr = new TreeMap<>();
    columnRenames.forEach((t, m) -> cr.put(t, new TreeMap<>(m)));
    columnRenames = cr;
    droppableTables = new TreeSet<>(droppableTables);
    TreeMap<String, Set<String>> dc = new TreeMap<>();
    droppableColumns.forEach((t, s) -> dc.put(t, new TreeSet<>(s)));
    droppableColumns = dc;
    narrowable = new TreeSet<>(narrowable);
    oldModelClasses = new TreeMap<>(oldModelClasses);
    applied = new TreeMap<>(applied);
  }

  /** No renames, no confirmations. */
  public static Intents none() {
    return new Intents(Map.of(), Map.of(), Set.of(), Map.of(), Set.of(), Map.of(), Map.of());
  }

  public Intents renameTable(String from, String to) {
    Map<String, String> m = new HashMap<>(tableRenames);
    m.put(to, from);
    return new Intents(m, columnRenames, droppableTables, droppableColumns, narrowable, oldModelClasses, applied, sequenceRenames, enumLabelRenames);
  }

  /** A column rename on the table named {@code table} in the new models. */
  public Intents renameColumn(String table, String from, String to) {
    Map<String, Map<String, String>> m = new HashMap<>(columnRenames);
    Map<String, String> t = new HashMap<>(m.getOrDefault(table, Map.of()));
    t.put(to, from);
    m.put(table, t);
    return new Intents(tableRenames, m, droppableTables, droppableColumns, narrowable, oldModelClasses, applied, sequenceRenames, enumLabelRenames);
  }

  public Intents dropTable(String table) {
    Set<String> s = new HashSet<>(droppableTables);
    s.add(table);
    return new Intents(tableRenames, columnRenames, s, droppableColumns, narrowable, oldModelClasses, applied, sequenceRenames, enumLabelRenames);
  }

  public Intents dropColumn(String table, String column) {
    Map<String, Set<String>> m = new HashMap<>(droppableColumns);
    Set<String> s = new HashSet<>(m.getOrDefault(table, Set.of()));
    s.add(column);
    m.put(table, s);
    return new Intents(tableRenames, columnRenames, droppableTables, m, narrowable, oldModelClasses, applied, sequenceRenames, enumLabelRenames);
  }

  public Intents narrow(String table, String column) {
    Set<String> s = new HashSet<>(narrowable);
    s.add(table + "." + column);
    return new Intents(tableRenames, columnRenames, droppableTables, droppableColumns, s, oldModelClasses, applied, sequenceRenames, enumLabelRenames);
  }

  public Intents oldModelClass(String table, String className) {
    Map<String, String> m = new HashMap<>(oldModelClasses);
    m.put(table, className);
    return new Intents(tableRenames, columnRenames, droppableTables, droppableColumns, narrowable, m, applied, sequenceRenames);
  }

  /** A sequence rename ({@code renamedFrom} on the new sequence). */
  public Intents renameSequence(String from, String to) {
    Map<String, String> m = new HashMap<>(sequenceRenames);
    m.put(to, from);
    return new Intents(tableRenames, columnRenames, droppableTables, droppableColumns, narrowable, oldModelClasses,
        applied, m);
  }

  /** A rename the snapshot records as applied by migration {@code version}. */
  public Intents applied(Rename rename, int version) {
    Map<Rename, Integer> m = new HashMap<>(applied);
    m.put(rename, version);
    return new Intents(tableRenames, columnRenames, droppableTables, droppableColumns, narrowable, oldModelClasses, m, sequenceRenames);
  }
}
