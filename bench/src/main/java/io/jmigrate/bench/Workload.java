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
    this(work, count, List.of("sqlite", "postgresql", "mariadb"), "runtime-" + count);
  }

  /** The workload, with Flyway and Liquibase files for these dialects only, in {@code work/name}. */
  Workload(Path work, int count, List<String> dialects, String name) throws Exception {
    this.count = count;
    this.dir = work.resolve(name);
    this.classes = dir.resolve("classes");
    Path src = dir.resolve("src");
    Javac.deleteTree(dir);
    Path pkg = Files.createDirectories(src.resolve("bench/migrations"));
    List<String> names = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      String cls = String.format("V%04d_CreateT%d", n, n);
      Files.writeString(pkg.resolve(cls + ".java"), "package bench.migrations;\n\nimport static io.jmigrate.migration.Operations.*;\n"
          + "import static io.jmigrate.schema.ColumnType.*;\n\nimport io.jmigrate.migration.*;\nimport java.util.List;\n\n"
          + "public final class " + cls + " extends Migration {\n  public " + cls + "() {\n    super(" + n
          + ", \"create table t" + n + "\");\n  }\n\n  @Override\n  public List<Operation> up() {\n    return List.of(\n"
          + operations(n) + ");\n  }\n}\n");
      names.add("bench.migrations." + cls);
    }
    Javac.compile(src, classes, false);
    writeIndex(classes, names);

    Migrator m = new Migrator(loadMigrations(new URLClassLoader(new URL[] {classes.toUri().toURL()})));
    for (String dialect : dialects) {
      Dialect d = Dialect.named(dialect);
      Path flyway = Files.createDirectories(dir.resolve("flyway-" + dialect));
      StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n\n");
      List<List<String>> all = statements(m, d);
      for (int n = 1; n <= count; n++) {
        List<String> sql = all.get(n - 1);
        Files.writeString(flyway.resolve("V" + n + "__create_t" + n + ".sql"), String.join("\n", sql) + "\n");
        changelog.append("--changeset bench:").append(n).append('\n').append(String.join("\n", sql)).append("\n\n");
      }
      Files.writeString(dir.resolve("changelog-" + dialect + ".sql"), changelog);
    }
  }

  /** Migration {@code n}'s operations, as Java: a table, every fifth with an index. */
  static String operations(int n) {
    StringBuilder s = new StringBuilder("        createTable(table(\"t" + n + "\",\n"
        + "            column(\"id\", BIGINT).notNull(),\n"
        + "            column(\"name\", STRING).length(100).notNull(),\n"
        + "            column(\"created_at\", TIMESTAMP),\n"
        + "            column(\"amount\", DECIMAL).precision(10, 2))\n"
        + "          .primaryKey(\"id\"))");
    if (n % 5 == 0) {
      s.append(",\n        addIndex(\"t").append(n).append("\", index(\"ix_t").append(n).append("_name\", \"name\"))");
    }
    return s.toString();
  }

  /**
   * The index as the build writes it: each class with its version, and the checksum and
   * fingerprint of the compiled class (the processor takes them from the classes javac wrote).
   */
  static void writeIndex(Path classes, List<String> names) throws Exception {
    List<MigrationIndex.Entry> entries = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()})) {
      for (String n : names) {
        Migration m = (Migration) Class.forName(n, true, loader).getDeclaredConstructor().newInstance();
        entries.add(new MigrationIndex.Entry(n, m.version(), m.checksum(), m.schemaFingerprint(),
            m instanceof io.jmigrate.migration.SquashedMigration));
      }
    }
    Path index = classes.resolve(MigrationIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(index, io.jmigrate.processor.build.IndexWriter.render(entries));
  }

  /** Every migration's statements as jmigrate renders them, each ending in ';', in one pass (not one fold per migration). */
  static List<List<String>> statements(Migrator m, Dialect d) {
    List<List<String>> out = new ArrayList<>();
    for (String s : m.sql(d, 0, m.latestVersion())) {
      if (s.startsWith("-- V")) {
        out.add(new ArrayList<>());
      } else if (!s.startsWith("--")) {
        out.get(out.size() - 1).add(s);
      }
    }
    return out;
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
