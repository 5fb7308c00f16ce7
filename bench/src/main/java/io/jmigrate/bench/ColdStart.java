package io.jmigrate.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/** A fresh JVM that does only one tool's start-up migrate (a no-op) and exits. */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String tool = args[0];
    String url = args[1];
    Path dir = Path.of(args[2]);
    String dialect = args[3];
    switch (tool) {
      case "jmigrate": // the application's start-up call: Runtime.migrate, which checks the history against the index
        Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
          io.jmigrate.Runtime.migrate(c);
        }
        break;
      case "jmigrate-all": // the path before the index knew checksums: every migration class loaded and checksummed
        Tools.jmigrate(new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()})).migrate(url);
        break;
      case "flyway":
        Tools.flyway(dir.resolve("flyway-" + dialect)).migrate(url);
        break;
      case "flyway13": // Flyway 13 in a class loader of its own (Tools.flyway13)
        Tools.flyway13(dir.resolve("flyway-" + dialect)).migrate(url);
        break;
      case "liquibase":
        Tools.liquibase(dir, "changelog-" + dialect + ".sql").migrate(url);
        break;
      case "jvm":
        java.sql.DriverManager.getConnection(url).close(); // the JVM and a connection, nothing else
        break;
      default:
        throw new IllegalArgumentException(tool);
    }
  }
}
