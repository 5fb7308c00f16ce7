package io.jmigrate.processor.model.assemble;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.DefaultLiteral;
import io.jmigrate.processor.model.ForeignKeyDeclaration;
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.processor.model.Models;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.SequenceDeclaration;
import io.jmigrate.processor.model.TableDeclaration;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SequenceDefinition;
import io.jmigrate.schema.TableDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The third stage: valid declarations → the {@link Schema} they describe, plus the intents the
 * diff needs beyond it (renames, confirmed drops and narrowings) and the origins of tables and
 * columns for its own reports. Runs only on declarations {@code ModelValidator} accepted.
 */
public final class SchemaBuilder {
  private SchemaBuilder() {}

  public static Models build(List<TableDeclaration> declarations) {
    return build(declarations, List.of());
  }

  /** Tables and sequences (a name declared several times, as validated, once). */
  public static Models build(List<TableDeclaration> declarations, List<SequenceDeclaration> sequenceDeclarations) {
    Map<String, String> tableClasses = new TreeMap<>();
    Map<String, TypeElement> tableElements = new TreeMap<>();
    Map<String, Element> columnElements = new HashMap<>();
    Map<String, String> tableRenames = new TreeMap<>();
    Map<String, Map<String, String>> columnRenames = new TreeMap<>();
    Map<String, TypeElement> droppableTables = new TreeMap<>();
    Map<String, Set<String>> droppableColumns = new TreeMap<>();
    Set<String> narrowable = new TreeSet<>();
    Map<String, Origin> renamedFromOrigins = new HashMap<>();
    Map<String, TableDeclaration> byClass = new HashMap<>();
    // A class's own table comes first: a JPA generator table declared on the same entity (listed after the
    // entities, under that entity's class name for messages) is never what a reference to the class means.
    declarations.forEach(t -> byClass.putIfAbsent(t.className(), t));

    List<TableDefinition> tables = new ArrayList<>();
    for (TableDeclaration t : declarations) {
      String name = t.name();
      tableClasses.put(name, t.className());
      tableElements.put(name, (TypeElement) t.origin().element());
      Map<String, String> renames = new TreeMap<>();
      for (ColumnDeclaration c : t.columns()) {
        columnElements.put(name + "." + c.name(), c.origin().element());
        if (c.narrow()) {
          narrowable.add(name + "." + c.name());
        }
        if (c.renamedFrom() != null) {
          renames.put(c.name(), c.renamedFrom());
          renamedFromOrigins.put(name + "." + c.name(), c.origin().of("renamedFrom"));
        }
      }
      if (!renames.isEmpty()) {
        columnRenames.put(name, renames);
      }
      if (t.renamedFrom() != null) {
        tableRenames.put(name, t.renamedFrom());
        renamedFromOrigins.put(name, t.origin().of("renamedFrom"));
      }
      if (!t.dropColumns().isEmpty()) {
        droppableColumns.computeIfAbsent(name, k -> new TreeSet<>()).addAll(t.dropColumns());
      }
      for (String dropped : t.dropTables()) {
        droppableTables.put(dropped, (TypeElement) t.origin().element());
      }
      tables.add(table(t, byClass));
    }
    Map<String, SequenceDefinition> sequences = new TreeMap<>();
    Map<String, String> sequenceRenames = new TreeMap<>();
    for (SequenceDeclaration q : sequenceDeclarations) {
      sequences.putIfAbsent(q.name(), q.definition());
      if (q.renamedFrom() != null) {
        sequenceRenames.put(q.name(), q.renamedFrom());
      }
    }
    Schema schema = Schema.of(tables, sequences.values());
    Map<String, Map<String, String>> enumLabelRenames = new TreeMap<>();
    for (TableDeclaration t : declarations) { // one type per name, as validated: the first declaration's labels
      for (ColumnDeclaration c : t.columns()) {
        if (c.javaType().enumType() != null && schema.findEnumType(c.javaType().enumType()).isEmpty()) {
          schema = schema.withEnumType(new io.jmigrate.schema.EnumTypeDefinition(c.javaType().enumType(), c.javaType().enumConstants()));
          Map<String, String> renames = labelRenames(c.origin().element());
          if (!renames.isEmpty()) {
            enumLabelRenames.put(c.javaType().enumType(), renames);
          }
        }
      }
    }
    return new Models(schema, tableClasses, tableElements, columnElements, tableRenames,
        columnRenames, droppableTables, droppableColumns, narrowable, renamedFromOrigins, List.of(), sequenceRenames, enumLabelRenames);
  }

