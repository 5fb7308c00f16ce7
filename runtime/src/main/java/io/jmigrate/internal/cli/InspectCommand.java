package io.jmigrate.internal.cli;

import io.jmigrate.dialect.UnsupportedDatabaseException;
import io.jmigrate.inspect.Inspection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code inspect --url … --package com.acme.model --source-dir src/main/java [--tables a,b] [--jpa]}:
 * writes one model class (or JPA entity) per table of a live database and prints the report of what it left out. Exit
 * codes as {@link CommandLine}'s.
 */
public final class InspectCommand {
  static final String HELP = """
      usage: java -cp <class path> io.jmigrate.Runtime inspect --url <jdbc url> --package <package>
                 --source-dir <dir> [--resource-dir <dir>] [--tables a,b] [--jpa] [--user <name>] [--password <secret>]

      Reads the database's catalog (its current schema) and writes one @Table class per table
      into <source-dir>/<package>, keeping the database's constraint and index names. Prints
      what it left out (views, triggers, functions, domains, enum types, check constraints,
      partitions, tables with columns of types jmigrate has no Java type for); those stay in the
      database as they are, and no migration touches them. Existing files are never overwritten.
      What it left out, and what the database has beyond the models (ON UPDATE, AUTOINCREMENT,
      generated columns, …), is declared in <resource-dir>/META-INF/jmigrate/unmanaged (default: the
      resources folder beside <source-dir>), which validate, baseline and migrate read: they accept it
      and never drop it, and a migration that would strip an attribute is refused.

      --jpa writes jakarta.persistence @Entity classes instead (every name explicit and quoted where
      it is not lower case, so either -Ajmigrate.naming reads them back; needs jakarta.persistence-api,
      and hibernate-core for @OnDelete/@ColumnDefault where the database has them).

      Then: build (the first migration appears), baseline 1, validate.
      """;

  private static final List<String> OPTIONS = List.of("url", "user", "password", "package", "source-dir", "resource-dir", "tables");

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  public InspectCommand(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  /** {@code args[0]} is {@code inspect}. */
  public int run(String... args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        out.print(HELP);
        return CommandLine.OK;
      }
      if (a.equals("--jpa")) {
        options.put("jpa", "true");
        continue;
      }
      if (!a.startsWith("--")) {
        return usage("inspect takes no arguments, only options: " + a);
      }
      String key = a.substring(2);
      String value;
      if (key.contains("=")) {
        value = key.substring(key.indexOf('=') + 1);
        key = key.substring(0, key.indexOf('='));
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return usage("option --" + key + " needs a value");
      }
      if (!OPTIONS.contains(key)) {
        return usage("unknown option --" + key + " for inspect");
      }
      options.put(key, value);
    }
    String url = options.getOrDefault("url", env.get("JMIGRATE_URL"));
    if (url == null) {
      return usage("no database: give --url jdbc:… (or set JMIGRATE_URL)");
    }
    String pkg = options.get("package");
    if (pkg == null || !pkg.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
      return usage(pkg == null ? "inspect needs --package, the models' package (e.g. com.acme.model)"
          : "--package " + pkg + " is not a Java package name");
    }
    String sourceDir = options.get("source-dir");
    if (sourceDir == null) {
      return usage("inspect needs --source-dir, the source root to write into (e.g. src/main/java)");
    }
    Set<String> tables = new LinkedHashSet<>();
    if (options.containsKey("tables")) {
      Arrays.stream(options.get("tables").split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(tables::add);
    }
    String user = options.getOrDefault("user", env.get("JMIGRATE_USER"));
    String password = options.getOrDefault("password", env.get("JMIGRATE_PASSWORD"));
    try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password)) {
      Inspection inspection = Inspection.of(c, tables);
      boolean jpa = options.containsKey("jpa");
      List<Path> written = inspection.write(Path.of(sourceDir), pkg, jpa);
      out.print(inspection.report());
      Path resources = options.containsKey("resource-dir") ? Path.of(options.get("resource-dir"))
          : Path.of(sourceDir).toAbsolutePath().normalize().resolveSibling("resources");
      Path declared = inspection.writeUnmanaged(resources, jpa);
      if (declared != null) {
        out.println("declared " + inspection.unmanaged(jpa).entries().size() + " thing(s) the models leave to the database in "
            + declared + " (validate, baseline and migrate keep them)");
      }
      if (jpa) {
        inspection.jpaFindings().forEach(f -> out.println("  - " + f + " (--jpa)"));
      }
      String what = jpa ? (written.size() == 1 ? " entity" : " entities") : " model(s)";
      out.println("wrote " + written.size() + what + " to " + Path.of(sourceDir).resolve(pkg.replace('.', '/')));
      out.println("next: build (the first migration appears), then baseline 1 and validate against this database");
      return CommandLine.OK;
    } catch (UnsupportedDatabaseException e) {
      err.println("jmigrate: " + e.getMessage());
      return CommandLine.FAILED;
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    } catch (IOException e) {
      err.println("jmigrate: cannot write the models: " + e.getMessage());
      return CommandLine.FAILED;
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
        err.println("jmigrate: " + JdbcUrls.noDriver(url));
      } else {
        err.println("jmigrate: database error: " + e.getMessage());
      }
      return CommandLine.FAILED;
    } catch (RuntimeException e) {
      err.println("jmigrate: inspect failed: " + e);
      return CommandLine.FAILED;
    }
  }

  private int usage(String problem) {
    err.println("jmigrate: " + problem + " (see inspect --help)");
    return CommandLine.USAGE;
  }
}
