package io.jmigrate.processor.model;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic.Kind;

/**
 * Prints a {@link Problem} through javac, at its element and annotation value.
 *
 * <p>javac's {@code Messager} finds an annotation value only in an annotation written directly on
 * the element; one of several {@code @Index} annotations sits in an implicit container javac
 * cannot place (JDK 17 to 25), so the message would land on the class. For those, the
 * annotation's tree is found here (the k-th {@code @Index} written on the type) and the message
 * printed at its value through the compiler tree API.
 */
public final class ProblemPrinter {
  private ProblemPrinter() {}

  public static void print(ProcessingEnvironment env, Problem p) {
    Kind kind = p.note() ? Kind.NOTE : p.warning() ? Kind.WARNING : Kind.ERROR;
    if (p.element() == null) {
      env.getMessager().printMessage(kind, "jmigrate: " + p.message());
      return;
    }
    if (p.annotation() != null && !p.element().getAnnotationMirrors().contains(p.annotation())
        && printInContainer(env, kind, p)) {
      return;
    }
    env.getMessager().printMessage(kind, p.message(), p.element(), p.annotation(), p.value());
  }

  /** True when the repeated annotation's value was found and the message printed at it. */
  private static boolean printInContainer(ProcessingEnvironment env, Kind kind, Problem p) {
    try {
      Trees trees = Trees.instance(env);
      TreePath path = trees.getPath(p.element());
      // A repeated annotation on a type (@Index) or on a field (@DefaultSql).
      ModifiersTree modifiers = path == null ? null
          : path.getLeaf() instanceof ClassTree type ? type.getModifiers()
          : path.getLeaf() instanceof VariableTree field ? field.getModifiers() : null;
      if (modifiers == null) {
        return false;
      }
      AnnotationTree annotation = nthWritten(trees, path, modifiers, p.element(), p.annotation());
      if (annotation == null) {
        return false;
      }
      Tree at = valueTree(annotation, p.annotation(), p.value());
      trees.printMessage(kind, p.message(), at != null ? at : annotation, path.getCompilationUnit());
      return true;
    } catch (IllegalArgumentException | NoClassDefFoundError e) {
      return false; // not javac
    }
  }

  /** The source tree of {@code repeated}: the k-th annotation of its type written on the element. */
  private static AnnotationTree nthWritten(Trees trees, TreePath path, ModifiersTree modifiers, Element element,
      AnnotationMirror repeated) {
    int k = -1;
    for (AnnotationMirror container : element.getAnnotationMirrors()) {
      for (AnnotationValue v : container.getElementValues().values()) {
        if (v.getValue() instanceof List<?> items) {
          for (int i = 0; i < items.size(); i++) {
            if (((AnnotationValue) items.get(i)).getValue() == repeated) {
              k = i;
            }
          }
        }
      }
    }
    if (k < 0) {
      return null;
    }
    Element wanted = repeated.getAnnotationType().asElement();
    int seen = 0;
    for (AnnotationTree a : modifiers.getAnnotations()) {
      if (wanted.equals(trees.getElement(new TreePath(path, a.getAnnotationType()))) && seen++ == k) {
        return a;
      }
    }
    return null;
  }

  /** The expression in {@code tree} that wrote {@code value} (an array's element when it is one). */
  private static Tree valueTree(AnnotationTree tree, AnnotationMirror annotation, AnnotationValue value) {
    if (value == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : annotation.getElementValues().entrySet()) {
      int item = -1;
      if (e.getValue() != value) {
        if (!(e.getValue().getValue() instanceof List<?> items) || !items.contains(value)) {
          continue;
        }
        item = items.indexOf(value);
      }
      String member = e.getKey().getSimpleName().toString();
      for (ExpressionTree argument : tree.getArguments()) {
        ExpressionTree expression = argument;
        String name = "value";
        if (argument instanceof AssignmentTree assignment && assignment.getVariable() instanceof IdentifierTree id) {
          name = id.getName().toString();
          expression = assignment.getExpression();
        }
        if (name.equals(member)) {
          return item >= 0 && expression instanceof NewArrayTree array && item < array.getInitializers().size()
              ? array.getInitializers().get(item) : expression;
        }
      }
    }
    return null;
  }
}
