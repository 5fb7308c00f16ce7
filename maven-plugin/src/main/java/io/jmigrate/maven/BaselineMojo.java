package io.jmigrate.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmigrate:baseline -Djmigrate.baselineVersion=N}: records versions up to N as applied on
 * an existing database whose schema already matches version N; refuses, listing the drift, when not.
 * (Not {@code jmigrate.version}: projects name jmigrate's artifact version so, as example-app does.)
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class BaselineMojo extends DatabaseMojo {
  /** The version the database's schema already is. */
  @Parameter(property = "jmigrate.baselineVersion")
  Integer baselineVersion;

  @Override
  List<String> command() throws MojoFailureException {
    if (baselineVersion == null) {
      throw new MojoFailureException("jmigrate: baseline needs the version the database already is: "
          + "-Djmigrate.baselineVersion=N (or <baselineVersion> in the plugin's configuration)");
    }
    return List.of("baseline", String.valueOf(baselineVersion));
  }
}
