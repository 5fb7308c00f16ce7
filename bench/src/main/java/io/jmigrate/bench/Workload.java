package io.jmigrate.bench;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime workload: {@code count} migrations, each creating a table, every fifth also an
 * index. For jmigrate they are real generated-style classes, compiled once; Flyway and Liquibase
 * get the very statements jmigrate renders, as SQL files and a formatted-SQL changelog.
 */
final class Workload {
  final int count;
  final Path dir;
  final Path classes;

  Workload(Path work, int count) throws Exception {
    this.count = count;
    this.dir = work.resolve("runtime-" + count);
    this.classes = dir.resolve("classes");
    Path src = dir.resolve("src");
    Javac.deleteTree(dir);
    Path pkg = Files.createDirectories(src.resolve("bench/migrations"));
    List<String> names = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      String cls = String.format("V%04d_CreateT%d", n, n);
      StringBuilder s = new StringBuilder("package bench.migrations;\n\nimport static io.jmigrate.migration.Operations.*;\n"
          + "import static io.jmigrate.schema.ColumnType.*;\n\nimport io.jmigrate.migration.*;\nimport java.util.List;\n\n"
          + "public final class " + cls + " extends Migration {\n  public " + cls + "() {\n    super(" + n
          + ", \"create table t" + n + "\");\n  }\n\n  @Override\n  public List<Operation> up() {\n    return List.of(\n"
          + "        createTable(table(\"t" + n + "\",\n"
          + "            column(\"id\", BIGINT).notNull(),\n"
          + "            column(\"name\", STRING).length(100).notNull(),\n"
          + "            column(\"created_at\", TIMESTAMP),\n"
          + "            column(\"amount\", DECIMAL).precision(10, 2))\n"
          + "          .primaryKey(\"id\"))");
      if (n % 5 == 0) {
        s.append(",\n        addIndex(\"t").append(n).append("\", index(\"ix_t").append(n).append("_name\", \"name\"))");
      }
      s.append(");\n  }\n}\n");
      Files.writeString(pkg.resolve(cls + ".java"), s);
      names.add("bench.migrations." + cls);
    }
    Javac.compile(src, classes, false);
    Path index = classes.resolve(MigrationIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(index, String.join("\n", names) + "\n");

    Migrator m = new Migrator(loadMigrations(new URLClassLoader(new URL[] {classes.toUri().toURL()})));
    for (String dialect : List.of("sqlite", "postgresql", "mariadb")) {
      Dialect d = Dialect.named(dialect);
      Path flyway = Files.createDirectories(dir.resolve("flyway-" + dialect));
      StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n\n");
      for (int n = 1; n <= count; n++) {
        List<String> sql = statements(m, d, n);
        Files.writeString(flyway.resolve("V" + n + "__create_t" + n + ".sql"), String.join("\n", sql) + "\n");
        changelog.append("--changeset bench:").append(n).append('\n').append(String.join("\n", sql)).append("\n\n");
      }
      Files.writeString(dir.resolve("changelog-" + dialect + ".sql"), changelog);
    }
  }

  /** The statements of migration {@code n} as jmigrate renders them, each ending in ';'. */
  static List<String> statements(Migrator m, Dialect d, int n) {
    List<String> out = new ArrayList<>();
    for (String s : m.sql(d, n - 1, n)) {
      if (!s.startsWith("--")) {
        out.add(s);
      }
    }
    return out;
  }

  /** What the runtime does at start-up: read the generated index, instantiate the migrations. */
  static List<Migration> loadMigrations(ClassLoader loader) {
    return MigrationIndex.load(MigrationIndex.find(loader).get(0), loader);
  }

  Path flywayDir(String dialect) {
    return dir.resolve("flyway-" + dialect);
  }
}
