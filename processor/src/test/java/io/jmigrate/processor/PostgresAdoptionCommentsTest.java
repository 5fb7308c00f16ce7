package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.inspect.Inspection;
import io.jmigrate.testing.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column comments survive inspect, as AdventureWorks has them on nearly every column: on a {@code serial} inside a
 * composite key (which the model declares as a plain column) and, with {@code --jpa}, on a foreign-key column written
 * as a {@code @ManyToOne} (Hibernate's {@code @Comment} on the field, its join column's comment). Baseline and validate
 * accept the database right after inspect and the build.
 */
class PostgresAdoptionCommentsTest {
  @TempDir Path dir;

  // the key's columns in the order Hibernate gives an @IdClass's (by name), which --jpa cannot change
  static final String SCHEMA = """
      CREATE TABLE shop (id int PRIMARY KEY);
      CREATE TABLE line (header_id int, line_id serial, shop_id int NOT NULL REFERENCES shop, note text,
        PRIMARY KEY (header_id, line_id));
      COMMENT ON COLUMN line.line_id IS 'One incremental number per line.';
      COMMENT ON COLUMN line.shop_id IS 'Foreign key to shop.id';
      COMMENT ON COLUMN line.note IS 'as typed';
      """;

  @Test
  void modelsKeepTheComments() throws Exception {
    adopt(false);
  }

  @Test
  void entitiesKeepTheComments() throws Exception {
    String line = adopt(true);
    assertTrue(line.contains("  @Comment(\"Foreign key to shop.id\")\n  Shop shop;"), line);
  }

  private String adopt(boolean jpa) throws Exception {
    try (Connection db = Postgres.newDatabase()) {
      try (Statement s = db.createStatement()) {
        s.execute(SCHEMA);
      }
      Project p = new Project(dir.resolve("app"));
      Inspection inspection = Inspection.of(db, Set.of());
      inspection.write(p.src, "com.acme.model", jpa);
      inspection.writeUnmanaged(p.root.resolve("src/main/resources"), jpa);
      String line = Files.readString(p.src.resolve("com/acme/model/Line.java"));
      assertTrue(line.contains("One incremental number per line."), line);
      Migrator m = p.build("-Ajmigrate.dialects=postgresql").assertOk().migrator();
      m.baseline(db, 1);
      assertEquals(List.of(), m.validate(db).differences());
      return line;
    }
  }
}
