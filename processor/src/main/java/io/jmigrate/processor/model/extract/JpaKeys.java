package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.Annotations.explicit;
import static io.jmigrate.processor.model.extract.JpaHierarchy.superclass;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.schema.ColumnType;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** Keys: the fields an {@code @IdClass} makes key columns, and a key's {@code @GeneratedValue}. */
final class JpaKeys extends JpaPart {
  JpaKeys(JpaPart shared) {
    super(shared);
  }

  /** The {@code @IdClass} of {@code type} or of a mapped superclass above it; null without one. */
  static AnnotationMirror idClassAnnotation(TypeElement type) {
    for (TypeElement c = type; c != null; c = superclass(c)) {
      AnnotationMirror m = Jpa.mirror(c, "IdClass");
      if (m != null || (c != type && !Jpa.has(c, "MappedSuperclass"))) {
        return m;
      }
    }
    return null;
  }

  /**
   * The names of the {@code @IdClass}'s fields: Hibernate makes the entity's field of each name a key
   * column, whether or not it is marked {@code @Id} there (a time series' {@code ts}, say), so that the key
   * is the key class's, all NOT NULL.
   */
  Set<String> idClassFields(TypeElement type) {
    AnnotationMirror m = idClassAnnotation(type);
    TypeElement key = m == null ? null : annotations.type(m, "value");
    Set<String> out = new java.util.LinkedHashSet<>();
    for (TypeElement c = key; c != null; c = superclass(c)) {
      for (Element f : c.getEnclosedElements()) {
        if (JpaColumns.persistent(f)) {
          out.add(f.getSimpleName().toString());
        }
      }
    }
    return out;
  }

  /** The key column with {@code @GeneratedValue} applied: IDENTITY is an identity column; sequences and generator tables: {@link JpaGenerators}. */
  ColumnDeclaration generated(Element f, ColumnDeclaration c, JpaEntity entity) {
    AnnotationMirror g = Jpa.mirror(f, "GeneratedValue");
    if (g == null) {
      return c;
    }
    String strategy = Jpa.constant(annotations, g, "strategy");
    strategy = strategy == null ? "AUTO" : strategy;
    Origin at = Origin.of(f, g).with("s", g, explicit(g, "strategy")).of("s");
    if (strategy.equals("IDENTITY")) {
      if (strategy(entity).equals("TABLE_PER_CLASS") && hasSubclasses(entity.root())) {
        problems.add(Problem.error(at, "Hibernate refuses IDENTITY keys in a TABLE_PER_CLASS hierarchy (the key "
            + "must be unique across its tables); use another inheritance strategy"));
        return c;
      }
      return new ColumnDeclaration(c.name(), c.nameGiven(), c.field(), c.declaringClass(), c.javaType(), c.id(), true,
          c.nullable(), c.length(), c.precision(), c.scale(), c.unique(), null, null, c.renamedFrom(), c.foreignKey(),
          c.narrow(), c.origin().with("generated", g, explicit(g, "strategy"))).withComment(c.comment()).withCollation(c.collation());
    }
    if (strategy.equals("UUID") || (strategy.equals("AUTO") && c.javaType().columnType() == ColumnType.UUID)) {
      return c; // Hibernate generates the UUID itself
    }
    if (!generators.generated(f, g, strategy, c, entity.root().type, entity.root().entityName)) {
      problems.add(Problem.error(at, "jmigrate does not map @GeneratedValue(strategy = " + strategy + ") on "
          + c.field() + "; use IDENTITY, SEQUENCE, TABLE or AUTO"));
    }
    return c;
  }
}
