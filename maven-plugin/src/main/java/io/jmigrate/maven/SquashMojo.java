package io.jmigrate.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmigrate:squash -Djmigrate.squash=N}: folds migrations 1 to N into one
 * {@code VNNNN_Squashed}, exactly as a build with {@code -Ajmigrate.squash=N} does, without editing
 * the pom and whether or not javac would run: the processor runs here, as for {@code check}, and
 * writes the squashed migration and the snapshot into the source tree and deletes the replaced
 * files. The next build compiles the result (its source files changed).
 */
@Mojo(name = "squash", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class SquashMojo extends ProcessorMojo {
  /** The version to squash through: the latest migration's. */
  @Parameter(property = "jmigrate.squash")
  Integer squash;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("jmigrate: skipped (jmigrate.skip)");
      return;
    }
    if (squash == null || squash < 1) {
      throw new MojoFailureException("jmigrate: squash needs the version to squash through, the latest migration's: "
          + "-Djmigrate.squash=N (or <squash> in the plugin's configuration)");
    }
    ModelCheck.Result result = runProcessor(List.of("-Ajmigrate.squash=" + squash));
    result.warnings().forEach(w -> getLog().warn(w));
    if (!result.passed()) {
      List<String> lines = new ArrayList<>(result.errors());
      throw new MojoFailureException(String.join(System.lineSeparator(), lines));
    }
    result.notes().forEach(n -> getLog().info(n));
    getLog().info("jmigrate: review and commit the squashed migration and the snapshot; the next build (mvn compile) "
        + "compiles them");
  }
}
