package io.jmigrate.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn jmigrate:migrate}: applies every pending migration, in order. */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class MigrateMojo extends DatabaseMojo {
  @Override
  List<String> command() {
    return List.of("migrate");
  }
}
