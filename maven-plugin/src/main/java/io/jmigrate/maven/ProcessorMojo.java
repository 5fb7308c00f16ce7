package io.jmigrate.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * A goal that runs javac itself with the jmigrate processor alone ({@code -proc:only}) over the
 * project's main sources, in one mode: Maven skips javac when no source is newer than its class
 * ("Nothing to compile"), and then the processor does not run at all. The build's
 * {@code -Ajmigrate.*} arguments of the maven-compiler-plugin apply, so a moved snapshot or the
 * target dialects are the build's.
 */
abstract class ProcessorMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The plugin's own dependencies: jmigrate-processor and what it needs, the processor path. */
  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  List<Artifact> pluginArtifacts;

  /**
   * Processor options ({@code -Ajmigrate.dialects=postgresql,sqlite}, …) in addition to the
   * {@code -Ajmigrate.*} arguments of the maven-compiler-plugin's configuration, which are read from
   * the pom.
   */
  @Parameter
  List<String> processorOptions = new ArrayList<>();

  /** Skips the goal. */
  @Parameter(property = "jmigrate.skip", defaultValue = "false")
  boolean skip;

  /** Runs the processor over the project's main sources with these mode options ({@code -Ajmigrate.check=true}, …). */
  ModelCheck.Result runProcessor(List<String> mode) throws MojoExecutionException {
    Path base = project.getBasedir().toPath();
    Path target = Path.of(project.getBuild().getDirectory());
    // The compiler's generated-sources folder holds copies of the migrations (written through the
    // Filer), which would clash with the originals; the class output is an earlier build's view of
    // the sources, which are all compiled here anyway.
    Path filerOutput = target.resolve("generated-sources").resolve("annotations");
    List<Path> roots = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      Path p = Path.of(root);
      if (!p.startsWith(filerOutput)) {
        roots.add(p);
      }
    }
    List<String> classpath = new ArrayList<>();
    String classOutput = new File(project.getBuild().getOutputDirectory()).getAbsolutePath();
    for (String element : compileClasspath()) {
      if (!new File(element).getAbsolutePath().equals(classOutput)) {
        classpath.add(element);
      }
    }
    List<String> options = new ArrayList<>(compilerProcessorOptions());
    options.addAll(processorOptions);
    try {
      return new ModelCheck(roots, classpath, processorPath(), options, encoding(), base, mode).run();
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException("jmigrate: could not run javac: " + e, e);
    }
  }

  private List<String> compileClasspath() throws MojoExecutionException {
    try {
      return project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("jmigrate: the project's dependencies are not resolved: " + e.getMessage(), e);
    }
  }

  /** The jmigrate-processor jar and its dependencies, as the plugin resolved them. */
  private List<String> processorPath() throws MojoExecutionException {
    List<String> path = new ArrayList<>();
    boolean processor = false;
    for (Artifact a : pluginArtifacts) {
      if (a.getFile() == null || "jmigrate-maven-plugin".equals(a.getArtifactId())) {
        continue;
      }
      processor |= "jmigrate-processor".equals(a.getArtifactId());
      path.add(a.getFile().getAbsolutePath());
    }
    if (!processor) {
      throw new MojoExecutionException("jmigrate: jmigrate-processor is not among the plugin's dependencies");
    }
    return path;
  }

  /**
   * The {@code -Ajmigrate.*} arguments the project passes to javac (plugin-level and default-compile
   * configuration of maven-compiler-plugin, interpolated), so the check sees the build's options:
   * target dialects, a moved snapshot or source folder.
   */
  private List<String> compilerProcessorOptions() {
    List<String> out = new ArrayList<>();
    for (Plugin plugin : project.getBuildPlugins()) {
      if (!"org.apache.maven.plugins".equals(plugin.getGroupId()) || !"maven-compiler-plugin".equals(plugin.getArtifactId())) {
        continue;
      }
      collect(plugin.getConfiguration(), out);
      for (PluginExecution execution : plugin.getExecutions()) {
        if ("default-compile".equals(execution.getId())) {
          collect(execution.getConfiguration(), out);
        }
      }
    }
    return out;
  }

  private static void collect(Object configuration, List<String> out) {
    if (!(configuration instanceof Xpp3Dom dom)) {
      return;
    }
    Xpp3Dom args = dom.getChild("compilerArgs");
    if (args != null) {
      for (Xpp3Dom arg : args.getChildren()) {
        String value = arg.getValue() == null ? "" : arg.getValue().trim();
        if (value.startsWith("-Ajmigrate.")) {
          out.add(value);
        }
      }
    }
    Xpp3Dom compilerArgument = dom.getChild("compilerArgument");
    if (compilerArgument != null && compilerArgument.getValue() != null) {
      for (String value : compilerArgument.getValue().trim().split("\\s+")) {
        if (value.startsWith("-Ajmigrate.")) {
          out.add(value);
        }
      }
    }
  }

  private Charset encoding() {
    String name = project.getProperties().getProperty("project.build.sourceEncoding");
    try {
      return name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
