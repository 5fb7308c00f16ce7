package io.jmigrate.processor.build;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jmigrate.processor.snapshot.Snapshot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Where this build's files are: the source root migrations are written into, the snapshot, the
 * class output, and whether this compilation is of test sources (which jmigrate leaves alone).
 */
public final class SourceLayout {
  private static final Set<String> MODEL_PACKAGES = Set.of("model", "models", "entity", "entities", "domain");

  private final ProcessingEnvironment env;
  private final Options options;
  private final Path sourceDir;
  private final Path snapshot;
  private final boolean kapt;

  private SourceLayout(ProcessingEnvironment env, Options options, Path sourceDir, boolean kapt) {
    this.env = env;
    this.options = options;
    this.sourceDir = sourceDir;
    this.kapt = kapt;
    this.snapshot = options.snapshot() != null ? options.snapshot() : Options.defaultSnapshot(sourceDir);
  }

  /**
   * The layout of this compilation, or null when it has nothing of ours (no models and no
   * source root given).
   */
  public static SourceLayout of(ProcessingEnvironment env, Options options, List<TypeElement> models)
      throws BuildFailure {
    Path sourceDir = options.sourceDir() != null ? options.sourceDir() : sourceRootOf(env, models);
    if (sourceDir == null) {
      if (!models.isEmpty()) {
        throw new BuildFailure("cannot tell where the source tree is (the sources are not files); "
            + "pass -A" + Options.SOURCE_DIR + "=<your source root, e.g. src/main/java>");
      }
      return null;
    }
    boolean kapt = models.stream().map(m -> stubRoot(env, m)).anyMatch(r -> r != null && javaRootOfKaptStubs(r) != r);
    return new SourceLayout(env, options, sourceDir, kapt);
  }

  /**
   * Whether the models are kapt's stubs of Kotlin classes: javac compiles the written migrations later, from the
   * Java source root, so they must not also go through this compilation's Filer (javac would see them twice).
   */
  public boolean kapt() {
    return kapt;
  }

  public Path sourceDir() {
    return sourceDir;
  }

  public Path snapshot() {
    return snapshot;
  }

  /**
   * Why this is a compilation of test sources, or null when it is not. Test compilation must never
   * read or write the application's migrations, snapshot or index: a second index on the test
   * class path breaks {@code Runtime.migrate} in every test. Told by the build tools' conventions:
   * the class output ({@code target/test-classes}, Gradle's {@code build/classes/java/test} or
   * {@code …/integrationTest}) or the compiled sources lying under {@code src/test/} (or
   * {@code src/integrationTest/}, any source set named {@code test} or {@code …Test}).
   */
  public static String testCompilation(ProcessingEnvironment env, Collection<? extends Element> roots) {
    Path out = classOutput(env);
    if (out != null && out.getFileName() != null) {
      String name = out.getFileName().toString();
      Path lang = out.getParent();
      boolean gradle = lang != null && lang.getParent() != null && lang.getParent().getFileName() != null
          && lang.getParent().getFileName().toString().equals("classes");
      if (name.equals("test-classes") || (gradle && isTestSet(name))) {
        return "the class output is " + out;
      }
    }
    for (Element e : roots) {
      if (e instanceof TypeElement t) {
        Path root = sourceRoot(env, t);
        if (root != null) {
          // The source root's own place decides (src/<set>/<language>), not a folder above it or a package name.
          Path set = root.getParent();
          boolean under = set != null && set.getFileName() != null && set.getParent() != null
              && set.getParent().getFileName() != null && set.getParent().getFileName().toString().equals("src");
          return under && isTestSet(set.getFileName().toString()) ? "the sources are under " + set : null;
        }
      }
    }
    return null;
  }

  private static boolean isTestSet(String name) {
    return name.equals("test") || name.endsWith("Test");
  }

  /** The directory class files go to, or null when the compiler does not say. */
  public static Path classOutput(ProcessingEnvironment env) {
    try {
      // Looking up a resource does not create it; its path tells where the output is.
      FileObject probe = env.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", "jmigrate.probe");
      URI uri = probe.toUri();
      return "file".equals(uri.getScheme()) ? Path.of(uri).getParent() : null;
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return null;
    }
  }

