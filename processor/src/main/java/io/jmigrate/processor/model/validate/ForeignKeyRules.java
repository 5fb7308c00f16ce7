package io.jmigrate.processor.model.validate;

import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.ForeignKeyDeclaration;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.TableDeclaration;
import java.util.List;
import java.util.Map;

/** A reference names a valid model's key or unique column, of the same type, with actions the column allows. */
final class ForeignKeyRules {
  /** The valid tables by class name, each with its valid columns by name. */
  private final Map<String, TableDeclaration> tables;
  private final Map<String, Map<String, ColumnDeclaration>> columns;

  ForeignKeyRules(Map<String, TableDeclaration> tables, Map<String, Map<String, ColumnDeclaration>> columns) {
    this.tables = tables;
    this.columns = columns;
  }

  /** The problem with {@code own}'s reference, or null. */
  Problem check(TableDeclaration table, ColumnDeclaration own) {
    ForeignKeyDeclaration fk = own.foreignKey();
    Origin at = own.origin().of("foreignKey");
    TableDeclaration target = fk.targetClass() == null ? null : tables.get(fk.targetClass());
    if (!fk.targetIsTable()) {
      return Problem.error(at, "@ForeignKey(" + fk.targetSimpleName() + ".class) must name a @Table type; add "
          + "@Table to it, or reference another model");
    }
    if (target == null) {
      return null; // the target model has its own errors, reported at it
    }
    Map<String, ColumnDeclaration> targetColumns = columns.get(target.className());
    List<String> key = targetColumns.values().stream().filter(ColumnDeclaration::id).map(ColumnDeclaration::name).toList();
    String refColumn = fk.column();
    if (refColumn.isEmpty()) {
      if (key.size() != 1) {
        return Problem.error(at, "@ForeignKey(" + fk.targetSimpleName() + ".class) needs column = \"…\": "
            + target.name() + " has " + (key.isEmpty() ? "no primary key" : "a composite primary key"));
      }
      refColumn = key.get(0);
    }
    Origin columnAt = own.origin().of("foreignKey.column");
    ColumnDeclaration referenced = targetColumns.get(refColumn);
    if (referenced == null) {
      return Problem.error(columnAt, "@ForeignKey references the column \"" + refColumn + "\", which " + target.name()
          + " does not have; its columns are " + List.copyOf(targetColumns.keySet()));
    }
    String rc = refColumn;
    boolean keyLike = key.equals(List.of(rc)) || referenced.unique()
        || target.indexes().stream().anyMatch(i -> i.unique() && i.columns().equals(List.of(rc)));
    if (!keyLike) {
      return Problem.error(columnAt, "@ForeignKey references " + target.name() + "." + rc + ", which is neither its "
          + "primary key nor unique; databases require one of them. Add @Column(unique = true) to it, or reference "
          + "the primary key.");
    }
    if (referenced.javaType().columnType() == ColumnType.NATIVE && own.javaType().columnType() != ColumnType.NATIVE) {
      return Problem.error(own.origin(), "column " + table.name() + "." + own.name() + " is "
          + own.javaType().columnType() + " but references " + target.name() + "." + rc + ", which is the SQL type "
          + referenced.javaType().sqlType() + "; give the field the same: @Column(sqlType = \""
          + referenced.javaType().sqlType().replace("\"", "\\\"") + "\")");
    }
    if (own.javaType().columnType() != referenced.javaType().columnType()) {
      return Problem.error(own.origin(), "column " + table.name() + "." + own.name() + " is "
          + own.javaType().columnType() + " but references " + target.name() + "." + rc + ", which is "
          + referenced.javaType().columnType() + "; make the field the same Java type as the referenced one");
    }
    if (!own.isNullable()) {
      String action = fk.onDelete() == ReferentialAction.SET_NULL ? "foreignKey.onDelete"
          : fk.onUpdate() == ReferentialAction.SET_NULL ? "foreignKey.onUpdate" : null;
      if (action != null) {
        return Problem.error(own.origin().of(action), "SET_NULL needs a nullable column, but " + table.name() + "."
            + own.name() + " is NOT NULL");
      }
    }
    return null;
  }

}
