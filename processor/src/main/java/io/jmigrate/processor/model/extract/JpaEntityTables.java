package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.Annotations.explicit;
import static io.jmigrate.processor.model.extract.Annotations.track;
import static io.jmigrate.processor.model.extract.JpaHierarchy.isRelation;
import static io.jmigrate.processor.model.extract.JpaHierarchy.persistentFields;
import static io.jmigrate.processor.model.extract.JpaKeys.idClassAnnotation;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.extract.JpaColumns.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Pass 1, an entity's table and its own columns (key, basic, embedded), its indexes, and jmigrate's annotations
 * on it.
 */
final class JpaEntityTables extends JpaPart {
  private final JpaHierarchy hierarchy;
  private final JpaKeys keys;
  private final JpaUnread unread;

  JpaEntityTables(JpaPart shared, JpaHierarchy hierarchy, JpaKeys keys, JpaUnread unread) {
    super(shared);
    this.hierarchy = hierarchy;
    this.keys = keys;
    this.unread = unread;
  }

  void ownColumns(JpaEntity e) {
    String strategy = strategy(e);
    JpaEntity root = e.root();
    if (strategy.equals("SINGLE_TABLE") && e != root) {
      return; // its columns go into the root's table
    }
    if (strategy.equals("TABLE_PER_CLASS") && e.type.getModifiers().contains(Modifier.ABSTRACT)) {
      return; // Hibernate makes no table for an abstract class of a table-per-class hierarchy
    }
    unread.checkType(e.type);
    AnnotationMirror tableAnnotation = Jpa.mirror(e.type, "Table");
    String given = annotations.string(tableAnnotation, "name");
    JpaTable t = new JpaTable(e.qualifiedName(), e.type.getSimpleName().toString(),
        tableName(given.isEmpty() ? e.entityName : given), !given.isEmpty(), e.type);
    t.origin = track(Origin.of(e.type), tableAnnotation, "name", "name");
    unread.checkCase(given.isEmpty() ? e.entityName : given, t.origin.of("name"));
    io.jmigrate.processor.model.Problem keyword = HibernateKeywords.warning(targets, "table", given, t.name,
        t.origin.of("name"), "@Table(name = \"\\\"%s\\\"\")");
    if (keyword != null) {
      problems.add(keyword);
    }
    tables.put(t.className, t);
    jmigrateTypeAnnotations(e.type, t);
    indexes(e.type, tableAnnotation, t);
    hibernateTableIndexes(e.type, given.isEmpty() ? e.entityName : given, t);

    Map<String, JpaColumns.Override> overrides = columns.overrides(e.type);
    String simple = e.type.getSimpleName().toString();
    switch (strategy) {
      case "JOINED" -> {
        if (e != root) {
          hierarchy.joinedKey(e, t);
        }
        segment(e.type, new Scope(simple, overrides, false, false, false), t, e);
      }
      case "TABLE_PER_CLASS" -> {
        List<JpaEntity> chain = new ArrayList<>();
        for (JpaEntity x = e; x != null; x = x.parent) {
          chain.add(0, x);
        }
        for (JpaEntity x : chain) {
          segment(x.type, new Scope(x.type.getSimpleName().toString(), overrides, false, false, false), t, e);
        }
      }
      default -> {
        segment(e.type, new Scope(simple, overrides, false, false, false), t, e);
        for (JpaEntity sub : entities.values()) {
          if (sub != e && sub.root() == e) {
            segment(sub.type, new Scope(sub.type.getSimpleName().toString(), Map.of(), false, true, false), t, sub);
          }
        }
      }
    }
    if ((strategy.equals("SINGLE_TABLE") && hasSubclasses(e)) || Jpa.has(e.type, "DiscriminatorColumn")) {
      hierarchy.discriminator(e, t);
    }
    if (t.key().isEmpty() && problems.stream().noneMatch(p -> !p.warning())) {
      problems.add(Problem.at(e.type, "entity " + e.entityName + " has no @Id or @EmbeddedId field; jmigrate reads "
          + "annotations on fields (field access) only"));
    }
  }

