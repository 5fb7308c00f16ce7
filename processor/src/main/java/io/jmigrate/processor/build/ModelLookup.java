package io.jmigrate.processor.build;

import com.sun.source.util.Trees;
import io.jmigrate.processor.model.extract.JpaExtractor;
import io.jmigrate.processor.snapshot.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A partial compilation (an IDE recompiling the files you touched) sees only some models: the
 * others are looked up by the class names the snapshot records, and count as still there if
 * their source file is, so that a model left out of the compilation is not taken as deleted.
 */
public final class ModelLookup {
  private ModelLookup() {}

  /** The round's models, plus models the snapshot names that this compilation did not include. */
  public static List<TypeElement> complete(ProcessingEnvironment env, List<TypeElement> roundModels, Snapshot snapshot,
      Path sourceDir) {
    Map<String, TypeElement> all = new TreeMap<>();
    roundModels.forEach(t -> all.put(t.getQualifiedName().toString(), t));
    for (String className : snapshot.tableClasses().values()) {
      if (all.containsKey(className)) {
        continue;
      }
      TypeElement t = env.getElementUtils().getTypeElement(className);
      if (t == null || (t.getAnnotation(io.jmigrate.Table.class) == null && !JpaExtractor.isEntity(t))) {
        continue; // deleted, or no longer a model
      }
      if (isInThisCompilation(env, t) || sourceFileExists(env, t, sourceDir)) {
        all.put(className, t); // still there, only not recompiled this time
      }
      // Otherwise only a stale class file remains: the source was deleted.
    }
    // A single-table subclass has no table of its own, so the snapshot does not name it: look for the
    // entities of the same packages that extend one of these (their source still there). Nor does it name
    // the second entity of a table two entities share: look for those of the same @Table(name) too.
    java.util.Set<String> tableNames = new java.util.HashSet<>();
    all.values().stream().map(JpaExtractor::givenTableName).filter(n -> !n.isEmpty()).forEach(tableNames::add);
    for (TypeElement t : List.copyOf(all.values())) {
      if (!JpaExtractor.isEntity(t)) {
        continue;
      }
      for (Element e : env.getElementUtils().getPackageOf(t).getEnclosedElements()) {
        if (e instanceof TypeElement sub && !all.containsKey(sub.getQualifiedName().toString())
            && JpaExtractor.isEntity(sub)
            && (extendsAny(env, sub, all.keySet()) || tableNames.contains(JpaExtractor.givenTableName(sub)))
            && (isInThisCompilation(env, sub) || sourceFileExists(env, sub, sourceDir))) {
          all.put(sub.getQualifiedName().toString(), sub);
        }
      }
    }
    return new ArrayList<>(all.values());
  }

  private static boolean extendsAny(ProcessingEnvironment env, TypeElement t, java.util.Set<String> names) {
    for (TypeMirror s = t.getSuperclass(); s.getKind() == TypeKind.DECLARED;
        s = ((TypeElement) ((DeclaredType) s).asElement()).getSuperclass()) {
      if (names.contains(((TypeElement) ((DeclaredType) s).asElement()).getQualifiedName().toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInThisCompilation(ProcessingEnvironment env, TypeElement t) {
    try {
      return Trees.instance(env).getPath(t) != null;
    } catch (IllegalArgumentException | NoClassDefFoundError e) {
      return false;
    }
  }

  private static boolean sourceFileExists(ProcessingEnvironment env, TypeElement t, Path sourceDir) {
    TypeElement top = t;
    while (top.getEnclosingElement() instanceof TypeElement outer) {
      top = outer;
    }
    String pkg = env.getElementUtils().getPackageOf(top).getQualifiedName().toString();
    Path dir = pkg.isEmpty() ? sourceDir : sourceDir.resolve(pkg.replace('.', '/'));
    return Files.exists(dir.resolve(top.getSimpleName() + ".java"));
  }
}
