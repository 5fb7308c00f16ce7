package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.Annotations.track;
import static io.jmigrate.processor.model.extract.JpaExtractor.isEntity;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.ForeignKeyDeclaration;
import io.jmigrate.processor.model.JavaType;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ReferentialAction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Entity discovery and inheritance: which entities there are, their persistent fields, a JOINED subclass's key
 * and a hierarchy's discriminator.
 */
final class JpaHierarchy extends JpaPart {
  JpaHierarchy(JpaPart shared) {
    super(shared);
  }

  /** The given entities and every entity their associations and superclasses reach. */
  void discover(Collection<TypeElement> roots) {
    Deque<TypeElement> work = new ArrayDeque<>(roots);
    while (!work.isEmpty()) {
      TypeElement t = work.poll();
      if (!isEntity(t) || entities.containsKey(t.getQualifiedName().toString())) {
        continue;
      }
      entities.put(t.getQualifiedName().toString(), new JpaEntity(t, entityName(t)));
      TypeElement parent = entitySuperclass(t);
      if (parent != null) {
        work.add(parent);
      }
      targets(t, work, new java.util.HashSet<>());
    }
  }

  /** The targets of the associations of {@code t}, its superclasses and its embeddables (nested too). */
  void targets(TypeElement t, Deque<TypeElement> work, Set<String> seen) {
    if (!seen.add(t.getQualifiedName().toString())) {
      return;
    }
    for (TypeElement c = t; c != null; c = superclass(c)) {
      for (Element f : c.getEnclosedElements()) {
        if (f.getKind() != ElementKind.FIELD) {
          continue;
        }
        TypeElement target = isRelation(f) ? target(f) : null;
        if (target != null) {
          work.add(target);
        }
        TypeElement embeddable = JpaColumns.embeddedType(f);
        if (embeddable != null) {
          targets(embeddable, work, seen);
        }
      }
    }
  }

  static int depth(JpaEntity e) {
    return e.parent == null ? 0 : 1 + depth(e.parent);
  }

  /** {@code @Entity(name)}, else the class name without its package ({@code Outer$Inner} for a nested one). */
  String entityName(TypeElement t) {
    String given = annotations.string(Jpa.mirror(t, "Entity"), "name");
    if (!given.isEmpty()) {
      return given;
    }
    String name = t.getSimpleName().toString();
    for (Element e = t.getEnclosingElement(); e instanceof TypeElement outer; e = outer.getEnclosingElement()) {
      name = outer.getSimpleName() + "$" + name;
    }
    return name;
  }

