package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect --jpa} on composite keys whose column order is not Hibernate's (by size, then name): Pagila's
 * {@code film_category (film_id, category_id)} and a partitioned-style {@code payment (payment_date, payment_id)}.
 * The entity lists the key's columns in a {@code @Table(uniqueConstraints)} entry, which Hibernate and jmigrate's
 * JPA reader take as the key's order, so the first migration has the database's key and baseline and validate
 * accept the database as it is; a key already in Hibernate's order gets no such entry.
 */
class InspectJpaKeyOrderTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), () -> null, Map.of());
    int code = cli.run(args);
    return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  private static List<String> primaryKey(Connection db, String table) throws Exception {
    java.util.TreeMap<Integer, String> key = new java.util.TreeMap<>();
    try (ResultSet rs = db.getMetaData().getPrimaryKeys(null, null, table)) {
      while (rs.next()) {
        key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return new ArrayList<>(key.values());
  }

  @Test
  void compositeKeysKeepTheDatabasesColumnOrderThroughInspectBuildBaselineAndValidate() throws Exception {
    String url = io.jmigrate.testing.Postgres.newDatabaseUrl();
    String[] ddl = {
        "CREATE TABLE film_category (film_id integer NOT NULL, category_id integer NOT NULL,"
            + " PRIMARY KEY (film_id, category_id))",
        "CREATE TABLE payment (payment_id integer NOT NULL, payment_date timestamp NOT NULL, amount numeric(5,2),"
            + " PRIMARY KEY (payment_date, payment_id))",
        "CREATE TABLE rating (user_id integer NOT NULL, film_id integer NOT NULL, PRIMARY KEY (film_id, user_id))"};
    try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
      for (String sql : ddl) {
        s.execute(sql);
      }
      s.execute("INSERT INTO film_category VALUES (1, 2)");
    }
    Project p = new Project(dir.resolve("app"));
    String[] r = run("inspect", "--url", url, "--package", "com.acme.model", "--source-dir", p.src.toString(), "--jpa");
    assertEquals("0", r[0], r[2]);
    String filmCategory = Files.readString(p.src.resolve("com/acme/model/FilmCategory.java"));
    String payment = Files.readString(p.src.resolve("com/acme/model/Payment.java"));
    String rating = Files.readString(p.src.resolve("com/acme/model/Rating.java"));
    assertTrue(filmCategory.contains("@Table(name = \"film_category\", uniqueConstraints = @UniqueConstraint(columnNames"
        + " = {\"film_id\", \"category_id\"}))"), filmCategory);
    assertTrue(filmCategory.contains("Hibernate would order it [category_id, film_id]"), filmCategory);
    assertTrue(payment.contains("uniqueConstraints = @UniqueConstraint(columnNames = {\"payment_date\", \"payment_id\"})"),
        payment);
    assertFalse(rating.contains("UniqueConstraint"), rating); // (film_id, user_id) is Hibernate's order already

    Project.Result build = p.build("-Ajmigrate.dialects=postgresql").assertOk();
    String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
    assertTrue(v1.contains(".primaryKey(\"film_id\", \"category_id\")"), v1);
    assertTrue(v1.contains(".primaryKey(\"payment_date\", \"payment_id\")"), v1);
    assertFalse(v1.contains("uniqueIndex"), v1); // the ordering constraint is no index of its own
    Migrator m = build.migrator();
    try (Connection db = DriverManager.getConnection(url)) {
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift + "\n" + v1 + "\n" + filmCategory + "\n" + payment);
    }
    try (Connection fresh = io.jmigrate.testing.Postgres.newDatabase()) { // the same keys from the migration alone
      assertEquals(1, m.migrate(fresh).size());
      assertEquals(List.of("film_id", "category_id"), primaryKey(fresh, "film_category"));
      assertEquals(List.of("payment_date", "payment_id"), primaryKey(fresh, "payment"));
      assertTrue(m.validate(fresh).isEmpty(), m.validate(fresh).toString());
    }
  }
}
