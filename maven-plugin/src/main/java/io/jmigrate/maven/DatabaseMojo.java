package io.jmigrate.maven;

import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.MigrationIndex;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * A goal that runs one command of the runtime's command line ({@code java io.jmigrate.Runtime …})
 * against the project's database, with the project's classes and runtime dependencies on the class
 * path. The command line does the work and words the errors; this class only feeds it and turns
 * its exit code into Maven's success or a one-line failure. The goals are not thread-safe
 * ({@code threadSafe = false}): they register JDBC drivers with {@code DriverManager} and route the
 * "io.jmigrate" logger, both JVM-wide.
 */
abstract class DatabaseMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The database's JDBC URL, e.g. {@code jdbc:sqlite:local.db} (or the environment variable JMIGRATE_URL). */
  @Parameter(property = "jmigrate.url")
  String url;

  /** The database user (or JMIGRATE_USER). */
  @Parameter(property = "jmigrate.user")
  String user;

  /** The database password (or JMIGRATE_PASSWORD). */
  @Parameter(property = "jmigrate.password")
  String password;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  String pluginVersion;

  /** How long to wait for the migration lock before failing, e.g. {@code 30s} (default: as the runtime waits). */
  @Parameter(property = "jmigrate.lockTimeout")
  String lockTimeout;

  /** Start even if the database has migrations this build does not know (an application rollback). */
  @Parameter(property = "jmigrate.allowAhead", defaultValue = "false")
  boolean allowAhead;

  /** Skips the goal. */
  @Parameter(property = "jmigrate.skip", defaultValue = "false")
  boolean skip;

  /** The command line's arguments for this goal, without the connection options. */
  abstract List<String> command() throws MojoFailureException;

  /** Whether the goal needs a database (only {@code sql} with a dialect does not). */
  boolean needsDatabase() {
    return true;
  }

  /** The failure when the command exits 1 without a message of its own (status, validate list what they found). */
  String failureWithoutMessage() {
    return "jmigrate: failed";
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("jmigrate: skipped (jmigrate.skip)");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      // A reactor's parent or aggregator has no classes: mvn jmigrate:status at the root reaches the modules.
      getLog().info("jmigrate: skipped (packaging pom: no migrations here)");
      return;
    }
    warnOnVersionSkew();
    Map<String, String> env = System.getenv();
    List<String> args = new ArrayList<>(command());
    if (url != null && !url.isBlank()) {
      args.add("--url=" + url);
    } else if (needsDatabase() && env.get("JMIGRATE_URL") == null) {
      throw new MojoFailureException("jmigrate: no database: set <url> in the jmigrate-maven-plugin's configuration "
          + "or pass -Djmigrate.url=jdbc:…");
    }
    if (user != null && !user.isBlank()) {
      args.add("--user=" + user);
    }
    if (password != null) {
      args.add("--password=" + password);
    }
    if (lockTimeout != null && !lockTimeout.isBlank()) {
      args.add("--lock-timeout=" + lockTimeout);
    }
    if (allowAhead) {
      args.add("--allow-ahead");
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = ProjectClassLoader.of(project, classpath(), getClass().getClassLoader());
        AutoCloseable drivers = DriverShim.registerAll(loader);
        AutoCloseable logging = MavenLogHandler.route(getLog())) {
      // Dialects shipped by the application are found through the context class loader.
      thread.setContextClassLoader(loader);
      // Up to date: no migration class is loaded.
      exit = io.jmigrate.Runtime.commandLine(print(out), print(err), () -> migrator(loader), loader, env,
          args.toArray(String[]::new));
    } catch (Exception e) {
      throw new MojoExecutionException("jmigrate: could not load the project's class path: " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
    for (String line : lines(out)) {
      getLog().info(line);
    }
    if (exit != 0) {
      String message = String.join(System.lineSeparator(), lines(err));
      throw new MojoFailureException(message.isEmpty() ? failureWithoutMessage() : message);
    }
  }

  /**
   * The migrations run on the plugin's jmigrate-runtime, not the project's copy (they must share one
   * {@code Migration} class); a different version may read them differently.
   */
  private void warnOnVersionSkew() {
    for (org.apache.maven.artifact.Artifact a : project.getArtifacts()) {
      if ("io.jmigrate".equals(a.getGroupId()) && "jmigrate-runtime".equals(a.getArtifactId())
          && pluginVersion != null && !pluginVersion.equals(a.getBaseVersion())) {
        getLog().warn("jmigrate: the project uses jmigrate-runtime " + a.getBaseVersion() + ", this plugin is "
            + pluginVersion + ": give the plugin the project's version");
      }
    }
  }

  private List<String> classpath() throws MojoExecutionException {
    try {
      return project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("jmigrate: the project's dependencies are not resolved: " + e.getMessage(), e);
    }
  }

  /** The project's migrations, through the index the processor wrote into its class output. */
  private Migrator migrator(ClassLoader loader) {
    List<URL> indexes = MigrationIndex.find(loader);
    if (indexes.isEmpty()) {
      throw new MigrationException("no migrations found: " + new File(project.getBuild().getOutputDirectory())
          + " has no " + MigrationIndex.RESOURCE + ". Build the project first (mvn compile), with jmigrate-processor "
          + "on the compiler's annotation processor path");
    }
    if (indexes.size() > 1) {
      throw new MigrationException("more than one migration index on the project's class path: " + indexes
          + ". Use one set of migrations per database");
    }
    // with what META-INF/jmigrate/unmanaged declares, as Runtime.migrator() does
    return new Migrator(MigrationIndex.load(indexes.get(0), loader)).withUnmanaged(io.jmigrate.catalog.Unmanaged.find(loader));
  }

  private static PrintStream print(ByteArrayOutputStream to) {
    return new PrintStream(to, true, StandardCharsets.UTF_8);
  }

  private static List<String> lines(ByteArrayOutputStream bytes) {
    String text = bytes.toString(StandardCharsets.UTF_8).stripTrailing();
    return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
  }
}
