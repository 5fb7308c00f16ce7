package io.jmigrate.maven;

import io.jmigrate.dialect.UnsupportedDatabaseException;
import io.jmigrate.inspect.Inspection;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code mvn jmigrate:inspect -Djmigrate.package=com.acme.model}: the command line's {@code inspect}
 * as a goal. Reads a live database's catalog and writes one model class (or, with
 * {@code -Djmigrate.jpa}, one JPA entity) per table into the project's source tree, then logs what
 * it left out. Existing files are never overwritten. The JDBC driver comes from the project's
 * dependencies; nothing needs to be compiled first.
 */
@Mojo(name = "inspect", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class InspectMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The database's JDBC URL (or the environment variable JMIGRATE_URL). */
  @Parameter(property = "jmigrate.url")
  String url;

  /** The database user (or JMIGRATE_USER). */
  @Parameter(property = "jmigrate.user")
  String user;

  /** The database password (or JMIGRATE_PASSWORD). */
  @Parameter(property = "jmigrate.password")
  String password;

  /** The models' package, e.g. {@code com.acme.model}. */
  @Parameter(property = "jmigrate.package")
  String packageName;

  /** The source root to write into (default: the project's, {@code src/main/java}). */
  @Parameter(property = "jmigrate.sourceDir", defaultValue = "${project.build.sourceDirectory}")
  String sourceDir;

  /** Only these tables, comma-separated (default: all). */
  @Parameter(property = "jmigrate.tables")
  String tables;

  /** Write jakarta.persistence {@code @Entity} classes instead of {@code @Table} models. */
  @Parameter(property = "jmigrate.jpa", defaultValue = "false")
  boolean jpa;

  /** Skips the goal. */
  @Parameter(property = "jmigrate.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("jmigrate: skipped (jmigrate.skip)");
      return;
    }
    String database = url != null && !url.isBlank() ? url : System.getenv("JMIGRATE_URL");
    if (database == null || database.isBlank()) {
      throw new MojoFailureException("jmigrate: no database: pass -Djmigrate.url=jdbc:… (or set <url> in the plugin's "
          + "configuration, or JMIGRATE_URL)");
    }
    if (packageName == null || !packageName.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
      throw new MojoFailureException(packageName == null
          ? "jmigrate: inspect needs the models' package: -Djmigrate.package=com.acme.model"
          : "jmigrate: -Djmigrate.package=" + packageName + " is not a Java package name");
    }
    Set<String> only = new LinkedHashSet<>();
    if (tables != null) {
      Arrays.stream(tables.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(only::add);
    }
    String login = user != null && !user.isBlank() ? user : System.getenv("JMIGRATE_USER");
    String secret = password != null ? password : System.getenv("JMIGRATE_PASSWORD");
    Path root = project.getBasedir().toPath().resolve(sourceDir); // a relative folder is the project's, as in the pom
    List<String> classpath = runtimeClasspath();

    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = ProjectClassLoader.of(project, classpath, getClass().getClassLoader());
        AutoCloseable drivers = DriverShim.registerAll(loader)) {
      thread.setContextClassLoader(loader); // dialects shipped by the application
      try (Connection c = login == null ? DriverManager.getConnection(database)
          : DriverManager.getConnection(database, login, secret)) {
        Inspection inspection = Inspection.of(c, only);
        List<Path> written = inspection.write(root, packageName, jpa);
        inspection.report().lines().forEach(l -> getLog().info(l));
        if (jpa) {
          inspection.jpaFindings().forEach(f -> getLog().info("  - " + f + " (jpa)"));
        }
        String what = jpa ? (written.size() == 1 ? " entity" : " entities") : " model(s)";
        getLog().info("jmigrate: wrote " + written.size() + what + " to " + root.resolve(packageName.replace('.', '/')));
        getLog().info("jmigrate: next: build (mvn compile: the first migration appears), then mvn jmigrate:baseline "
            + "-Djmigrate.baselineVersion=1 and jmigrate:validate against this database");
      }
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
        throw new MojoFailureException("jmigrate: no JDBC driver among the project's dependencies accepts " + database
            + ": check the URL (jdbc:sqlite:, jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:, jdbc:h2:) and add the "
            + "database's driver as a dependency");
      }
      throw new MojoFailureException("jmigrate: database error: " + e.getMessage());
    } catch (UnsupportedDatabaseException e) {
      throw new MojoFailureException("jmigrate: " + e.getMessage());
    } catch (IOException e) {
      throw new MojoFailureException("jmigrate: cannot write the models: " + e.getMessage());
    } catch (Exception e) {
      throw new MojoExecutionException("jmigrate: inspect failed: " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private List<String> runtimeClasspath() throws MojoExecutionException {
    try {
      return project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("jmigrate: the project's dependencies are not resolved: " + e.getMessage(), e);
    }
  }
}
