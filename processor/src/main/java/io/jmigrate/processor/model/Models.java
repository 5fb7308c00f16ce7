package io.jmigrate.processor.model;

import io.jmigrate.processor.diff.Finding;
import io.jmigrate.processor.diff.Intents;
import io.jmigrate.processor.diff.Rename;
import io.jmigrate.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * What the model classes say: the schema they describe, plus what the diff needs beyond it
 * (renames, confirmed drops and narrowings) and where each table and column is declared, so
 * that problems are reported at the user's own line.
 *
 * @param tableClasses table name → model class name, recorded in the snapshot
 * @param tableRenames new table name → old name, from {@code @RenamedFrom} on the type
 * @param columnRenames table → (new column → old column), from {@code @RenamedFrom} on a field
 * @param droppableTables tables some {@code @Drop(tables = …)} confirms → the type that says so
 * @param droppableColumns table → columns its type's {@code @Drop(columns = …)} confirms
 * @param narrowable {@code table.column} of fields with {@code @Narrow}
 * @param renamedFromOrigins where each {@code @RenamedFrom} is written: by {@code table} or {@code table.column}
 * @param sequenceRenames new sequence name → old name, from a sequence's {@code renamedFrom}
 */
public record Models(
    Schema schema,
    Map<String, String> tableClasses,
    Map<String, TypeElement> tableElements,
    Map<String, Element> columnElements,
    Map<String, String> tableRenames,
    Map<String, Map<String, String>> columnRenames,
    Map<String, TypeElement> droppableTables,
    Map<String, Set<String>> droppableColumns,
    Set<String> narrowable,
    Map<String, Origin> renamedFromOrigins,
    List<Problem> problems,
    Map<String, String> sequenceRenames) {

  /** Without sequence renames. */
  public Models(Schema schema, Map<String, String> tableClasses, Map<String, TypeElement> tableElements,
      Map<String, Element> columnElements, Map<String, String> tableRenames, Map<String, Map<String, String>> columnRenames,
      Map<String, TypeElement> droppableTables, Map<String, Set<String>> droppableColumns, Set<String> narrowable,
      Map<String, Origin> renamedFromOrigins, List<Problem> problems) {
    this(schema, tableClasses, tableElements, columnElements, tableRenames, columnRenames, droppableTables,
        droppableColumns, narrowable, renamedFromOrigins, problems, Map.of());
  }

  public Element columnElement(String table, String column) {
    Element e = columnElements.get(table + "." + column);
    return e != null ? e : tableElements.get(table);
  }

  /**
   * What the diff needs beyond the schema, as plain values; from the snapshot, the model classes
   * it records and the renames it records as applied.
   */
  public Intents intents(Map<String, String> oldModelClasses, Map<Rename, Integer> applied) {
    return new Intents(tableRenames, columnRenames, droppableTables.keySet(), droppableColumns, narrowable,
        oldModelClasses, applied, sequenceRenames);
  }

  /** Every {@code @RenamedFrom} the models carry. */
  public Set<Rename> renames() {
    Set<Rename> s = new TreeSet<>();
    tableRenames.forEach((to, from) -> s.add(Rename.table(to, from)));
    columnRenames.forEach((t, m) -> m.forEach((to, from) -> s.add(Rename.column(t, to, from))));
    return s;
  }

  /** A diff finding as a problem at the declaration it names. */
  public Problem problem(Finding f) {
    Element at;
    switch (f.subject().kind()) {
      case COLUMN:
        at = columnElement(f.subject().table(), f.subject().column());
        break;
      case DROP_TABLE:
        at = droppableTables.get(f.subject().table());
        break;
      case RENAMED_FROM: {
        String key = f.subject().column() == null ? f.subject().table() : f.subject().table() + "." + f.subject().column();
        Origin o = renamedFromOrigins.get(key);
        if (o != null && o.element() != null) {
          return new Problem(o.element(), f.message(), f.warning(), o.annotation(), o.value()); // at the annotation value
        }
        at = f.subject().column() == null ? tableElements.get(f.subject().table())
            : columnElement(f.subject().table(), f.subject().column());
        break;
      }
      default: // TABLE, DROP_COLUMN: the model's type (none for a table gone from the models)
        at = tableElements.get(f.subject().table());
    }
    return new Problem(at, f.message(), f.warning(), null, null);
  }
}
