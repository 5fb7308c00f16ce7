package io.jmigrate.processor.custom;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Checksum;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.processor.codegen.MigrationNamer;
import io.jmigrate.processor.codegen.MigrationWriter;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.Sql;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of the contributor page's "Adding an operation": {@link TableComment}, an operation that lives
 * only in this test's sources, goes through every stage a built-in one does, with no line of main code
 * naming it. The build's writer writes it into a migration (its call, its header line, the class name),
 * real javac compiles that migration, and the runtime applies it on H2 (its SQL) and SQLite (none),
 * previews it, checksums it into the history, and reverses it.
 */
class CustomOperationTest {
  private static final String PKG = "com.acme.migrations";

  @TempDir Path dir;

  @Test
  void aTestOnlyOperationIsWrittenCompiledAppliedPreviewedChecksummedAndReversed() throws Exception {
    List<Operation> first = List.of(createTable(table("pet", column("id", BIGINT).notNull(),
        column("name", STRING).length(40)).primaryKey("id")));
    List<Operation> second = List.of(TableComment.comment("pet", "pets people keep", ""));
    Schema v1 = Schema.empty();
    for (Operation op : first) {
      v1 = op.applyTo(v1);
    }
    String fingerprint = SchemaFingerprint.of(v1); // a comment does not change the schema jmigrate tracks

    // Written by the build's writer, as the build writes any migration.
    String name1 = MigrationNamer.className(1, first);
    String name2 = MigrationNamer.className(2, second);
    assertEquals("V0002_CommentPet", name2);
    String source1 = MigrationWriter.write(PKG, name1, 1, first, Schema.empty(), fingerprint).toString();
    String source2 = MigrationWriter.write(PKG, name2, 2, second, v1, fingerprint).toString();
    assertTrue(source2.contains("import io.jmigrate.processor.custom.TableComment;"), source2);
    assertTrue(source2.contains("TableComment.comment(\"pet\", \"pets people keep\", \"\"));"), source2);
    assertTrue(source2.contains("<li>comment on table pet 'pets people keep' (was '')"), source2);
    assertTrue(source2.contains("super(2, \"comment on table pet\", "), source2);

    // Compiled by the real javac, against the test's class path.
    List<Migration> migrations = compile(List.of(source1, source2), List.of(name1, name2));
    Migrator migrator = new Migrator(migrations);

    // Previewed: the statements the run makes, from the operation's own SQL.
    List<String> preview = migrator.sql(Dialect.named("h2"), 1, 2);
    assertTrue(preview.contains("COMMENT ON TABLE \"pet\" IS 'pets people keep';")
        || String.join("\n", preview).contains("COMMENT ON TABLE \"pet\" IS 'pets people keep'"), String.join("\n", preview));

    // Applied and checksummed on H2.
    try (Connection h2 = H2.mem()) {
      migrator.migrate(h2);
      assertEquals(List.of("pets people keep"), remarks(h2));
      int checksum = Checksum.of(migrations.get(1).up());
      assertEquals(Checksum.of(second), checksum);
      assertEquals(List.of(String.valueOf(checksum)),
          Sql.strings(h2, "SELECT CAST(checksum AS VARCHAR) FROM jmigrate_history WHERE version = 2"));
      assertEquals("table-comment pet [pets people keep] was []", Checksum.text(second.get(0)));

      // Reversed: down to version 1 puts the old comment back.
      migrator.migrateTo(h2, 1);
      assertEquals(List.of(""), remarks(h2));
      migrator.migrate(h2);
      assertEquals(List.of("pets people keep"), remarks(h2));
    }

    // SQLite has no table comments: the operation gives no SQL there, and runs both ways.
    try (Connection sqlite = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("pets.db"))) {
      migrator.migrate(sqlite);
      assertEquals(2, migrator.status(sqlite).currentVersion());
      migrator.migrateTo(sqlite, 1);
      assertEquals(1, migrator.status(sqlite).currentVersion());
    }
  }

  private static List<String> remarks(Connection c) throws Exception {
    return Sql.strings(c, "SELECT coalesce(REMARKS, '') FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'pet'");
  }

  private List<Migration> compile(List<String> sources, List<String> names) throws IOException, ReflectiveOperationException {
    Path src = dir.resolve("src");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
        "-proc:none"));
    for (int i = 0; i < sources.size(); i++) {
      Path file = src.resolve(PKG.replace('.', '/')).resolve(names.get(i) + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, sources.get(i));
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac failed");
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    List<Migration> out = new ArrayList<>();
    for (String name : names) {
      out.add((Migration) loader.loadClass(PKG + "." + name).getDeclaredConstructor().newInstance());
    }
    return out;
  }
}
