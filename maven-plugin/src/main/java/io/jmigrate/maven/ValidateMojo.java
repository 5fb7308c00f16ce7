package io.jmigrate.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn jmigrate:validate}: compares the live schema with the migrations; fails on drift. */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class ValidateMojo extends DatabaseMojo {
  @Override
  List<String> command() {
    return List.of("validate");
  }

  @Override
  String failureWithoutMessage() {
    return "jmigrate: the database's schema differs from the migrations (listed above)";
  }
}
