package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.Annotations.track;
import static io.jmigrate.processor.model.extract.JpaCollections.isSet;
import static io.jmigrate.processor.model.extract.JpaHierarchy.persistentFields;
import static io.jmigrate.processor.model.extract.JpaHierarchy.superclass;
import static io.jmigrate.processor.model.extract.JpaJoins.foreignKey;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.ForeignKeyDeclaration;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.schema.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Pass 2, what references a key: to-one join columns, a one-to-many's join column in the child's table, join
 * tables.
 */
final class JpaAssociations extends JpaPart {
  /** How a keyword warning asks for a join column's name quoted. */
  static final String JOIN_COLUMN = "@JoinColumn(name = \"\\\"%s\\\"\")";
  private final JpaKeys keys;
  private final JpaJoins joins;
  private final JpaCollections collections;
  private final JpaUnread unread;

  JpaAssociations(JpaPart shared, JpaKeys keys, JpaJoins joins, JpaCollections collections, JpaUnread unread) {
    super(shared);
    this.keys = keys;
    this.joins = joins;
    this.collections = collections;
    this.unread = unread;
  }

  void references(JpaEntity e) {
    String strategy = strategy(e);
    JpaTable t = tableOf(e);
    if (t == null) {
      return; // an abstract table-per-class entity: its subclasses' tables carry its associations
    }
    List<TypeElement> chain = new ArrayList<>();
    chain.add(e.type);
    if (strategy.equals("TABLE_PER_CLASS")) {
      for (JpaEntity x = e.parent; x != null; x = x.parent) {
        chain.add(0, x.type);
      }
    }
    if (strategy.equals("TABLE_PER_CLASS") && e.type.getModifiers().contains(Modifier.ABSTRACT)) {
      return;
    }
    boolean forceNullable = strategy.equals("SINGLE_TABLE") && e != e.root();
    for (TypeElement type : chain) {
      Set<String> idClassFields = keys.idClassFields(type);
      associations(e, t, persistentFields(type, annotations, new ArrayList<>(), false).stream()
          .filter(f -> !idClassFields.contains(f.getSimpleName().toString())).toList(), forceNullable, false);
    }
  }

  /**
   * The associations and element collections among {@code fields}, and inside their embeddables (nested
   * too): Hibernate maps an embeddable's association as the entity's own (its join column in the entity's
   * table, its join or collection table named after the entity and the attribute).
   *
   * @param embedded whether {@code fields} are an embeddable's where Bean Validation's {@code @NotNull} does not
   *     reach the schema (as for its basic attributes): one not reached through {@code @Valid @NotNull} embedded
   *     attributes all the way
   */
  void associations(JpaEntity e, JpaTable t, List<Element> fields, boolean forceNullable, boolean embedded) {
    for (Element f : fields) {
      if (Jpa.has(f, "Id") || Jpa.has(f, "EmbeddedId") || Jpa.has(f, "MapsId")) {
        continue;
      }
      if (Jpa.has(f, "ElementCollection")) {
        collections.collectionTable(e, t, f);
      } else if (Jpa.has(f, "ManyToOne") || Jpa.has(f, "OneToOne")) {
        toOne(e, t, f, forceNullable, embedded);
      } else if (Jpa.has(f, "OneToMany") || Jpa.has(f, "ManyToMany")) {
        toMany(e, t, f);
      } else if (JpaColumns.isEmbedded(f) && JpaColumns.embeddedType(f) != null) {
        associations(e, t, persistentFields(JpaColumns.embeddedType(f), annotations, new ArrayList<>(), true),
            forceNullable, embedded || !(JpaColumns.cascaded(f) && columns.notNullByValidation(f)));
      }
    }
  }

