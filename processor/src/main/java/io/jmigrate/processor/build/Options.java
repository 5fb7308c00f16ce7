package io.jmigrate.processor.build;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The processor options ({@code -Ajmigrate.…}); each may be absent and then has a default. Check
 * mode also follows the system property {@code jmigrate.check}: Maven runs javac in its own JVM,
 * so {@code mvn verify -Djmigrate.check=true} works without passing the option through the pom.
 */
public record Options(Path sourceDir, Path snapshot, String packageName, boolean check, List<String> dialects,
    String online, String naming) {
  public static final String SOURCE_DIR = "jmigrate.sourceDir";
  public static final String SNAPSHOT = "jmigrate.snapshot";
  public static final String PACKAGE = "jmigrate.package";
  public static final String CHECK = "jmigrate.check";
  /** The project's target dialects, by {@code name()}, comma-separated: checked at compile time. */
  public static final String DIALECTS = "jmigrate.dialects";
  /**
   * What a change that cannot run online is ({@code warn}, the default; {@code strict}: an error;
   * {@code off}), as {@code io.jmigrate.processor.diff.OnlineCheck.Mode} reads it.
   */
  public static final String ONLINE = "jmigrate.online";
  /** How JPA entities' names become table and column names: {@code snake_case} (the default) or {@code jpa}. */
  public static final String NAMING = "jmigrate.naming";
  /**
   * Which Hibernate's schema JPA entities get ({@code 6.6} or {@code 7}); absent: the one on the compile class path.
   * Read by {@code io.jmigrate.processor.model.extract.HibernateLine}.
   */
  public static final String HIBERNATE = "jmigrate.hibernate";
  /**
   * The collation of JPA entities' tables on MariaDB/MySQL: {@code database} (the default, as Hibernate's tables)
   * or a collation's name such as {@code utf8mb4_bin}. Read by {@code JpaExtractor}.
   */
  public static final String COLLATION = "jmigrate.collation";
  public static final Set<String> ALL = Set.of(SOURCE_DIR, SNAPSHOT, PACKAGE, CHECK, DIALECTS, ONLINE, NAMING,
      HIBERNATE, COLLATION, Squasher.OPTION);

  public Options {
    dialects = List.copyOf(dialects);
  }

  public Options(Path sourceDir, Path snapshot, String packageName, boolean check) {
    this(sourceDir, snapshot, packageName, check, List.of(), null, null);
  }

  public Options(Path sourceDir, Path snapshot, String packageName, boolean check, List<String> dialects) {
    this(sourceDir, snapshot, packageName, check, dialects, null, null);
  }

  public static Options from(Map<String, String> options) {
    return new Options(
        path(options.get(SOURCE_DIR)),
        path(options.get(SNAPSHOT)),
        blankToNull(options.get(PACKAGE)),
        Boolean.parseBoolean(options.getOrDefault(CHECK, System.getProperty(CHECK, "false"))),
        dialects(options.get(DIALECTS)),
        blankToNull(options.get(ONLINE)),
        blankToNull(options.get(NAMING)));
  }

  /** {@code "PostgreSQL, sqlite"} → {@code [postgresql, sqlite]}: lower case, sorted, each once. */
  private static List<String> dialects(String s) {
    if (s == null || s.isBlank()) {
      return List.of();
    }
    return Arrays.stream(s.split(",")).map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
        .distinct().sorted().toList();
  }

  private static Path path(String s) {
    return s == null || s.isBlank() ? null : Path.of(s).toAbsolutePath().normalize();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** {@code src/main/java} → {@code src/main/resources/jmigrate/schema.json}; otherwise beside the source root. */
  public static Path defaultSnapshot(Path sourceDir) {
    Path name = sourceDir.getFileName();
    if (name != null && name.toString().equals("java") && sourceDir.getParent() != null) {
      return sourceDir.getParent().resolve("resources").resolve("jmigrate").resolve("schema.json");
    }
    return sourceDir.resolveSibling("jmigrate-schema.json");
  }
}