  /** new label → old label, from {@code @RenamedFrom} on the constants of the enum a field holds. */
  private static Map<String, String> labelRenames(Element field) {
    Map<String, String> out = new TreeMap<>();
    if (field == null || !(field.asType() instanceof javax.lang.model.type.DeclaredType d)) {
      return out;
    }
    for (Element constant : d.asElement().getEnclosedElements()) {
      if (constant.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT) {
        for (javax.lang.model.element.AnnotationMirror m : constant.getAnnotationMirrors()) {
          if (((javax.lang.model.element.TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
              .contentEquals("io.jmigrate.RenamedFrom")) {
            m.getElementValues().forEach((k, v) -> {
              if (k.getSimpleName().contentEquals("value")) {
                out.put(constant.getSimpleName().toString(), String.valueOf(v.getValue()));
              }
            });
          }
        }
      }
    }
    return out;
  }

  private static TableDefinition table(TableDeclaration t, Map<String, TableDeclaration> byClass) {
    List<ColumnDefinition> columns = new ArrayList<>();
    List<String> key = new ArrayList<>();
    List<IndexDefinition> indexes = new ArrayList<>();
    List<ForeignKeyDefinition> foreignKeys = new ArrayList<>();
    String tableCollation = TableDefinition.of(t.name()).collation(t.collation()).collationShown();
    for (ColumnDeclaration c : t.columns()) {
      ColumnDefinition column = column(c, t.jpa());
      if (column.collation() != null && column.collation().equalsIgnoreCase(tableCollation)) {
        column = column.collation(null); // MariaDB/MySQL: the table's own collation is no column collation
      }
      columns.add(column);
      if (c.id()) {
        key.add(c.name());
      }
      if (c.unique()) {
        indexes.add(IndexDefinition.unique(IndexDeclaration.uniqueColumnIndexName(t.name(), c.name()), c.name()));
      }
      if (c.foreignKey() != null) {
        foreignKeys.add(foreignKey(t, c, byClass.get(c.foreignKey().targetClass())));
      }
    }
    for (IndexDeclaration i : t.indexes()) {
      indexes.add(new IndexDefinition(i.nameIn(t.name()), i.columns(), i.unique()));
    }
    TableDefinition table = new TableDefinition(t.name(), columns, key, indexes, List.of(), t.primaryKeyName(),
        t.collation(), t.checks().stream().map(k -> new io.jmigrate.schema.CheckDefinition(k.nameIn(t.name()), k.expression().strip())).toList(), t.comment());
    for (ForeignKeyDefinition fk : foreignKeys) {
      table = table.foreignKey(fk);
    }
    return table;
  }

  private static ColumnDefinition column(ColumnDeclaration c, boolean jpa) {
    ColumnDefinition column = ColumnDefinition.of(c.name(), c.javaType().columnType()).nullable(c.isNullable())
        .length(c.length()).precision(c.precision(), c.scale()).comment(c.comment()).collation(c.collation());
    if (c.generatedAs() != null) {
      column = column.generatedAs(c.generatedAs(), c.stored());
    }
    if (c.javaType().enumType() != null) {
      column = column.enumType(c.javaType().enumType());
    }
    if (c.javaType().sqlType() != null) {
      column = column.sqlType(c.javaType().sqlType());
    }
    if (jpa && column.type() == ColumnType.TIMESTAMP_TZ) {
      column = column.asUtcDatetime(); // Hibernate's MariaDB DATETIME(6): instants past 2038
    }
    if (c.generated()) {
      column = column.identity();
    }
    if (DefaultLiteral.applies(c)) {
      column = column.defaultValue(DefaultLiteral.canonical(c.javaType().columnType(), c.defaultValue(),
          c.javaType().enumConstants()));
    } else if (c.defaultSql() != null && !c.defaultSql().isEmpty()) {
      column = column.defaultSql(c.defaultSql().trim());
    }
    if (!DefaultLiteral.applies(c)) {
      for (var variant : c.defaultSqlVariants()) {
        column = column.defaultSql(variant.getKey(), variant.getValue().trim());
      }
    }
    return column;
  }

  private static ForeignKeyDefinition foreignKey(TableDeclaration t, ColumnDeclaration c, TableDeclaration target) {
    ForeignKeyDeclaration fk = c.foreignKey();
    String refColumn = fk.column().isEmpty()
        ? target.columns().stream().filter(ColumnDeclaration::id).findFirst().orElseThrow().name()
        : fk.column();
    return ForeignKeyDefinition.of(fk.nameIn(t.name(), c.name()), c.name(), target.name(), refColumn)
        .onDelete(fk.onDelete()).onUpdate(fk.onUpdate());
  }
}