  /** The owning side of a to-one association: a join column referencing the target's key (or referencedColumnName). */
  void toOne(JpaEntity e, JpaTable t, Element f, boolean forceNullable, boolean embedded) {
    String kind = Jpa.has(f, "ManyToOne") ? "ManyToOne" : "OneToOne";
    AnnotationMirror relation = Jpa.mirror(f, kind);
    if (!annotations.string(relation, "mappedBy").isEmpty()) {
      return; // the other side owns it
    }
    if (Jpa.has(f, "JoinTable") || Jpa.has(f, "PrimaryKeyJoinColumn")) {
      String a = Jpa.has(f, "JoinTable") ? "JoinTable" : "PrimaryKeyJoinColumn";
      problems.add(Problem.error(Origin.of(f, Jpa.mirror(f, a)), "jmigrate does not map @" + kind + " with @" + a
          + " (" + f.getSimpleName() + "): Hibernate would make a " + (a.equals("JoinTable") ? "join table of both "
          + "keys" : "reference through the primary key") + "; use @JoinColumn"));
      return;
    }
    AnnotationMirror jc = joins.joinColumn(f);
    if (jc == null && Jpa.has(f, "JoinColumns")) {
      return; // reported
    }
    JpaEntity target = targetEntity(f);
    JpaTable targetTable = target == null ? null : tableOf(target);
    if (targetTable == null) {
      return;
    }
    ColumnDeclaration referenced = joins.referenced(f, jc, target, targetTable);
    if (referenced == null) {
      return;
    }
    String given = annotations.string(jc, "name");
    String name = physical(given.isEmpty() ? f.getSimpleName() + "_" + referenced.name() : given);
    keyword("join column", given, name, track(Origin.of(f), jc, "name", "name").of("name"), JOIN_COLUMN);
    // In a single-table subclass, Hibernate relaxes optional = false (other subclasses' rows hold NULL), but
    // keeps an explicit @JoinColumn(nullable = false), as it keeps @Column(nullable = false).
    boolean nullable = (relation == null || annotations.bool(relation, "optional") || forceNullable)
        && (jc == null || annotations.bool(jc, "nullable"));
    // Bean Validation's @NotNull as Hibernate's TypeSafeActivator applies it: not in a single-table subclass, and
    // inside an embeddable only when it descends there with @NotNull (an @Valid @NotNull embedded attribute).
    nullable &= forceNullable || embedded || !columns.notNullByValidation(f);
    boolean unique = kind.equals("OneToOne") || (jc != null && annotations.bool(jc, "unique"));
    Origin origin = track(track(track(Origin.of(f), jc, "name", "name"), jc, "nullable", "nullable"), jc,
        "referencedColumnName", "foreignKey.column");
    AnnotationMirror renamed = Annotations.mirror(f, JmigrateExtractor.RENAMED_FROM);
    origin = track(origin, renamed, "value", "renamedFrom");
    ForeignKeyDeclaration fk = joins.noConstraint(jc) ? null : foreignKey(targetTable, referenced, joins.onDelete(f), joins.foreignKeyName(jc));
    ColumnDeclaration mapped = t.column(name);
    if (mapped != null && readOnly(jc)) {
      // A read-only association over a column the entity maps itself (a key column that is also a foreign
      // key, as in an @IdClass): Hibernate makes one column; the association adds its constraint to it.
      t.columns.set(t.columns.indexOf(mapped), new ColumnDeclaration(mapped.name(), mapped.nameGiven(), mapped.field(),
          mapped.declaringClass(), mapped.javaType(), mapped.id(), mapped.generated(), mapped.nullable(),
          mapped.length(), mapped.precision(), mapped.scale(), mapped.unique(), mapped.defaultValue(),
          mapped.defaultSql(), mapped.defaultSqlVariants(), mapped.renamedFrom(), fk, mapped.narrow(), mapped.origin(),
          mapped.comment()).withCollation(mapped.collation()));
      return;
    }
    // A writable association over a column a read-only basic attribute maps too ({@code Long cityId} beside
    // {@code City city}): the association's column replaces it.
    // Hibernate's @Comment on a to-one field is its join column's comment (CommentBinder: the value's columns).
    t.place(JpaColumns.reference(name, f, f.getEnclosingElement().getSimpleName().toString(), referenced,
        nullable, unique, false, fk, origin,
        renamed == null ? null : annotations.string(renamed, "value"),
        Annotations.mirror(f, JmigrateExtractor.NARROW) != null).withComment(columns.comment(f)), readOnly(jc));
  }

  /** The associated entity, if it has a table to reference; otherwise null, reported at the field. */
  JpaEntity targetEntity(Element f) {
    TypeElement target = target(f);
    JpaEntity e = target == null ? null : entities.get(target.getQualifiedName().toString());
    if (e == null) {
      problems.add(Problem.at(f, f.getSimpleName() + " is an association to " + (target == null ? f.asType()
          : target.getSimpleName()) + ", which is not an @Entity"));
    } else if (tableOf(e) == null) {
      problems.add(Problem.at(f, "jmigrate does not map an association to " + e.entityName + ", the abstract root of "
          + "a TABLE_PER_CLASS hierarchy: it has no table to reference. Reference a concrete subclass"));
      return null;
    }
    return e;
  }

