package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.Annotations.track;
import static io.jmigrate.processor.model.extract.JpaJoins.foreignKey;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.processor.model.JavaType;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.extract.JpaColumns.Scope;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Element collections, and what orders or keys a collection: a list's order column, a map's key column, a set's
 * uniqueness.
 */
final class JpaCollections extends JpaPart {
  /** The Java type of a list's {@code @OrderColumn}: an int, which Hibernate 7 checks {@code >= 0}. */
  static final String LIST_INDEX = "int (a list's index)";

  private final JpaJoins joins;
  private final JpaUnread unread;

  JpaCollections(JpaPart shared, JpaJoins joins, JpaUnread unread) {
    super(shared);
    this.joins = joins;
    this.unread = unread;
  }

  /** {@code @ElementCollection}: a table of the values, with a join column to the owner. */
  void collectionTable(JpaEntity e, JpaTable t, Element f) {
    if (!collectionKind(f)) {
      return;
    }
    if (t.key().size() != 1) {
      problems.add(Problem.at(f, "jmigrate maps element collections of entities with a single-column key only"));
      return;
    }
    ColumnDeclaration ownerKey = t.key().get(0);
    AnnotationMirror ct = Jpa.mirror(f, "CollectionTable");
    String attribute = f.getSimpleName().toString();
    String given = annotations.string(ct, "name");
    String name = tableName(given.isEmpty() ? e.entityName + "_" + attribute : given);
    unread.checkCase(given.isEmpty() ? e.entityName + "_" + attribute : given, Origin.of(f));
    keyword("collection table", given, name, track(Origin.of(f), ct, "name", "name").of("name"),
        "@CollectionTable(name = \"\\\"%s\\\"\")");
    JpaTable table = joins.joinTable(e, t, f, name, !given.isEmpty(), ct);
    joins.sameMutability(f, ct, "joinColumns");
    AnnotationMirror ownerColumn = joins.first(ct, "joinColumns");
    String ownerName = joins.columnName(ownerColumn, e.entityName + "_" + ownerKey.name(), f);
    // An ordered list's or a map's rows: the key is the owner and the order or map key column, as Hibernate's.
    ColumnDeclaration index = indexColumn(f);
    table.columns.add(JpaColumns.reference(ownerName, f, e.type.getSimpleName().toString(), ownerKey, false, false,
        index != null, foreignKey(t, ownerKey, joins.onDelete(f), ""), track(Origin.of(f), ownerColumn, "name", "name"), null,
        false));
    if (index != null) {
      table.columns.add(JpaColumns.as(index, true, false));
    }

    TypeMirror element = elementType(f);
    List<ColumnDeclaration> values = new ArrayList<>();
    Scope scope = new Scope(e.type.getSimpleName().toString(), columns.overrides(f), true, false, false);
    TypeElement embeddable = JpaColumns.embeddable(element);
    if (embeddable != null) {
      columns.embedded(embeddable, new Scope(embeddable.getSimpleName().toString(), scope.overrides(), true, false,
          false), values);
    } else {
      ColumnDeclaration c = columns.basic(f, element, scope, attribute);
      if (c != null) {
        values.add(c);
      }
    }
    table.columns.addAll(values);
    if (isSet(f.asType()) && index == null && !values.isEmpty() && columns.line.setRowsUnique()) {
      // Hibernate: a set's rows are unique (a unique constraint, its values may be NULL).
      List<String> unique = new ArrayList<>();
      unique.add(ownerName);
      values.stream().map(ColumnDeclaration::name).sorted().forEach(unique::add);
      table.indexes.add(new IndexDeclaration(unique, true, "", Origin.of(f)));
    }
  }

