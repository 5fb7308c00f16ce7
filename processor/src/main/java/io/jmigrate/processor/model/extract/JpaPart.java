package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.Annotations.explicit;
import static io.jmigrate.processor.model.extract.JpaCollections.elementType;

import io.jmigrate.processor.model.Problem;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What the parts of one JPA read share: its settings, the entities and tables so far, the problems; and the
 * hierarchy queries each pass asks.
 */
class JpaPart {
  final JpaNaming naming;
  final Types types;
  final List<String> targets;
  final Annotations annotations;
  final List<Problem> problems;
  final JpaColumns columns;
  final JpaGenerators generators;
  final Map<String, JpaEntity> entities;
  final Map<String, JpaTable> tables;
  /** Whether table names keep Hibernate's capitals (see {@link JpaNaming#keepsCapitals}). */
  final boolean keepCapitals;

  JpaPart(JpaNaming naming, Types types, List<String> targets, Annotations annotations, List<Problem> problems,
      JpaColumns columns, JpaGenerators generators, Map<String, JpaEntity> entities, Map<String, JpaTable> tables) {
    this.naming = naming;
    this.types = types;
    this.targets = targets;
    this.annotations = annotations;
    this.problems = problems;
    this.columns = columns;
    this.generators = generators;
    this.entities = entities;
    this.tables = tables;
    this.keepCapitals = naming.keepsCapitals(targets);
  }

  /**
   * The warning for a name Hibernate writes unquoted that a target dialect takes for a keyword (see
   * {@link HibernateKeywords#warning}), once per element and name: a mapped superclass's field is read per entity.
   */
  void keyword(String kind, String given, String physical, io.jmigrate.processor.model.Origin at, String quoted) {
    Problem p = HibernateKeywords.warning(targets, kind, given, physical, at, quoted);
    if (p != null && !problems.contains(p)) {
      problems.add(p);
    }
  }

  /** A table's database name (an entity's, join or collection table's) from its logical name, through the naming. */
  String tableName(String logical) {
    return naming.table(logical, keepCapitals, columns.line);
  }

  JpaPart(JpaPart shared) {
    this(shared.naming, shared.types, shared.targets, shared.annotations, shared.problems, shared.columns,
        shared.generators, shared.entities, shared.tables);
  }

  /** The database name of a logical name: the naming, as the Hibernate line being followed applies it. */
  String physical(String logical) {
    return naming.physical(logical, columns.line);
  }

  String strategy(JpaEntity e) {
    String s = Jpa.constant(annotations, Jpa.mirror(e.root().type, "Inheritance"), "strategy");
    return s == null ? "SINGLE_TABLE" : s;
  }

  boolean hasSubclasses(JpaEntity root) {
    return entities.values().stream().anyMatch(x -> x != root && x.root() == root);
  }

  /** The table that holds the entity's rows (and key): a single-table subclass's is its root's. */
  JpaTable tableOf(JpaEntity e) {
    return tables.get(strategy(e).equals("SINGLE_TABLE") ? e.root().qualifiedName() : e.qualifiedName());
  }

  /** {@code @Column} or {@code @JoinColumn} with {@code insertable = false, updatable = false}. */
  boolean readOnly(AnnotationMirror column) {
    return column != null && explicit(column, "insertable") != null && explicit(column, "updatable") != null
        && !annotations.bool(column, "insertable") && !annotations.bool(column, "updatable");
  }

  /** The associated entity type: {@code targetEntity}, else the field's type or its element type. */
  TypeElement target(Element f) {
    for (String kind : new String[] {"ManyToOne", "OneToOne", "OneToMany", "ManyToMany"}) {
      AnnotationMirror m = Jpa.mirror(f, kind);
      if (m == null) {
        continue;
      }
      TypeElement given = annotations.type(m, "targetEntity");
      if (given != null && !given.getQualifiedName().contentEquals("void")) {
        return given;
      }
      TypeMirror type = kind.endsWith("ToMany") ? elementType(f) : f.asType();
      return type != null && type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement()
          : null;
    }
    return null;
  }
}
