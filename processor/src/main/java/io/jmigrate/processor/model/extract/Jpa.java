package io.jmigrate.processor.model.extract;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * JPA's annotations, read by name in both namespaces ({@code jakarta.persistence} and the older
 * {@code javax.persistence}): the processor never loads a JPA class, so it works with whichever
 * API the project compiles against.
 */
final class Jpa {
  static final String[] PACKAGES = {"jakarta.persistence.", "javax.persistence."};
  static final String HIBERNATE = "org.hibernate.annotations.";

  private Jpa() {}

  /** The annotation {@code simpleName} of either JPA package on {@code e}, or null. */
  static AnnotationMirror mirror(Element e, String simpleName) {
    for (String p : PACKAGES) {
      AnnotationMirror m = Annotations.mirror(e, p + simpleName);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  static boolean has(Element e, String simpleName) {
    return mirror(e, simpleName) != null;
  }

  /** A repeatable JPA annotation's occurrences ({@code AttributeOverride} / {@code AttributeOverrides}). */
  static List<AnnotationMirror> repeated(Annotations annotations, Element e, String single, String container) {
    List<AnnotationMirror> out = new ArrayList<>();
    AnnotationMirror one = mirror(e, single);
    if (one != null) {
      out.add(one);
    }
    AnnotationMirror many = mirror(e, container);
    if (many != null) {
      out.addAll(mirrors(annotations, many, "value"));
    }
    return out;
  }

  /** An annotation-array member's annotations ({@code @Table(indexes = {...})}). */
  static List<AnnotationMirror> mirrors(Annotations annotations, AnnotationMirror m, String member) {
    List<AnnotationMirror> out = new ArrayList<>();
    Object v = annotations.value(m, member);
    if (v instanceof List<?> items) {
      for (Object o : items) {
        out.add((AnnotationMirror) ((AnnotationValue) o).getValue());
      }
    } else if (v instanceof AnnotationMirror one) {
      out.add(one);
    }
    return out;
  }

  /** A nested annotation member ({@code @AttributeOverride(column = @Column(...))}). */
  static AnnotationMirror nested(Annotations annotations, AnnotationMirror m, String member) {
    Object v = annotations.value(m, member);
    return v instanceof AnnotationMirror a ? a : null;
  }

  /** An enum member's constant name ({@code "IDENTITY"}), or null when absent. */
  static String constant(Annotations annotations, AnnotationMirror m, String member) {
    Object v = annotations.value(m, member);
    return v instanceof VariableElement c ? c.getSimpleName().toString() : null;
  }

  /** Whether {@code m} is an annotation of a JPA package (or of Hibernate's, with {@code hibernate}). */
  static String simpleNameIfJpa(AnnotationMirror m) {
    String name = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
    for (String p : PACKAGES) {
      if (name.startsWith(p)) {
        return name.substring(p.length());
      }
    }
    return null;
  }

  static String qualifiedName(AnnotationMirror m) {
    return ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
  }
}