  /** The key and basic and embedded columns of one class and its mapped superclasses. */
  void segment(TypeElement type, Scope scope, JpaTable t, JpaEntity entity) {
    columns.viewFrom(types, entity.type);
    Set<String> idClassFields = keys.idClassFields(type);
    List<Element> fields = persistentFields(type, annotations, problems, false);
    for (Element f : fields) {
      unread.checkField(f);
      Scope here = new Scope(f.getEnclosingElement().getSimpleName().toString(), scope.overrides(), false,
          scope.forceNullable(), false);
      boolean id = Jpa.has(f, "Id") || Jpa.has(f, "EmbeddedId") || idClassFields.contains(f.getSimpleName().toString());
      if (id && isRelation(f)) {
        problems.add(Problem.at(f, "jmigrate does not map a key that is an association (" + f.getSimpleName()
            + ", a derived identity: Hibernate would make its join column the key, referencing the target's); give the "
            + "entity a key of its own (an @Id column) and keep the association beside it"));
        continue;
      }
      if (Jpa.has(f, "MapsId")) {
        problems.add(Problem.error(Origin.of(f, Jpa.mirror(f, "MapsId")), "jmigrate does not map @MapsId ("
            + f.getSimpleName() + "): Hibernate would make the association's join column the key, shared with the "
            + "target's; give the entity an @Id of its own (the same column: @Id Long x plus @JoinColumn(name = \"x\", "
            + "insertable = false, updatable = false) on the association, which jmigrate maps)"));
        continue;
      }
      if (isRelation(f) || Jpa.has(f, "ElementCollection")) {
        continue; // pass 2
      }
      if (id) {
        List<ColumnDeclaration> key = new ArrayList<>();
        columns.attribute(f, here.forId(), key);
        for (ColumnDeclaration c : key) {
          t.place(keys.generated(f, c, entity), false);
        }
        hibernateFieldIndex(f, key, t);
        continue;
      }
      List<ColumnDeclaration> own = new ArrayList<>();
      columns.attribute(f, here, own);
      boolean readOnly = readOnly(Jpa.mirror(f, "Column"));
      own.forEach(c -> t.place(c, readOnly));
      if (!JpaColumns.isEmbedded(f)) {
        hibernateFieldIndex(f, own, t);
      }
    }
    // Hibernate's @NaturalId: one unique constraint over the natural-id columns of the class.
    List<String> natural = new ArrayList<>();
    AnnotationMirror naturalAt = null;
    for (Element f : persistentFields(type, annotations, new ArrayList<>(), false)) {
      AnnotationMirror n = Annotations.mirror(f, Jpa.HIBERNATE + "NaturalId");
      if (n != null && !isRelation(f)) {
        int before = natural.size();
        List<ColumnDeclaration> cs = new ArrayList<>();
        columns.attribute(f, new Scope("", scope.overrides(), false, false, false), cs);
        cs.forEach(c -> natural.add(c.name()));
        naturalAt = natural.size() > before ? n : naturalAt;
      }
    }
    if (!natural.isEmpty()) {
      t.indexes.add(new IndexDeclaration(natural, true, "", Origin.of(type, naturalAt)));
    }
    for (String name : idClassFields) {
      if (fields.stream().noneMatch(f -> f.getSimpleName().contentEquals(name))) {
        problems.add(Problem.error(Origin.of(type, idClassAnnotation(type)), "the @IdClass of " + type.getSimpleName()
            + " has the field " + name + ", which " + type.getSimpleName() + " does not have: Hibernate maps each of "
            + "the key class's fields to the entity's field of the same name. Add the field to the entity"));
      }
    }
  }

