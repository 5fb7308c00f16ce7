package io.jmigrate.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmigrate:check}: fails when the models differ from the committed snapshot, listing the
 * changes a build would turn into a migration, and writes nothing. Unlike
 * {@code -Djmigrate.check=true} on a build, it does not depend on javac running: Maven skips javac
 * when no source is newer than its class ("Nothing to compile"), and then nothing is checked. So
 * this goal runs javac itself, with the jmigrate processor only ({@code -proc:only}), over the
 * project's main sources, into a temporary directory.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class CheckMojo extends ProcessorMojo {
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("jmigrate: skipped (jmigrate.skip)");
      return;
    }
    ModelCheck.Result result = runProcessor(List.of(ModelCheck.CHECK));
    result.warnings().forEach(w -> getLog().warn(w));
    if (!result.passed()) {
      List<String> lines = new ArrayList<>(result.errors());
      boolean pending = lines.stream().anyMatch(l -> l.contains("the models differ from the snapshot"));
      lines.add(pending ? "jmigrate:check wrote nothing. Build the project (mvn compile) to generate the migration and "
          + "the snapshot, review them, and commit both." : "jmigrate:check wrote nothing.");
      throw new MojoFailureException(String.join(System.lineSeparator(), lines));
    }
    getLog().info("jmigrate: the models match the snapshot (" + result.sources() + " source files checked; nothing written)");
  }
}
