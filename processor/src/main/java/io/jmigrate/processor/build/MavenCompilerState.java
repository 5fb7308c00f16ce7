package io.jmigrate.processor.build;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.FileObject;

/**
 * Makes Maven's next build compile after this one wrote a migration, so that deleting it and
 * building (Django's "delete it and run makemigrations again") regenerates it.
 *
 * <p>maven-compiler-plugin (3.13.0 measured) skips javac unless a dependency changed, the list of
 * source files differs from the one it recorded, or a source in a source root is newer than its
 * class. The recorded list is the one from before this compilation, without the migration the
 * processor adds meanwhile; so deleting that file right after the build that wrote it brings the
 * source tree back to the recorded list, and the next build said "Nothing to compile" and shipped
 * the deleted migration's class. But the migration's copy written through the Filer
 * ({@code target/generated-sources/annotations}) is in a source root too and survives the
 * deletion: once javac has written the class, the class is dated just before that copy, so the
 * copy is "changed source code" for the next build. That build would compile anyway (its list of
 * sources differs); it clears the Filer's folder first, so later builds are quiet again.
 */
public final class MavenCompilerState {
  private MavenCompilerState() {}

  /**
   * Dates the migration's class file before {@code filerCopy} once javac has written it; nothing
   * outside javac or when the files are not on the file system.
   */
  public static void compileAgainNextTime(ProcessingEnvironment env, FileObject filerCopy, String pkg, String className) {
    URI uri = filerCopy.toUri();
    Path classOutput = SourceLayout.classOutput(env);
    if (!"file".equals(uri.getScheme()) || classOutput == null) {
      return;
    }
    Path source = Path.of(uri);
    Path classFile = (pkg.isEmpty() ? classOutput : classOutput.resolve(pkg.replace('.', '/'))).resolve(className + ".class");
    JavacTask task;
    try {
      task = JavacTask.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return; // another compiler: its build tool decides alone
    }
    task.addTaskListener(new TaskListener() {
      @Override
      public void finished(TaskEvent e) {
        if (e.getKind() != TaskEvent.Kind.COMPILATION) {
          return;
        }
        try {
          if (Files.exists(source) && Files.exists(classFile)) {
            long copy = Files.getLastModifiedTime(source).toMillis();
            Files.setLastModifiedTime(classFile, FileTime.fromMillis(copy - 2_000));
          }
        } catch (IOException | RuntimeException ignored) {
          // Only the next build's shortcut is at stake: "mvn clean compile" still does the right thing.
        }
      }
    });
  }
}
