package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.TableDeclaration.Shape;
import io.jmigrate.processor.model.TableDeclaration;
import io.jmigrate.schema.ColumnType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A table being assembled: an entity's, or a join or collection table that belongs to one. */
final class JpaTable {
  final String className;
  final String simpleName;
  final String name;
  final boolean nameGiven;
  final TypeElement owner;
  Origin origin;
  final List<ColumnDeclaration> columns = new ArrayList<>();
  final List<IndexDeclaration> indexes = new ArrayList<>();
  /** Those of {@link #indexes} that {@code @Table(uniqueConstraints)} declares (the ones that can order the key). */
  final Set<IndexDeclaration> uniqueConstraints = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  String renamedFrom;
  final List<String> dropColumns = new ArrayList<>();
  final List<String> dropTables = new ArrayList<>();
  String primaryKeyName = "";
  /** This table's own collation (jmigrate's {@code @Table(collation)}); null: the entities' default. */
  String collation;
  /** The table's comment: Hibernate's {@code @Comment} on the entity, or jmigrate's {@code @Table(comment)}; null for none. */
  String comment;
  /** Columns only a read-only attribute maps so far ({@code insertable = false, updatable = false}). */
  final Set<String> readOnly = new java.util.HashSet<>();

  JpaTable(String className, String simpleName, String name, boolean nameGiven, TypeElement owner) {
    this.className = className;
    this.simpleName = simpleName;
    this.name = name;
    this.nameGiven = nameGiven;
    this.owner = owner;
    this.origin = Origin.of(owner);
  }

  List<ColumnDeclaration> key() {
    return columns.stream().filter(ColumnDeclaration::id).toList();
  }

  ColumnDeclaration column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * Adds a column, unless a second attribute maps it read-only ({@code insertable = false, updatable =
   * false}, as Hibernate asks for a column mapped twice): one column, the writable attribute's.
   */
  void place(ColumnDeclaration c, boolean readOnlyAttribute) {
    ColumnDeclaration mapped = column(c.name());
    if (mapped == null) {
      columns.add(c);
      if (readOnlyAttribute) {
        readOnly.add(c.name());
      }
    } else if (readOnly.contains(c.name()) && !readOnlyAttribute) {
      columns.set(columns.indexOf(mapped), c);
      readOnly.remove(c.name());
    } else if (!readOnlyAttribute) {
      columns.add(c); // mapped twice, both writable: reported as a duplicate column, as Hibernate refuses it
    }
  }

  TableDeclaration declaration(String defaultCollation, HibernateLine line) {
    return declaration(defaultCollation, line, java.util.Map.of());
  }

  TableDeclaration declaration(String defaultCollation, HibernateLine line,
      java.util.Map<Origin, List<JpaColumns.ColumnCheck>> columnChecks) {
    // The key first, in the order Hibernate gives a key's columns, then the rest as declared.
    List<ColumnDeclaration> ordered = new ArrayList<>(key());
    IndexDeclaration ordering = orderingUniqueConstraint(ordered);
    if (ordering != null) {
      ordered.sort(Comparator.comparingInt((ColumnDeclaration c) -> ordering.columns().indexOf(c.name())));
    } else {
      ordered.sort(Comparator.comparingInt((ColumnDeclaration c) -> Math.max(physicalSize(c), 4))
          .thenComparing(c -> physicalSize(c) > 2048).thenComparing(ColumnDeclaration::name));
    }
    columns.stream().filter(c -> !c.id()).forEach(ordered::add);
    List<IndexDeclaration> kept = ordering == null ? indexes : indexes.stream().filter(i -> i != ordering).toList();
    String keyName = ordering != null && primaryKeyName.isEmpty() ? ordering.name() : primaryKeyName;
    return new TableDeclaration(className, simpleName, name, nameGiven, Shape.CLASS, ordered, kept, renamedFrom,
        dropColumns, dropTables, origin, keyName, true, collation != null ? collation : defaultCollation,
        checks(ordered, line, columnChecks), comment);
  }