  static TypeElement superclass(TypeElement t) {
    TypeMirror s = t.getSuperclass();
    if (s.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement p = (TypeElement) ((DeclaredType) s).asElement();
    return p.getQualifiedName().contentEquals("java.lang.Object") ? null : p;
  }

  /** The nearest entity among the superclasses (a mapped superclass or a plain class may sit between). */
  static TypeElement entitySuperclass(TypeElement t) {
    for (TypeElement s = superclass(t); s != null; s = superclass(s)) {
      if (isEntity(s)) {
        return s;
      }
    }
    return null;
  }

  static String qualifiedName(TypeElement t) {
    return t == null ? null : t.getQualifiedName().toString();
  }

  static boolean isRelation(Element f) {
    return Jpa.has(f, "ManyToOne") || Jpa.has(f, "OneToOne") || Jpa.has(f, "OneToMany") || Jpa.has(f, "ManyToMany");
  }

  /**
   * The persistent fields of {@code type} and of the {@code @MappedSuperclass}es above it (up to
   * the next entity), superclasses first. Annotations on getters (property access) are an error:
   * jmigrate reads fields.
   */
  static List<Element> persistentFields(TypeElement type, Annotations annotations, List<Problem> problems,
      boolean embeddable) {
    List<Element> out = new ArrayList<>();
    TypeElement parent = superclass(type);
    if (parent != null && Jpa.has(parent, "MappedSuperclass")) {
      out.addAll(persistentFields(parent, annotations, problems, embeddable));
    }
    AnnotationMirror access = Jpa.mirror(type, "Access");
    if (access != null && "PROPERTY".equals(Jpa.constant(annotations, access, "value"))) {
      problems.add(Problem.error(Origin.of(type, access), "jmigrate reads fields (field access); "
          + "@Access(AccessType.PROPERTY) on " + type.getSimpleName() + " is not read. Annotate the fields"));
    }
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() == ElementKind.METHOD) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
          String jpa = Jpa.simpleNameIfJpa(m);
          // @Transient on a getter says what field access already means (Hibernate reads no getter then).
          if (jpa != null && !jpa.equals("Transient") && !jpa.startsWith("Pre") && !jpa.startsWith("Post")) {
            problems.add(Problem.error(Origin.of(e, m), "jmigrate reads annotations on fields (field access), not "
                + "on getters: @" + jpa + " on " + type.getSimpleName() + "." + e.getSimpleName() + "() is not read. "
                + "Move it to the field"));
            break;
          }
        }
      } else if (JpaColumns.persistent(e)) {
        Element hidden = out.stream().filter(f -> f.getSimpleName().equals(e.getSimpleName())).findFirst().orElse(null);
        if (hidden != null) {
          // Measured: Hibernate 7 maps the superclass's attribute of that name and nothing of this field.
          problems.add(new Problem(e, type.getSimpleName() + "." + e.getSimpleName() + " hides the mapped field "
              + hidden.getEnclosingElement().getSimpleName() + "." + hidden.getSimpleName() + ": Hibernate maps the "
              + "inherited one and not this field, and so does jmigrate. Rename this field to map it too", true, null,
              null));
          continue;
        }
        out.add(e);
      }
    }
    return out;
  }

  /** A JOINED subclass's key: the root's key columns (or {@code @PrimaryKeyJoinColumn(name)}), referencing the parent's table. */
  void joinedKey(JpaEntity e, JpaTable t) {
    JpaTable parent = tableOf(e.parent);
    List<ColumnDeclaration> parentKey = parent == null ? List.of() : parent.key();
    if (parentKey.size() != 1) {
      if (parent != null) {
        problems.add(Problem.at(e.type, "jmigrate maps JOINED inheritance under a single-column key only; "
            + e.parent.type.getSimpleName() + " has " + parentKey.size() + " key columns"));
      }
      return;
    }
    ColumnDeclaration k = parentKey.get(0);
    AnnotationMirror pkjc = Jpa.mirror(e.type, "PrimaryKeyJoinColumn");
    String given = annotations.string(pkjc, "name");
    String name = given.isEmpty() ? k.name() : physical(given);
    keyword("join column", given, name, track(Origin.of(e.type), pkjc, "name", "name").of("name"),
        "@PrimaryKeyJoinColumn(name = \"\\\"%s\\\"\")");
    ForeignKeyDeclaration fk = new ForeignKeyDeclaration(parent.className, parent.simpleName, true, k.name(),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    t.columns.add(JpaColumns.reference(name, e.type, e.type.getSimpleName().toString(), k, false, false, true, fk,
        track(Origin.of(e.type), pkjc, "name", "name"), null, false));
  }

  void discriminator(JpaEntity root, JpaTable t) {
    AnnotationMirror dc = Jpa.mirror(root.type, "DiscriminatorColumn");
    String given = annotations.string(dc, "name");
    String name = physical(given.isEmpty() ? "DTYPE" : given);
    String kind = Jpa.constant(annotations, dc, "discriminatorType");
    Origin origin = track(Origin.of(root.type), dc, "name", "name");
    keyword("discriminator column", given, name, origin.of("name"), "@DiscriminatorColumn(name = \"\\\"%s\\\"\")");
    ColumnType type = ColumnType.STRING;
    int length = dc == null ? 31 : annotations.integer(dc, "length");
    if ("INTEGER".equals(kind)) {
      type = ColumnType.INTEGER;
      length = 0;
    } else if ("CHAR".equals(kind)) {
      type = ColumnType.CHAR; // Hibernate's char(1), whatever the length
      length = 1;
    }
    // Its default is the root's discriminator value: rows that exist when a table becomes a hierarchy's (and
    // rows written without one) are the root's. Hibernate always writes the value; the default only fills.
    AnnotationMirror dv = Jpa.mirror(root.type, "DiscriminatorValue");
    String value = dv != null ? annotations.string(dv, "value") : type == ColumnType.STRING ? root.entityName : null;
    if (value != null && (type == ColumnType.STRING || type == ColumnType.CHAR) && value.length() > length) {
      value = null;
    }
    List<String> values = discriminatorValues(root, type);
    if (value != null && values != null && !values.contains(value)) {
      value = null; // an abstract root has no rows of its own: its value would break the check on the column
    }
    t.columns.add(new ColumnDeclaration(name, true, name, root.type.getSimpleName().toString(),
        new JavaType("discriminator", type, false, "discriminator", values), false, false, false,
        length, 0, 0, false, value, null, null, null, false, origin));
  }

  /**
   * The values Hibernate 7 checks the discriminator against: each concrete class of the hierarchy's, the root's
   * first, then its subclasses by entity name; null (no check) when a value is neither given nor the entity name.
   */
  List<String> discriminatorValues(JpaEntity root, ColumnType type) {
    List<JpaEntity> hierarchy = new ArrayList<>();
    hierarchy.add(root);
    entities.values().stream().filter(x -> x != root && x.root() == root)
        .sorted(java.util.Comparator.comparing((JpaEntity x) -> x.entityName)).forEach(hierarchy::add);
    List<String> values = new ArrayList<>();
    for (JpaEntity x : hierarchy) {
      if (x.type.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      AnnotationMirror dv = Jpa.mirror(x.type, "DiscriminatorValue");
      if (dv == null && type != ColumnType.STRING) {
        return null;
      }
      values.add(dv != null ? annotations.string(dv, "value") : x.entityName);
    }
    return values.isEmpty() ? null : values;
  }
}
