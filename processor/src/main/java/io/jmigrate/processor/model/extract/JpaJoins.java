package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.Annotations.explicit;
import static io.jmigrate.processor.model.extract.Annotations.track;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.ForeignKeyDeclaration;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.schema.ReferentialAction;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Join columns and join tables: the column a join column references, its foreign key and name, a join or
 * collection table.
 */
final class JpaJoins extends JpaPart {
  JpaJoins(JpaPart shared) {
    super(shared);
  }

  /** The one {@code @JoinColumn} of an attribute (also one inside {@code @JoinColumns}); null, reported, for several. */
  AnnotationMirror joinColumn(Element f) {
    AnnotationMirror jc = Jpa.mirror(f, "JoinColumn");
    AnnotationMirror many = Jpa.mirror(f, "JoinColumns");
    if (many != null) {
      List<AnnotationMirror> all = Jpa.mirrors(annotations, many, "value");
      if (all.size() == 1) {
        return all.get(0);
      }
      problems.add(Problem.error(Origin.of(f, many), "jmigrate maps associations with one join column only ("
          + f.getSimpleName() + " has " + all.size() + ", which Hibernate makes one composite foreign key of): "
          + "reference a single-column key, e.g. a unique column of the target with referencedColumnName"));
      return null;
    }
    return jc;
  }

  /** The column a join column references: {@code referencedColumnName}, else the target's single key column. */
  ColumnDeclaration referenced(Element f, AnnotationMirror jc, JpaEntity target, JpaTable targetTable) {
    String refName = annotations.string(jc, "referencedColumnName");
    if (!refName.isEmpty()) {
      ColumnDeclaration c = targetTable.column(physical(refName));
      if (c == null) {
        problems.add(Problem.error(Origin.of(f).with("r", jc, explicit(jc, "referencedColumnName")).of("r"),
            "referencedColumnName \"" + refName + "\" is not a column of " + targetTable.name + "; its columns are "
                + targetTable.columns.stream().map(ColumnDeclaration::name).toList()));
      }
      return c;
    }
    List<ColumnDeclaration> key = targetTable.key();
    if (key.size() != 1) {
      if (!key.isEmpty()) {
        problems.add(Problem.at(f, "jmigrate maps associations to a single-column key only; " + target.entityName
            + " has the composite key " + key.stream().map(ColumnDeclaration::name).toList() + ", which Hibernate "
            + "would reference with one join column per key column; reference a unique column of it "
            + "(@JoinColumn(referencedColumnName)) or give it a single-column key"));
      }
      return null;
    }
    return key.get(0);
  }

  /** {@code @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))}: Hibernate makes the column only. */
  boolean noConstraint(AnnotationMirror joinColumn) {
    AnnotationMirror fk = joinColumn == null ? null : Jpa.nested(annotations, joinColumn, "foreignKey");
    return fk != null && "NO_CONSTRAINT".equals(Jpa.constant(annotations, fk, "value"));
  }

  static ForeignKeyDeclaration foreignKey(JpaTable target, ColumnDeclaration referenced, ReferentialAction onDelete,
      String name) {
    return new ForeignKeyDeclaration(target.className, target.simpleName, true, referenced.name(), onDelete,
        ReferentialAction.NO_ACTION, name);
  }

  /** {@code @JoinColumn(foreignKey = @ForeignKey(name = …))}: the constraint's name (kept from an adopted database); empty for jmigrate's. */
  String foreignKeyName(AnnotationMirror joinColumn) {
    AnnotationMirror fk = joinColumn == null ? null : Jpa.nested(annotations, joinColumn, "foreignKey");
    return fk == null ? "" : annotations.string(fk, "name");
  }

  /** Hibernate's {@code @OnDelete(action = …)}: the foreign key's ON DELETE. */
  ReferentialAction onDelete(Element f) {
    String action = Jpa.constant(annotations, Annotations.mirror(f, Jpa.HIBERNATE + "OnDelete"), "action");
    if (action == null) {
      return ReferentialAction.NO_ACTION;
    }
    try {
      return ReferentialAction.valueOf(action);
    } catch (IllegalArgumentException e) {
      return ReferentialAction.NO_ACTION;
    }
  }

  /** A join or collection table: it belongs to the entity, and jmigrate's {@code @RenamedFrom} on the field renames it. */
  JpaTable joinTable(JpaEntity e, JpaTable t, Element f, String name, boolean given, AnnotationMirror annotation) {
    String attribute = f.getSimpleName().toString();
    JpaTable join = new JpaTable(t.className + "#" + attribute, t.simpleName + "." + attribute, name, given, t.owner);
    join.origin = track(Origin.of(t.owner), annotation, "name", "name");
    AnnotationMirror renamed = Annotations.mirror(f, JmigrateExtractor.RENAMED_FROM);
    if (renamed != null) {
      join.renamedFrom = annotations.string(renamed, "value");
      join.origin = track(join.origin, renamed, "value", "renamedFrom");
    }
    if (tables.containsKey(join.className)) {
      return tables.get(join.className);
    }
    tables.put(join.className, join);
    return join;
  }

  /**
   * Hibernate (6.6 and 7, measured) refuses at start-up a join or collection table's join column that is insertable
   * but not updatable or the reverse: "Join column '…' on collection property '…' must be defined with the same
   * insertable and updatable attributes" (a collection's rows are written as a whole). Checked for
   * {@code @JoinTable(joinColumns, inverseJoinColumns)} and {@code @CollectionTable(joinColumns)}; a one-to-many's
   * own {@code @JoinColumn} may differ (Hibernate accepts it).
   */
  void sameMutability(Element f, AnnotationMirror holder, String member) {
    if (holder == null) {
      return;
    }
    for (AnnotationMirror jc : Jpa.mirrors(annotations, holder, member)) {
      boolean insertable = annotations.bool(jc, "insertable");
      boolean updatable = annotations.bool(jc, "updatable");
      if (insertable != updatable) {
        String name = annotations.string(jc, "name");
        problems.add(Problem.error(Origin.of(f, holder).with("m", holder, explicit(holder, member)).of("m"),
            "Hibernate refuses the join column " + (name.isEmpty() ? "" : name + " ") + "of " + f.getSimpleName()
            + " with insertable = " + insertable + " and updatable = " + updatable + " (\"must be defined with the same"
            + " insertable and updatable attributes\"): a collection's rows are written as a whole. Remove "
            + (insertable ? "updatable = false" : "insertable = false") + " from the @JoinColumn in " + member
            + ", or set both to false"));
      }
    }
  }

  AnnotationMirror first(AnnotationMirror m, String member) {
    if (m == null) {
      return null;
    }
    List<AnnotationMirror> all = Jpa.mirrors(annotations, m, member);
    return all.isEmpty() ? null : all.get(0);
  }

  /** A join table's or collection table's join column, with the keyword warning at {@code f}'s {@code @JoinColumn}. */
  String columnName(AnnotationMirror joinColumn, String implicit, Element f) {
    String given = annotations.string(joinColumn, "name");
    String name = physical(given.isEmpty() ? implicit : given);
    keyword("join column", given, name, Annotations.track(Origin.of(f), joinColumn, "name", "name").of("name"),
        JpaAssociations.JOIN_COLUMN);
    return name;
  }
}