  /** {@code @Table(indexes, uniqueConstraints)}: column names as Hibernate resolves them, through the naming. */
  void indexes(TypeElement type, AnnotationMirror table, JpaTable t) {
    if (table == null) {
      return;
    }
    for (String member : new String[] {"schema", "catalog"}) {
      if (!annotations.string(table, member).isEmpty()) {
        problems.add(Problem.error(Origin.of(type).with("m", table, explicit(table, member)).of("m"), "jmigrate "
            + "migrates one schema, the connection's: remove @Table(" + member + ")"));
      }
    }
    for (AnnotationMirror index : Jpa.mirrors(annotations, table, "indexes")) {
      Origin at = track(Origin.of(type, index), index, "name", "name").with("columns", index,
          explicit(index, "columnList"));
      List<String> cols = new ArrayList<>();
      for (String part : annotations.string(index, "columnList").split(",")) {
        if (part.trim().toLowerCase(java.util.Locale.ROOT).endsWith(" desc")) {
          problems.add(new Problem(type, "jmigrate builds ascending indexes only: DESC in \""
              + annotations.string(index, "columnList") + "\" is left out (Hibernate keeps it)", true, index,
              explicit(index, "columnList")));
        }
        String c = part.trim().replaceAll("(?i)\\s+(asc|desc)$", "").trim();
        if (!c.isEmpty()) {
          cols.add(physical(c));
        }
      }
      t.indexes.add(new IndexDeclaration(cols, annotations.bool(index, "unique"), annotations.string(index, "name"), at));
    }
    for (AnnotationMirror unique : Jpa.mirrors(annotations, table, "uniqueConstraints")) {
      Origin at = track(track(Origin.of(type, unique), unique, "name", "name"), unique, "columnNames", "columns");
      List<String> cols = annotations.strings(unique, "columnNames").stream().map(this::physical).toList();
      IndexDeclaration constraint = new IndexDeclaration(cols, true, annotations.string(unique, "name"), at);
      t.indexes.add(constraint);
      t.uniqueConstraints.add(constraint);
    }
  }

