package io.jmigrate.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmigrate:sql}: the SQL the migrations run, without changing anything. With a database
 * (url), exactly what {@code migrate} would run there now; with {@code -Djmigrate.dialect=postgresql}
 * (and optionally {@code -Djmigrate.from=N -Djmigrate.to=M}), without a database.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class SqlMojo extends DatabaseMojo {
  /** sqlite, postgresql, h2 or mariadb: print the SQL for this dialect without a database (wins over url). */
  @Parameter(property = "jmigrate.dialect")
  String dialect;

  /** With a dialect: the version the database is at (default 0). */
  @Parameter(property = "jmigrate.from")
  Integer from;

  /** With a dialect: the version to go to (default the latest). */
  @Parameter(property = "jmigrate.to")
  Integer to;

  @Override
  List<String> command() {
    List<String> args = new ArrayList<>(List.of("sql"));
    if (dialect != null && !dialect.isBlank()) {
      url = null; // the dialect's SQL from version to version, not what one database needs
      args.add("--dialect=" + dialect);
      if (from != null) {
        args.add("--from=" + from);
      }
      if (to != null) {
        args.add("--to=" + to);
      }
    }
    return args;
  }

  @Override
  boolean needsDatabase() {
    return dialect == null || dialect.isBlank();
  }
}