  /**
   * The {@code @Table(uniqueConstraints)} entry over exactly the key's columns, if any: Hibernate (6.6 and 7) then
   * orders the key's columns as that constraint lists them, instead of by size and name, makes no unique
   * constraint of it, and names the key by the constraint's name where it has one ({@code Table.isRedundantUniqueKey}
   * and {@code ColumnOrderingStrategyStandard.orderConstraintColumns}). The one way an entity can keep a composite
   * key's column order, so {@code inspect --jpa} writes it for a key Hibernate would order otherwise.
   */
  private IndexDeclaration orderingUniqueConstraint(List<ColumnDeclaration> key) {
    Set<String> keyColumns = new java.util.HashSet<>(key.stream().map(ColumnDeclaration::name).toList());
    for (IndexDeclaration i : indexes) {
      if (!key.isEmpty() && uniqueConstraints.contains(i) && i.columns().size() == key.size()
          && keyColumns.equals(new java.util.HashSet<>(i.columns()))) {
        return i;
      }
    }
    return null;
  }

  /**
   * The checks Hibernate 7 makes: a list's order column {@code >= 0}; a discriminator in its hierarchy's values; for each enum it stores itself (a
   * column's or a map key's), {@code c in ('A','B')} by name (a
   * column check on PostgreSQL; H2's and MariaDB's ENUM type holds the same values there, which
   * jmigrate's VARCHAR holds through the check), {@code c between 0 and n} by ordinal; and the table's
   * {@code @org.hibernate.annotations.Check}s. A column's own checks (Hibernate's {@code @Check} on the field,
   * {@code @Column(check)}, Bean Validation's bounds) are checks of the table too: the unnamed ones of a column,
   * with the type's, one check joined by {@code and}, as Hibernate writes them inline on the column. Named as
   * PostgreSQL names Hibernate's unnamed ones ({@code <table>_<column>_check}, {@code <table>_check}), so a
   * database Hibernate made validates.
   */
  private List<io.jmigrate.processor.model.CheckDeclaration> checks(List<ColumnDeclaration> ordered, HibernateLine line,
      java.util.Map<Origin, List<JpaColumns.ColumnCheck>> columnChecks) {
    List<io.jmigrate.processor.model.CheckDeclaration> out = new ArrayList<>();
    java.util.Set<String> names = new java.util.TreeSet<>();
    List<io.jmigrate.processor.model.CheckDeclaration> named = new ArrayList<>();
    for (ColumnDeclaration c : ordered) {
      List<String> constants = c.javaType().enumConstants();
      String expression;
      boolean discriminator = c.javaType().name().equals("discriminator");
      if (c.javaType().name().equals(JpaCollections.LIST_INDEX) && line.checksOrderAndDiscriminator()) {
        expression = c.name() + " >= 0";
      } else if (constants == null || constants.isEmpty() || (discriminator && !line.checksOrderAndDiscriminator())
          || c.javaType().columnType() == io.jmigrate.schema.ColumnType.ENUM) { // a PostgreSQL enum type holds its values
        expression = null;
      } else {
        boolean numbers = c.javaType().columnType() == io.jmigrate.schema.ColumnType.INTEGER; // a discriminator's
        expression = c.javaType().columnType() == io.jmigrate.schema.ColumnType.SMALLINT
            ? c.name() + " between 0 and " + (constants.size() - 1)
            : c.name() + " in (" + String.join(",", constants.stream().map(k -> numbers ? k : "'" + k.replace("'", "''") + "'").toList()) + ")";
      }
      // Hibernate's order on the column: the mapping's checks, the type's, then Bean Validation's.
      List<String> unnamed = new ArrayList<>();
      Origin at = c.origin();
      for (JpaColumns.ColumnCheck k : columnChecks.getOrDefault(c.origin(), List.of())) {
        if (k.name() != null) {
          named.add(new io.jmigrate.processor.model.CheckDeclaration(k.expression(), k.name(), 0, k.origin()));
        } else if (!k.afterType()) {
          unnamed.add(k.expression());
          at = unnamed.size() == 1 ? k.origin() : at;
        }
      }
      if (expression != null) {
        unnamed.add(expression);
      }
      for (JpaColumns.ColumnCheck k : columnChecks.getOrDefault(c.origin(), List.of())) {
        if (k.name() == null && k.afterType() && !unnamed.contains(k.expression())) {
          unnamed.add(k.expression());
          at = unnamed.size() == 1 ? k.origin() : at;
        }
      }
      if (unnamed.isEmpty()) {
        continue;
      }
      expression = unnamed.size() == 1 ? unnamed.get(0)
          : String.join(" and ", unnamed.stream().map(e -> "(" + e + ")").toList());
      String checkName = name + "_" + c.name() + "_check";
      checkName = checkName.length() <= 63 ? checkName : io.jmigrate.schema.Names.constraintName("ck", name, List.of(c.name()));
      if (names.add(checkName)) {
        out.add(new io.jmigrate.processor.model.CheckDeclaration(expression, checkName, out.size() + 1, at));
      }
    }
    for (io.jmigrate.processor.model.CheckDeclaration k : named) {
      if (names.add(k.name())) {
        out.add(new io.jmigrate.processor.model.CheckDeclaration(k.expression(), k.name(), out.size() + 1, k.origin()));
      }
    }
    int unnamed = 0;
    Annotations annotations = new Annotations();
    List<AnnotationMirror> declared = owner == null || !owner.getQualifiedName().contentEquals(className) ? List.of()
        : annotations.repeated(owner, Jpa.HIBERNATE + "Check", Jpa.HIBERNATE + "Checks");
    // JPA 3.2's @Table(check = @CheckConstraint(…)) too (Hibernate 7), after Hibernate's own.
    AnnotationMirror table = owner == null || !owner.getQualifiedName().contentEquals(className)
        ? null : Jpa.mirror(owner, "Table");
    List<AnnotationMirror> standard = new ArrayList<>();
    if (table != null && Annotations.explicit(table, "check") != null) {
      for (Object v : (List<?>) annotations.value(table, "check")) {
        standard.add((AnnotationMirror) ((javax.lang.model.element.AnnotationValue) v).getValue());
      }
    }
    List<AnnotationMirror> all = new ArrayList<>(declared);
    all.addAll(standard);
    for (AnnotationMirror check : all) {
      String given = annotations.string(check, "name");
      String checkName = !given.isEmpty() ? given : name + "_check" + (unnamed++ == 0 ? "" : String.valueOf(unnamed - 1));
      if (names.add(checkName)) {
        out.add(new io.jmigrate.processor.model.CheckDeclaration(annotations.string(check,
            standard.contains(check) ? "constraint" : "constraints"), checkName, out.size() + 1,
            Origin.of(owner, standard.contains(check) ? table : check)));
      }
    }
    return out;
  }

/**
 * The size Hibernate's {@code ColumnOrderingStrategyStandard} gives a column's type, by which (at
 * least 4, then above 2048 or not, then the name) it orders the columns of a primary key. A text
 * or binary column of the default length counts as the database's longest.
 */
static int physicalSize(ColumnDeclaration c) {
  return switch (c.javaType().columnType()) {
    case BOOLEAN -> 1;
    case SMALLINT -> 2;
    case INTEGER, REAL, DOUBLE, DATE, TIME -> 4; // float(53) is 7 bytes of decimal digits, rounded: 2
    case BIGINT, TIMESTAMP, TIMESTAMP_TZ -> 8;
    case UUID -> 16;
    case DECIMAL -> (int) Math.ceil((c.precision() == 0 ? 38 : c.precision()) / (Math.log(10) / Math.log(2) * 8));
    case STRING, BINARY, CLOB, LONG_TEXT, BLOB -> c.length() == 255 || c.length() == 0 ? Integer.MAX_VALUE / 2 : c.length();
    case CHAR -> Math.max(c.length(), 1);
    case JSON, STRING_ARRAY, INTEGER_ARRAY, BIGINT_ARRAY, ENUM, NATIVE -> Integer.MAX_VALUE / 2;
  };
}
}
