package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.ForeignKeyDeclaration;
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.processor.model.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Entities mapped to one table: their columns merged into one table, references to it redirected. */
final class JpaSharedTables extends JpaPart {
  JpaSharedTables(JpaPart shared) {
    super(shared);
  }

  /**
   * Entities mapped to one table (a summary and a detail entity over the same rows): Hibernate's table is
   * the union of their columns, so jmigrate's is too, kept under the entity whose class name sorts first.
   * A column both map must agree (type, sizes, nullability, key); otherwise it is an error at the field.
   */
  void shareTables() {
    shareJoinTables();
    Map<String, List<JpaTable>> byName = new java.util.TreeMap<>();
    for (JpaTable t : tables.values()) {
      if (!t.className.contains("#")) {
        byName.computeIfAbsent(t.name, k -> new ArrayList<>()).add(t);
      }
    }
    Map<String, JpaTable> mergedInto = new HashMap<>();
    for (List<JpaTable> group : byName.values()) {
      if (group.size() < 2) {
        continue;
      }
      group.sort(Comparator.comparing((JpaTable t) -> t.className));
      JpaTable first = group.get(0);
      for (JpaTable other : group.subList(1, group.size())) {
        merge(first, other);
        mergedInto.put(other.className, first);
        tables.remove(other.className);
      }
    }
    if (mergedInto.isEmpty()) {
      return;
    }
    // References to a merged entity reference the shared table.
    for (JpaTable t : tables.values()) {
      t.columns.replaceAll(c -> {
        ForeignKeyDeclaration fk = c.foreignKey();
        JpaTable to = fk == null ? null : mergedInto.get(fk.targetClass());
        return to == null ? c : new ColumnDeclaration(c.name(), c.nameGiven(), c.field(), c.declaringClass(),
            c.javaType(), c.id(), c.generated(), c.nullable(), c.length(), c.precision(), c.scale(), c.unique(),
            c.defaultValue(), c.defaultSql(), c.defaultSqlVariants(), c.renamedFrom(),
            new ForeignKeyDeclaration(to.className, to.simpleName, fk.targetIsTable(), fk.column(), fk.onDelete(),
                fk.onUpdate(), fk.name()), c.narrow(), c.origin(), c.comment()).withCollation(c.collation());
      });
    }
  }

  /**
   * Both sides of a many-to-many owning one {@code @JoinTable} (neither {@code mappedBy}), with the join columns
   * swapped: Hibernate makes one table. jmigrate keeps one (the one whose owner sorts first) when both define the same
   * table: the same columns (type, sizes, nullability, reference), key and indexes. Otherwise both stay, and the
   * model validator reports the name used twice.
   */
  private void shareJoinTables() {
    Map<String, List<JpaTable>> byName = new java.util.TreeMap<>();
    for (JpaTable t : tables.values()) {
      if (t.className.contains("#")) {
        byName.computeIfAbsent(t.name, k -> new ArrayList<>()).add(t);
      }
    }
    for (List<JpaTable> group : byName.values()) {
      if (group.size() < 2) {
        continue;
      }
      group.sort(Comparator.comparing((JpaTable t) -> t.className));
      JpaTable first = group.get(0);
      for (JpaTable other : group.subList(1, group.size())) {
        if (sameTable(first, other)) {
          tables.remove(other.className);
        }
      }
    }
  }

  private static boolean sameTable(JpaTable a, JpaTable b) {
    if (a.columns.size() != b.columns.size() || !a.key().stream().map(ColumnDeclaration::name).toList()
        .equals(b.key().stream().map(ColumnDeclaration::name).toList())) {
      return false;
    }
    for (ColumnDeclaration c : b.columns) {
      ColumnDeclaration mine = a.column(c.name());
      if (mine == null || !sameColumn(mine, c) || !java.util.Objects.equals(mine.foreignKey(), c.foreignKey())
          || mine.unique() != c.unique()) {
        return false;
      }
    }
    return a.indexes.size() == b.indexes.size() && a.indexes.stream().allMatch(i -> b.indexes.stream()
        .anyMatch(x -> x.columns().equals(i.columns()) && x.unique() == i.unique() && x.name().equals(i.name())));
  }

  void merge(JpaTable into, JpaTable other) {
    for (ColumnDeclaration c : other.columns) {
      ColumnDeclaration mine = into.column(c.name());
      if (mine == null) {
        if (c.id()) {
          problems.add(Problem.error(c.origin(), "the table " + into.name + " is mapped by " + into.simpleName + " and "
              + other.simpleName + " with different keys: " + other.simpleName + "." + c.field() + " is a key column "
              + "that " + into.simpleName + " does not have. Give both entities the same @Id"));
        }
        into.columns.add(c);
      } else if (!sameColumn(mine, c)) {
        problems.add(Problem.error(c.origin(), "the table " + into.name + " is mapped by " + into.simpleName + " and "
            + other.simpleName + ", so Hibernate makes one column " + c.name() + " for both; they differ: "
            + describe(mine) + " in " + mine.declaringClass() + "." + mine.field() + ", " + describe(c) + " here. "
            + "Map it the same way in both"));
      } else if (mine.foreignKey() == null && c.foreignKey() != null) {
        into.columns.set(into.columns.indexOf(mine), c);
      }
    }
    for (IndexDeclaration i : other.indexes) {
      if (into.indexes.stream().noneMatch(x -> x.columns().equals(i.columns()) && x.unique() == i.unique())) {
        into.indexes.add(i);
      }
    }
    into.dropColumns.addAll(other.dropColumns);
    into.dropTables.addAll(other.dropTables);
    if (into.renamedFrom == null) {
      into.renamedFrom = other.renamedFrom;
    }
  }

  static boolean sameColumn(ColumnDeclaration a, ColumnDeclaration b) {
    return a.javaType().columnType() == b.javaType().columnType() && a.length() == b.length()
        && a.precision() == b.precision() && a.scale() == b.scale()
        && java.util.Objects.equals(a.nullable(), b.nullable()) && a.id() == b.id() && a.generated() == b.generated();
  }

  static String describe(ColumnDeclaration c) {
    return c.javaType().columnType() + (c.length() > 0 ? "(" + c.length() + ")" : c.precision() > 0 ? "("
        + c.precision() + "," + c.scale() + ")" : "") + (Boolean.FALSE.equals(c.nullable()) ? " NOT NULL" : "")
        + (c.id() ? " key" : "") + (c.generated() ? " identity" : "");
  }
}
