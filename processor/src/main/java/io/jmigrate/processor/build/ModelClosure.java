package io.jmigrate.processor.build;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The user types outside the compiled sources that the models reach: through a superclass or
 * interface, a field's or property's type (and its type arguments), an annotation's type, a class
 * or enum constant in an annotation, or a constant an annotation's value names ({@code length =
 * Limits.NAME}, read from javac's attributed annotation trees). Followed through every type of the
 * sources it reaches. Types of the JDK and of the APIs whose annotations the models carry
 * ({@code java}, {@code javax}, {@code jakarta}, {@code kotlin}, jmigrate's, Hibernate's) do not count.
 * {@link BuildState} records a state only when there is none: such a type can change while every
 * source stays the same.
 */
public final class ModelClosure {
  private static final List<String> API_PACKAGES = List.of("java.", "javax.", "jakarta.", "kotlin.", "io.jmigrate.",
      "org.hibernate.");

  private final ProcessingEnvironment env;
  private final Set<Element> roots;
  private final Trees trees;
  private final Set<String> external = new TreeSet<>();
  private final Set<TypeElement> seen = new HashSet<>();
  private final Deque<TypeElement> queue = new ArrayDeque<>();

  private ModelClosure(ProcessingEnvironment env, Collection<? extends Element> roots, Trees trees) {
    this.env = env;
    this.roots = new HashSet<>(roots);
    this.trees = trees;
  }

  /**
   * The qualified names of the user types outside the sources the models and converters reach, sorted;
   * null when that cannot be told (not javac).
   */
  public static Set<String> external(ProcessingEnvironment env, Collection<? extends Element> roots,
      Collection<? extends TypeElement> models) {
    Trees trees;
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
    ModelClosure c = new ModelClosure(env, roots, trees);
    models.forEach(c::reach);
    try {
      while (!c.queue.isEmpty()) {
        c.walk(c.queue.poll());
      }
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
    return c.external;
  }

  private void walk(TypeElement t) {
    annotations(t);
    type(t.getSuperclass());
    t.getInterfaces().forEach(this::type);
    for (Element member : t.getEnclosedElements()) {
      switch (member.getKind()) {
        case FIELD, ENUM_CONSTANT, RECORD_COMPONENT -> {
          annotations(member);
          type(member.asType());
        }
        case METHOD, CONSTRUCTOR -> {
          annotations(member);
          ExecutableElement m = (ExecutableElement) member;
          type(m.getReturnType());
          for (VariableElement p : m.getParameters()) {
            annotations(p);
            type(p.asType());
          }
        }
        default -> {
          if (member instanceof TypeElement nested) {
            reach(nested);
          }
        }
      }
    }
  }

  private void annotations(Element e) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      reach(a.getAnnotationType().asElement());
      for (AnnotationValue v : a.getElementValues().values()) {
        value(v);
      }
      constants(e, a);
    }
  }

  private void value(AnnotationValue v) {
    Object o = v.getValue();
    if (o instanceof TypeMirror t) {
      type(t);
    } else if (o instanceof VariableElement constant) {
      reach(constant.getEnclosingElement());
    } else if (o instanceof AnnotationMirror nested) {
      reach(nested.getAnnotationType().asElement());
      nested.getElementValues().values().forEach(this::value);
    } else if (o instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof AnnotationValue each) {
          value(each);
        }
      }
    }
  }

  /**
   * The constants an annotation's values name: folded into the value, seen only in javac's tree. Only
   * annotation trees are scanned: javac has attributed them before any processor runs, so every name in them
   * already has its element (asking for the element of a name javac has not attributed would attribute its class).
   */
  private void constants(Element e, AnnotationMirror a) {
    if (a.getElementValues().isEmpty()) {
      return;
    }
    TreePath path = trees.getPath(e, a);
    if (path == null) {
      path = recordComponent(e); // an annotation javac copied from a record's component to its field, accessor or parameter
    }
    if (path == null) {
      external.add("(an annotation without source on " + e + ")");
      return;
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        name();
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        name();
        return super.visitMemberSelect(node, unused);
      }

      private void name() {
        Element named = trees.getElement(getCurrentPath());
        if (named == null) {
          return; // an annotation attribute's own name (length = …), or a package part of a qualified name
        }
        if (named instanceof VariableElement field) {
          reach(field.getEnclosingElement());
        } else if (named instanceof TypeElement type) {
          reach(type);
        }
      }
    }.scan(path, null);
  }

  /** The declaration in a record's header that an implicit member or parameter of the record comes from, or null. */
  private TreePath recordComponent(Element e) {
    Element member = e.getKind() == ElementKind.PARAMETER ? e.getEnclosingElement() : e;
    if (member == null || !(member.getEnclosingElement() instanceof TypeElement record)
        || record.getKind() != ElementKind.RECORD) {
      return null;
    }
    TreePath type = trees.getPath(record);
    if (type == null || !(type.getLeaf() instanceof ClassTree tree)) {
      return null;
    }
    for (Tree m : tree.getMembers()) {
      if (m instanceof VariableTree v && v.getName().contentEquals(e.getSimpleName())) {
        return new TreePath(new TreePath(type, v), v.getModifiers()); // its annotations only
      }
    }
    return null;
  }

  private void type(TypeMirror t) {
    if (t == null) {
      return;
    }
    if (t.getKind() == TypeKind.ARRAY) {
      type(((ArrayType) t).getComponentType());
    } else if (t.getKind() == TypeKind.DECLARED) {
      DeclaredType d = (DeclaredType) t;
      reach(d.asElement());
      d.getTypeArguments().forEach(this::type);
    }
  }

  private void reach(Element e) {
    if (!(e instanceof TypeElement t) || seen.contains(t)) {
      return;
    }
    seen.add(t);
    String name = t.getQualifiedName().toString();
    for (String api : API_PACKAGES) {
      if (name.startsWith(api)) {
        return;
      }
    }
    Element top = t;
    while (top.getEnclosingElement() != null && !(top.getEnclosingElement() instanceof PackageElement)) {
      top = top.getEnclosingElement();
    }
    if (roots.contains(top)) {
      queue.add(t);
    } else if (top.getKind() != ElementKind.OTHER) {
      external.add(name);
    }
  }
}