  /**
   * Hibernate 5's index annotations, which Hibernate 5 and 6.6 still bind (7 removed them), are read where their
   * types resolve. Here, on the entity, {@code @org.hibernate.annotations.Table(appliesTo, indexes)} (also inside
   * {@code @Tables}) whose {@code appliesTo} names the entity's table: each index non-unique, named as given, on its
   * {@code columnNames} in order, resolved through the naming as {@code columnList} is (Hibernate looks up the
   * physical column of each logical name). Another {@code appliesTo} (a secondary table, which jmigrate does not map)
   * is warned about and left out.
   */
  void hibernateTableIndexes(TypeElement type, String logical, JpaTable t) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      String name = Jpa.qualifiedName(m);
      if (!resolved(m) || !(name.equals(Jpa.HIBERNATE + "Table") || name.equals(Jpa.HIBERNATE + "Tables"))) {
        continue;
      }
      for (AnnotationMirror table : name.endsWith("Tables") ? Jpa.mirrors(annotations, m, "value") : List.of(m)) {
        List<AnnotationMirror> indexes = Jpa.mirrors(annotations, table, "indexes");
        String appliesTo = annotations.string(table, "appliesTo");
        if (indexes.isEmpty()) {
          continue;
        }
        if (!appliesTo.equals(t.name) && !appliesTo.equals(logical)) {
          problems.add(new Problem(type, "jmigrate does not map the indexes of Hibernate's @Table(appliesTo = \""
              + appliesTo + "\") on " + type.getSimpleName() + ": " + appliesTo + " is not the entity's table ("
              + t.name + "), so jmigrate's schema lacks " + indexes.stream().map(i -> annotations.string(i, "name"))
              .collect(java.util.stream.Collectors.joining(", ")), true, table, explicit(table, "appliesTo")));
          continue;
        }
        for (AnnotationMirror index : indexes) {
          Origin at = track(track(Origin.of(type, index), index, "name", "name"), index, "columnNames", "columns");
          List<String> cols = annotations.strings(index, "columnNames").stream().map(this::physical).toList();
          t.indexes.add(new IndexDeclaration(cols, false, annotations.string(index, "name"), at));
        }
      }
    }
  }

  /**
   * Hibernate's {@code @org.hibernate.annotations.Index(name)} on a basic attribute (or the key): an index of that
   * name on the attribute's column, non-unique. Hibernate 5 and 6.6 ignore its {@code columnNames} there, and put the
   * columns of every attribute naming the same index into that one index, in the order the attributes are bound. On
   * an association, an embedded attribute or an element collection it is not mapped (JpaUnread warns).
   */
  private void hibernateFieldIndex(Element f, List<ColumnDeclaration> cols, JpaTable t) {
    AnnotationMirror m = Annotations.mirror(f, Jpa.HIBERNATE + "Index");
    if (m == null || !resolved(m) || cols.isEmpty()) {
      return;
    }
    String name = annotations.string(m, "name");
    List<String> names = cols.stream().map(ColumnDeclaration::name).toList();
    for (int i = 0; i < t.indexes.size(); i++) {
      IndexDeclaration same = t.indexes.get(i);
      if (!same.unique() && same.name().equals(name)) {
        List<String> joined = new ArrayList<>(same.columns());
        joined.addAll(names);
        t.indexes.set(i, new IndexDeclaration(joined, false, name, same.origin()));
        return;
      }
    }
    t.indexes.add(new IndexDeclaration(names, false, name, track(Origin.of(f, m), m, "name", "name")));
  }

  /** Whether the annotation's type resolved (Hibernate 7 has no {@code org.hibernate.annotations.Index}). */
  static boolean resolved(AnnotationMirror m) {
    return m.getAnnotationType().getKind() != javax.lang.model.type.TypeKind.ERROR;
  }

  /**
   * {@code @Drop} on an entity without a table (a single-table subclass, an abstract table-per-class
   * root) confirms for the table that holds its rows, or for a subclass's.
   */
  void tablelessDrops(JpaEntity e) {
    JpaTable t = tableOf(e);
    for (JpaEntity x : entities.values()) {
      if (t == null && x.root() == e.root() && x != e) {
        t = tables.get(x.qualifiedName());
      }
    }
    if (t == null) {
      return;
    }
    for (AnnotationMirror drop : annotations.repeated(e.type, JmigrateExtractor.DROP, JmigrateExtractor.DROP_LIST)) {
      t.dropColumns.addAll(annotations.strings(drop, "columns"));
      t.dropTables.addAll(annotations.strings(drop, "tables"));
    }
  }

  /** jmigrate's {@code @RenamedFrom} and {@code @Drop} on an entity. */
  void jmigrateTypeAnnotations(TypeElement type, JpaTable t) {
    // Hibernate's @Comment on the entity is its table's comment, as its export writes it.
    AnnotationMirror hibernateComment = Annotations.mirror(type, Jpa.HIBERNATE + "Comment");
    if (hibernateComment != null) {
      t.comment = annotations.string(hibernateComment, "value");
    }
    AnnotationMirror renamed = Annotations.mirror(type, JmigrateExtractor.RENAMED_FROM);
    if (renamed != null) {
      t.renamedFrom = annotations.string(renamed, "value");
      t.origin = track(t.origin, renamed, "value", "renamedFrom");
    }
    for (AnnotationMirror drop : annotations.repeated(type, JmigrateExtractor.DROP, JmigrateExtractor.DROP_LIST)) {
      t.dropColumns.addAll(annotations.strings(drop, "columns"));
      t.dropTables.addAll(annotations.strings(drop, "tables"));
    }
    // JPA cannot name a primary key; jmigrate's @Table(primaryKeyName) on the entity keeps an adopted one.
    AnnotationMirror jmigrateTable = Annotations.mirror(type, JmigrateExtractor.TABLE);
    if (jmigrateTable != null) {
      t.primaryKeyName = annotations.string(jmigrateTable, "primaryKeyName");
      t.origin = track(t.origin, jmigrateTable, "primaryKeyName", "primaryKeyName");
      String collation = annotations.string(jmigrateTable, "collation");
      if (!collation.isEmpty()) {
        t.collation = collation;
        t.origin = track(t.origin, jmigrateTable, "collation", "collation");
      }
      String comment = annotations.string(jmigrateTable, "comment");
      if (!comment.isEmpty()) {
        t.comment = comment;
      }
    }
  }
}
