package io.jmigrate.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn jmigrate:migrate-to -Djmigrate.target=N}: moves the database forward or back to version N (0 reverts all). */
@Mojo(name = "migrate-to", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class MigrateToMojo extends DatabaseMojo {
  /** The version to move to. */
  @Parameter(property = "jmigrate.target")
  Integer target;

  @Override
  List<String> command() throws MojoFailureException {
    if (target == null) {
      throw new MojoFailureException("jmigrate: migrate-to needs the version to move to: -Djmigrate.target=N "
          + "(or <target> in the plugin's configuration); 0 reverts every migration");
    }
    return List.of("migrate-to", String.valueOf(target));
  }
}
