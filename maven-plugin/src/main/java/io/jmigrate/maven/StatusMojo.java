package io.jmigrate.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmigrate:status}: the applied and pending migrations; fails when the database and
 * this build disagree (each disagreement is marked {@code [!]}).
 */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class StatusMojo extends DatabaseMojo {
  @Override
  List<String> command() {
    return List.of("status");
  }

  @Override
  String failureWithoutMessage() {
    return "jmigrate: the database and this build disagree (the lines marked [!] above)";
  }
}
