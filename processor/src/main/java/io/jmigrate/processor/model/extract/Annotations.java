package io.jmigrate.processor.model.extract;

import io.jmigrate.ForeignKey;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.processor.model.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/**
 * Annotation values read through mirrors (a {@code Class} value cannot be read reflectively in a
 * processor), as plain Java values, and the origins that point back at them.
 */
final class Annotations {
  /** Annotation members' default values, looked up once per build (they are asked for on every field). */
  private final Map<String, Object> defaults = new HashMap<>();
  private static final Object NO_DEFAULT = new Object();

  static AnnotationMirror mirror(Element e, String annotation) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (name(m).equals(annotation)) {
        return m;
      }
    }
    return null;
  }

  /**
   * Annotation types' qualified names by their javac {@code Name}: javac's {@code contentEquals}
   * decodes the name into a new String at every call, and this lookup runs for every annotation
   * on every field, many times (it was the largest single cost of a no-change build of a large JPA
   * model). Weak keys: a name table lives as long as its compilation.
   */
  private static final Map<javax.lang.model.element.Name, String> NAMES =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** The qualified name of {@code m}'s annotation type. */
  static String name(AnnotationMirror m) {
    javax.lang.model.element.Name n = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName();
    String s = NAMES.get(n);
    if (s == null) {
      s = n.toString();
      NAMES.put(n, s);
    }
    return s;
  }

  /** A repeatable annotation's occurrences, whether written once or several times (in its container). */
  List<AnnotationMirror> repeated(Element e, String single, String container) {
    List<AnnotationMirror> out = new ArrayList<>();
    AnnotationMirror one = mirror(e, single);
    if (one != null) {
      out.add(one);
    }
    AnnotationMirror many = mirror(e, container);
    if (many != null) {
      for (Object v : (List<?>) value(many, "value")) {
        out.add((AnnotationMirror) ((AnnotationValue) v).getValue());
      }
    }
    return out;
  }

  /** The value the source wrote for {@code member}; null when it relies on the default. */
  static AnnotationValue explicit(AnnotationMirror m, String member) {
    if (m == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : m.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * {@code origin}, knowing where {@code member} of {@code m} sets {@code property} (and, for an
   * array, where each of its elements does): unchanged when the source did not write it.
   */
  static Origin track(Origin origin, AnnotationMirror m, String member, String property) {
    AnnotationValue v = explicit(m, member);
    if (v == null) {
      return origin;
    }
    Origin out = origin.with(property, m, v);
    if (v.getValue() instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        out = out.with(property + "[" + i + "]", m, (AnnotationValue) items.get(i));
      }
    }
    return out;
  }

  Object value(AnnotationMirror m, String name) {
    if (m == null) {
      return null;
    }
    AnnotationValue v = explicit(m, name);
    if (v != null) {
      return v.getValue();
    }
    String key = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName() + "#" + name;
    Object d = defaults.computeIfAbsent(key, k -> {
      for (Element member : m.getAnnotationType().asElement().getEnclosedElements()) {
        if (member instanceof ExecutableElement x && x.getSimpleName().contentEquals(name) && x.getDefaultValue() != null) {
          return x.getDefaultValue().getValue();
        }
      }
      return NO_DEFAULT;
    });
    return d == NO_DEFAULT ? null : d;
  }

  String string(AnnotationMirror m, String name) {
    Object v = value(m, name);
    return v == null ? "" : v.toString();
  }

  /** The written value, or null when the source did not write it. */
  static String explicitString(AnnotationMirror m, String name) {
    AnnotationValue v = explicit(m, name);
    return v == null ? null : v.getValue().toString();
  }

  boolean bool(AnnotationMirror m, String name) {
    Object v = value(m, name);
    return v != null && (Boolean) v;
  }

  int integer(AnnotationMirror m, String name) {
    Object v = value(m, name);
    return v == null ? 0 : (Integer) v;
  }

  /** An integral member ({@code long} or {@code int}); 0 when it has no value. */
  long number(AnnotationMirror m, String name) {
    Object v = value(m, name);
    return v instanceof Number n ? n.longValue() : 0;
  }

  List<String> strings(AnnotationMirror m, String name) {
    Object v = value(m, name);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        out.add(((AnnotationValue) o).getValue().toString());
      }
    } else if (v != null) {
      out.add(v.toString());
    }
    return out;
  }

  ReferentialAction action(AnnotationMirror m, String name) {
    Object v = value(m, name);
    // the annotation's constant, translated where the annotation's enum says (ForeignKey.Action#referential)
    return v instanceof VariableElement constant
        ? ForeignKey.Action.valueOf(constant.getSimpleName().toString()).referential() : ReferentialAction.NO_ACTION;
  }

  /** A {@code Class} member's type, or null when the value is not a type (e.g. it does not compile). */
  TypeElement type(AnnotationMirror m, String name) {
    Object v = value(m, name);
    if (v instanceof DeclaredType t && t.asElement() instanceof TypeElement e) {
      return e;
    }
    return null;
  }
}
