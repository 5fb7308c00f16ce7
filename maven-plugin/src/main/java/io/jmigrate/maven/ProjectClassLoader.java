package io.jmigrate.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * The project as the application sees it: its compiled classes (the migrations and their index)
 * and its runtime dependencies (the JDBC driver), over the plugin's own class loader. jmigrate's
 * own classes come from the plugin, so the migrations and the migrator share one {@code Migration}
 * class; the project's copy of jmigrate-runtime is left out.
 */
final class ProjectClassLoader {
  private ProjectClassLoader() {}

  static URLClassLoader of(MavenProject project, List<String> classpathElements, ClassLoader parent) {
    Set<File> jmigrate = jmigrateJars(project);
    List<URL> urls = new ArrayList<>();
    for (String element : classpathElements) {
      File file = new File(element);
      if (jmigrate.contains(file.getAbsoluteFile())) {
        continue;
      }
      try {
        urls.add(file.toURI().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("not a class path element: " + element, e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), parent);
  }

  /** The project's jars of jmigrate-runtime (and -processor, should it be a dependency). */
  private static Set<File> jmigrateJars(MavenProject project) {
    Set<File> files = new java.util.HashSet<>();
    for (Artifact a : project.getArtifacts()) {
      if ("io.jmigrate".equals(a.getGroupId()) && a.getArtifactId().matches("jmigrate-(runtime|processor)")
          && a.getFile() != null) {
        files.add(a.getFile().getAbsoluteFile());
      }
    }
    return files;
  }
}
