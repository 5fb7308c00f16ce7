package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Drift;
import io.jmigrate.engine.Migrator;
import io.jmigrate.internal.cli.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect --jpa} on PostgreSQL arrays of elements jmigrate has no array type for ({@code real[]}, Pagila's
 * stand-in for a vector; {@code smallint[]}; {@code double precision[]}): each is a {@code columnDefinition} on a
 * Java array of the element's type, so that jmigrate builds the same column (baseline and validate accept the
 * database) and Hibernate 7's own validate accepts the entity on that database (a {@code String} field it expected
 * as VARCHAR and refused). An array of another element ({@code inet[]}) is a {@code String[]} with the definition.
 */
class InspectJpaArraysTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), () -> null, Map.of());
    int code = cli.run(args);
    return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void arraysOfOtherElementsAreJavaArraysThatHibernateValidates() throws Exception {
    String url = io.jmigrate.testing.Postgres.newDatabaseUrl();
    try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
      s.execute("CREATE TABLE film_embedding (film_id integer PRIMARY KEY, embedding real[], ranks smallint[],"
          + " weights double precision[] NOT NULL, hosts inet[])");
      s.execute("INSERT INTO film_embedding VALUES (1, '{0.5,1.25}', '{1,2}', '{2.5}', '{10.0.0.1}')");
    }
    Project p = new Project(dir.resolve("app"));
    String[] r = run("inspect", "--url", url, "--package", "com.acme.model", "--source-dir", p.src.toString(), "--jpa");
    assertEquals("0", r[0], r[2]);
    String entity = Files.readString(p.src.resolve("com/acme/model/FilmEmbedding.java"));
    for (String field : List.of(
        "@Column(name = \"embedding\", columnDefinition = \"real[]\")\n  Float[] embedding;",
        "@Column(name = \"ranks\", columnDefinition = \"smallint[]\")\n  Short[] ranks;",
        "columnDefinition = \"double precision[]\")\n  Double[] weights;",
        "@Column(name = \"hosts\", columnDefinition = \"inet[]\")\n  String[] hosts;")) {
      assertTrue(entity.contains(field), field + " in:\n" + entity);
    }
    Project.Result build = p.build("-Ajmigrate.dialects=postgresql").assertOk();
    String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(v1.contains("column(\"embedding\", NATIVE).sqlType(\"real[]\")"), v1);
    Migrator m = build.migrator();
    try (Connection db = DriverManager.getConnection(url)) {
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift + "\n" + v1 + "\n" + entity);
      // Hibernate's own schema validation of the entity on this database (throws on a mismatch).
      HibernateSchema.run(build, List.of("com.acme.model.FilmEmbedding"), false, db.getMetaData().getURL(), "validate");
    }
  }
}