  /**
   * Lists (with {@code @OrderColumn} too), sets, collections and maps are mapped: maps keyed by a column
   * ({@code @MapKeyColumn}, or Hibernate's {@code <attribute>_KEY}), by a reference to an entity
   * ({@code @MapKeyJoinColumn}, or an entity key type; {@code @MapKeyClass} names the key's class) or by an
   * attribute of the target entity ({@code @MapKey}); arrays and a key of several join columns are not (an error
   * at the field).
   */
  boolean collectionKind(Element f) {
    AnnotationMirror byAttribute = Jpa.mirror(f, "MapKey");
    if (byAttribute != null && Jpa.has(f, "ElementCollection")) {
      problems.add(Problem.error(Origin.of(f, byAttribute), "@MapKey keys a map of entities by one of their "
          + "attributes; " + f.getSimpleName() + " is an @ElementCollection, whose map key is a column of its "
          + "collection table. Use @MapKeyColumn (or @MapKeyJoinColumn for an entity key) instead"));
      return false;
    }
    AnnotationMirror keyColumns = Jpa.mirror(f, "MapKeyJoinColumns");
    if (keyColumns != null && Jpa.mirrors(annotations, keyColumns, "value").size() != 1) {
      problems.add(Problem.error(Origin.of(f, keyColumns), "jmigrate maps a map key with one join column only ("
          + f.getSimpleName() + " has " + Jpa.mirrors(annotations, keyColumns, "value").size() + ", which Hibernate "
          + "makes one composite foreign key of): key the map by an entity with a single-column key, with one "
          + "@MapKeyJoinColumn"));
      return false;
    }
    String raw = erasure(f.asType());
    if (isMap(f.asType())) {
      if (!(f.asType() instanceof DeclaredType d) || d.getTypeArguments().size() != 2) {
        problems.add(Problem.at(f, f.getSimpleName() + " needs its type arguments (Map<String, Tag>)"));
        return false;
      }
    } else if (!Set.of("java.util.List", "java.util.Set", "java.util.Collection", "java.util.SortedSet",
        "java.util.ArrayList", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet").contains(raw)) {
      problems.add(Problem.at(f, "jmigrate maps a collection attribute declared as List, Set, Collection or Map; "
          + f.getSimpleName() + " is " + f.asType()));
      return false;
    }
    if (Jpa.has(f, "OrderColumn") && !raw.endsWith("List")) {
      problems.add(Problem.error(Origin.of(f, Jpa.mirror(f, "OrderColumn")), "@OrderColumn orders a List; "
          + f.getSimpleName() + " is " + f.asType() + ". Declare it as a List, or remove @OrderColumn"));
      return false;
    }
    if (elementType(f) == null) {
      problems.add(Problem.at(f, f.getSimpleName() + " needs a type argument (List<Pet>), or targetEntity"));
      return false;
    }
    return true;
  }

  static boolean isMap(TypeMirror type) {
    return Set.of("java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
        "java.util.SortedMap").contains(erasure(type));
  }

  static boolean isSet(TypeMirror type) {
    return erasure(type).endsWith("Set");
  }

  static String erasure(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString() : type.toString();
  }

  /** A collection's element type, a map's value type. */
  static TypeMirror elementType(Element f) {
    if (f.asType() instanceof DeclaredType d && !d.getTypeArguments().isEmpty()) {
      TypeMirror element = d.getTypeArguments().get(isMap(f.asType()) ? 1 : 0);
      return d.getTypeArguments().size() == (isMap(f.asType()) ? 2 : 1) && element.getKind() == TypeKind.DECLARED
          ? element : null;
    }
    return null;
  }

  /**
   * The column of a list's {@code @OrderColumn} ({@code <attribute>_ORDER}, an integer) or of a map's key
   * ({@code @MapKeyColumn}, {@code <attribute>_KEY}), nullable as in the child's table; null for neither.
   */
  ColumnDeclaration indexColumn(Element f) {
    String declaring = f.getEnclosingElement().getSimpleName().toString();
    AnnotationMirror order = Jpa.mirror(f, "OrderColumn");
    if (order != null) {
      String given = annotations.string(order, "name");
      Origin origin = track(Origin.of(f, order), order, "name", "name");
      String name = physical(given.isEmpty() ? f.getSimpleName() + "_ORDER" : given);
      keyword("order column", given, name, origin.of("name"), "@OrderColumn(name = \"\\\"%s\\\"\")");
      return new ColumnDeclaration(name,
          !given.isEmpty(), f.getSimpleName().toString(), declaring,
          new JavaType(LIST_INDEX, ColumnType.INTEGER, false, "int", null), false,
          false, annotations.bool(order, "nullable"), 0, 0, 0, false, null, null, null, null, false, origin);
    }
    if (isMap(f.asType()) && f.asType() instanceof DeclaredType d && d.getTypeArguments().size() == 2) {
      if (keyedByAttribute(f)) {
        return null; // the key is the target's own column
      }
      // @MapKeyClass: the key's class where the Map declares an interface or a superclass (Map<Option, BigDecimal>)
      TypeElement keyClass = annotations.type(Jpa.mirror(f, "MapKeyClass"), "value");
      TypeMirror keyType = keyClass != null && !keyClass.getQualifiedName().contentEquals("void") ? keyClass.asType()
          : d.getTypeArguments().get(0);
      if (Jpa.has(f, "MapKeyJoinColumn") || Jpa.has(f, "MapKeyJoinColumns") || entityOf(keyType) != null) {
        return entityKey(f, keyType, declaring);
      }
      ColumnDeclaration key = columns.mapKey(f, keyType, declaring);
      return key == null ? null : JpaColumns.as(key, false, true);
    }
    return null;
  }

  /**
   * Whether the map is keyed by an attribute of its target entity ({@code @MapKey}): Hibernate makes no key column
   * then (the key is the target's own column), and a join table's primary key is the owner and the target.
   */
  static boolean keyedByAttribute(Element f) {
    return Jpa.has(f, "MapKey") && isMap(f.asType());
  }

  /** The entity a map's key type is, or null. */
  private JpaEntity entityOf(TypeMirror keyType) {
    return keyType instanceof DeclaredType d && d.asElement() instanceof TypeElement te
        ? entities.get(te.getQualifiedName().toString()) : null;
  }

  /**
   * A map keyed by an entity: a join column ({@code @MapKeyJoinColumn(name)}, else {@code <attribute>_KEY}) of the
   * type of the key entity's key (or {@code referencedColumnName}), with a foreign key to it, as Hibernate makes it
   * (with {@code @MapKeyJoinColumn} NOT NULL unless {@code nullable = true}). Null after reporting a key that is no
   * entity.
   */
  private ColumnDeclaration entityKey(Element f, TypeMirror keyType, String declaring) {
    AnnotationMirror jc = Jpa.mirror(f, "MapKeyJoinColumn");
    AnnotationMirror many = Jpa.mirror(f, "MapKeyJoinColumns");
    if (jc == null && many != null) {
      jc = Jpa.mirrors(annotations, many, "value").get(0); // one, as collectionKind checked
    }
    JpaEntity target = entityOf(keyType);
    if (target == null) {
      problems.add(Problem.error(Origin.of(f, jc != null ? jc : many), "@MapKeyJoinColumn keys " + f.getSimpleName()
          + " by a reference to an entity, but its key type " + keyType + " is not an @Entity. Use @MapKeyColumn "
          + "for a key of a basic type"));
      return null;
    }
    JpaTable targetTable = tableOf(target);
    if (targetTable == null) {
      problems.add(Problem.at(f, "jmigrate does not map a map keyed by " + target.entityName + ", the abstract root "
          + "of a TABLE_PER_CLASS hierarchy: it has no table to reference. Key it by a concrete subclass"));
      return null;
    }
    ColumnDeclaration referenced = joins.referenced(f, jc, target, targetTable);
    if (referenced == null) {
      return null;
    }
    String attribute = f.getSimpleName().toString();
    String given = annotations.string(jc, "name");
    String name = physical(given.isEmpty() ? attribute + "_KEY" : given);
    Origin origin = track(Origin.of(f), jc, "name", "name");
    keyword("map key join column", given, name, origin.of("name"), "@MapKeyJoinColumn(name = \"\\\"%s\\\"\")");
    // In the child's table (a mappedBy or @JoinColumn map), as Hibernate exports it: NOT NULL with @MapKeyJoinColumn
    // (its nullable is false unless given), nullable without one.
    return JpaColumns.reference(name, f, declaring, referenced, jc == null || annotations.bool(jc, "nullable"), false,
        false,
        joins.noConstraint(jc) ? null : foreignKey(targetTable, referenced, ReferentialAction.NO_ACTION,
            joins.foreignKeyName(jc)), origin, null, false);
  }

  /**
   * Whether {@code @MapKey(name)} names a persistent attribute of the target entity or its superclasses (Hibernate
   * fails at start-up otherwise); true without {@code @MapKey} or without a name (the target's id).
   */
  boolean mapKeyAttributeExists(Element f, JpaEntity target) {
    AnnotationMirror byAttribute = Jpa.mirror(f, "MapKey");
    String name = byAttribute == null ? "" : annotations.string(byAttribute, "name");
    if (name.isEmpty()) {
      return true;
    }
    List<String> attributes = new ArrayList<>();
    for (TypeElement c = target.type; c != null; c = JpaHierarchy.superclass(c)) {
      for (Element x : c.getEnclosedElements()) {
        if (JpaColumns.persistent(x)) {
          attributes.add(x.getSimpleName().toString());
        }
      }
    }
    if (attributes.contains(name)) {
      return true;
    }
    problems.add(Problem.error(Origin.of(f, byAttribute).with("name", byAttribute, Annotations.explicit(byAttribute,
        "name")).of("name"), "@MapKey(name = \"" + name + "\") on " + f.getSimpleName() + " names no attribute of "
        + target.entityName + " (Hibernate fails at start-up); its attributes are " + attributes.stream().sorted()
        .toList()));
    return false;
  }
}