  /** A one-to-many or many-to-many: a join column in the child's table, or a join table. */
  void toMany(JpaEntity e, JpaTable t, Element f) {
    boolean manyToMany = Jpa.has(f, "ManyToMany");
    AnnotationMirror relation = Jpa.mirror(f, manyToMany ? "ManyToMany" : "OneToMany");
    if (!annotations.string(relation, "mappedBy").isEmpty()) {
      // The other side owns it; a list's @OrderColumn (a map's key column) is in the child's table all the same.
      if (!manyToMany && collections.collectionKind(f)) {
        JpaEntity target = targetEntity(f);
        if (target != null && !collections.mapKeyAttributeExists(f, target)) {
          return;
        }
        ColumnDeclaration index = collections.indexColumn(f);
        if (target != null && tableOf(target) != null && index != null) {
          tableOf(target).columns.add(index);
        }
      }
      return;
    }
    if (!collections.collectionKind(f)) {
      return;
    }
    ColumnDeclaration index = collections.indexColumn(f);
    JpaEntity target = targetEntity(f);
    if (target != null && !collections.mapKeyAttributeExists(f, target)) {
      return;
    }
    JpaTable targetTable = target == null ? null : tableOf(target);
    if (targetTable == null || t.key().size() != 1) {
      if (t.key().size() > 1) {
        problems.add(Problem.at(f, "jmigrate maps associations of entities with a single-column key only"));
      }
      return;
    }
    ColumnDeclaration ownerKey = t.key().get(0);
    AnnotationMirror jc = manyToMany ? null : joins.joinColumn(f);
    if (jc != null) {
      // A unidirectional one-to-many with @JoinColumn: the column lives in the child's table.
      String given = annotations.string(jc, "name");
      String name = physical(given.isEmpty() ? f.getSimpleName() + "_" + ownerKey.name() : given);
      Origin origin = track(track(Origin.of(f), jc, "name", "name"), jc, "nullable", "nullable");
      keyword("join column", given, name, origin.of("name"), JOIN_COLUMN);
      targetTable.columns.add(JpaColumns.reference(name, f, e.type.getSimpleName().toString(), ownerKey,
          annotations.bool(jc, "nullable"), false, false,
          joins.noConstraint(jc) ? null : foreignKey(t, ownerKey, joins.onDelete(f), joins.foreignKeyName(jc)), origin, null, false));
      if (index != null) {
        targetTable.columns.add(index);
      }
      return;
    }
    List<ColumnDeclaration> targetKey = targetTable.key();
    if (targetKey.size() != 1) {
      problems.add(Problem.at(f, "jmigrate maps associations to a single-column key only; " + target.entityName
          + " has " + targetKey.size() + " key columns"));
      return;
    }
    AnnotationMirror joinTable = Jpa.mirror(f, "JoinTable");
    String attribute = f.getSimpleName().toString();
    String given = annotations.string(joinTable, "name");
    String name = given.isEmpty() ? naming.joinTable(t.name, attribute, targetTable.name, keepCapitals, columns.line)
        : tableName(given);
    unread.checkCase(given.isEmpty() ? attribute : given, Origin.of(f));
    keyword("join table", given, name, track(Origin.of(f), joinTable, "name", "name").of("name"),
        "@JoinTable(name = \"\\\"%s\\\"\")");
    JpaTable join = joins.joinTable(e, t, f, name, !given.isEmpty(), joinTable);

    String inverseOwner = manyToMany ? inverseAttribute(target, attribute) : null;
    joins.sameMutability(f, joinTable, "joinColumns");
    joins.sameMutability(f, joinTable, "inverseJoinColumns");
    AnnotationMirror ownerColumn = joins.first(joinTable, "joinColumns");
    AnnotationMirror targetColumn = joins.first(joinTable, "inverseJoinColumns");
    String ownerName = joins.columnName(ownerColumn, (inverseOwner != null ? inverseOwner : e.entityName) + "_"
        + ownerKey.name(), f);
    String targetName = joins.columnName(targetColumn, attribute + "_" + targetKey.get(0).name(), f);
    boolean set = isSet(f.asType()) && index == null;
    // A map keyed by the target's attribute (@MapKey) has no key column: the owner and the target are the key.
    boolean byAttribute = JpaCollections.keyedByAttribute(f);
    Origin origin = Origin.of(f);
    ColumnDeclaration owner = JpaColumns.reference(ownerName, f, e.type.getSimpleName().toString(), ownerKey, false,
        false, (manyToMany && set) || index != null || byAttribute, foreignKey(t, ownerKey, ReferentialAction.NO_ACTION, ""),
        track(origin, ownerColumn, "name", "name"), null, false);
    // A one-to-many's join table: each child once (its key, for a set; unique, for a list or a map). An
    // ordered list's or a map's key is the owner and the order or map key column.
    ColumnDeclaration child = JpaColumns.reference(targetName, f, e.type.getSimpleName().toString(), targetKey.get(0),
        false, !manyToMany && !set, set || byAttribute,
        foreignKey(targetTable, targetKey.get(0), ReferentialAction.NO_ACTION, ""),
        track(origin, targetColumn, "name", "name"), null, false);
    join.columns.add(owner);
    join.columns.add(child);
    if (index != null) {
      join.columns.add(JpaColumns.as(index, true, false));
    }
  }

  /** The target attribute of a bidirectional many-to-many that names {@code attribute} as its mappedBy. */
  String inverseAttribute(JpaEntity target, String attribute) {
    for (TypeElement c = target.type; c != null; c = superclass(c)) {
      for (Element f : c.getEnclosedElements()) {
        AnnotationMirror m = f.getKind() == ElementKind.FIELD ? Jpa.mirror(f, "ManyToMany") : null;
        if (m != null && annotations.string(m, "mappedBy").equals(attribute)) {
          return f.getSimpleName().toString();
        }
      }
    }
    return null;
  }
}
