package io.jmigrate.processor.model;

import io.jmigrate.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * @param enumLabelRenames enum type → (new label → old label), from {@code @RenamedFrom} on an enum constant
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
    Map<String, String> sequenceRenames,
    Map<String, Map<String, String>> enumLabelRenames) {

  /** Without enum label renames. */
  public Models(Schema schema, Map<String, String> tableClasses, Map<String, TypeElement> tableElements,
      Map<String, Element> columnElements, Map<String, String> tableRenames, Map<String, Map<String, String>> columnRenames,
      Map<String, TypeElement> droppableTables, Map<String, Set<String>> droppableColumns, Set<String> narrowable,
      Map<String, Origin> renamedFromOrigins, List<Problem> problems, Map<String, String> sequenceRenames) {
    this(schema, tableClasses, tableElements, columnElements, tableRenames, columnRenames, droppableTables,
        droppableColumns, narrowable, renamedFromOrigins, problems, sequenceRenames, Map.of());
  }

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
}