  /**
   * The migrations' package: the option, else the latest migration's package, else the models'
   * common package with a trailing {@code .model}/{@code .entity}/… replaced by {@code .migrations}.
   */
  public String migrationsPackage(Snapshot snapshot, Collection<TypeElement> models) {
    if (options.packageName() != null) {
      return options.packageName();
    }
    if (snapshot.latestClass() != null && snapshot.latestClass().contains(".")) {
      return snapshot.latestClass().substring(0, snapshot.latestClass().lastIndexOf('.'));
    }
    List<String> packages = models.stream()
        .map(t -> env.getElementUtils().getPackageOf(t).getQualifiedName().toString())
        .toList();
    String common = packages.isEmpty() ? "" : packages.get(0);
    for (String p : packages) {
      while (!(p.equals(common) || p.startsWith(common + ".")) && !common.isEmpty()) {
        common = common.contains(".") ? common.substring(0, common.lastIndexOf('.')) : "";
      }
    }
    String last = common.contains(".") ? common.substring(common.lastIndexOf('.') + 1) : common;
    if (MODEL_PACKAGES.contains(last)) {
      common = common.contains(".") ? common.substring(0, common.lastIndexOf('.')) : "";
    }
    return common.isEmpty() ? "migrations" : common + ".migrations";
  }

  public Path packageDir(String pkg) {
    return pkg.isEmpty() ? sourceDir : sourceDir.resolve(pkg.replace('.', '/'));
  }

  /** The source root of the first model whose source is a file. */
  private static Path sourceRootOf(ProcessingEnvironment env, List<TypeElement> models) {
    for (TypeElement model : models) {
      Path root = sourceRoot(env, model);
      if (root != null) {
        return root;
      }
    }
    return null;
  }

  /** The source root of a type in this compilation: its file's folder less its package's folders; null when not a file. */
  private static Path sourceRoot(ProcessingEnvironment env, TypeElement type) {
    Path dir = stubRoot(env, type);
    return dir == null ? null : javaRootOfKaptStubs(dir);
  }

  /** The source root of a type's file as javac sees it (kapt's stub folder for a Kotlin class); null when not a file. */
  private static Path stubRoot(ProcessingEnvironment env, TypeElement type) {
    Path file = sourceFile(env, type);
    if (file == null) {
      return null;
    }
    Path dir = file.getParent();
    PackageElement pkg = env.getElementUtils().getPackageOf(type);
    int depth = pkg.isUnnamed() ? 0 : pkg.getQualifiedName().toString().split("\\.").length;
    for (int i = 0; i < depth && dir != null; i++) {
      dir = dir.getParent();
    }
    return dir;
  }

  /**
   * kapt (Kotlin) runs processors over Java stubs of the Kotlin classes that it writes under the build
   * directory; the migrations belong in the project's Java source root, which javac compiles after kotlinc.
   * Maven: {@code <project>/target/kaptStubs/compile} (or {@code test-compile}) → {@code src/main/java} (or
   * {@code src/test/java}); Gradle: {@code <project>/build/tmp/kapt3/stubs/<set>} → {@code src/<set>/java}.
   * Any other root is returned as it is.
   */
  static Path javaRootOfKaptStubs(Path root) {
    Path set = root.getFileName();
    Path parent = root.getParent();
    if (set == null || parent == null || parent.getFileName() == null) {
      return root;
    }
    if (parent.getFileName().toString().equals("kaptStubs") && parent.getParent() != null
        && parent.getParent().getParent() != null) {
      String name = set.toString();
      boolean test = name.equals("test-compile") || name.equals("testCompile") || name.equals("test");
      return parent.getParent().getParent().resolve("src").resolve(test ? "test" : "main").resolve("java");
    }
    Path kapt3 = parent.getParent();
    if (parent.getFileName().toString().equals("stubs") && kapt3 != null && kapt3.getFileName() != null
        && kapt3.getFileName().toString().equals("kapt3") && kapt3.getParent() != null
        && kapt3.getParent().getParent() != null && kapt3.getParent().getParent().getParent() != null) {
      return kapt3.getParent().getParent().getParent().resolve("src").resolve(set.toString()).resolve("java");
    }
    return root;
  }

  /** The source file of a type in this compilation, or null (a class file, not a file, or not javac). */
  static Path sourceFile(ProcessingEnvironment env, TypeElement type) {
    try {
      TreePath path = Trees.instance(env).getPath(type);
      if (path == null) {
        return null;
      }
      URI uri = path.getCompilationUnit().getSourceFile().toUri();
      return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
    } catch (IllegalArgumentException | NoClassDefFoundError e) {
      return null;
    }
  }
}
