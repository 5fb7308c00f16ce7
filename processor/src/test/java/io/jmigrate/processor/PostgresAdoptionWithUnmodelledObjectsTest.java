package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.engine.Drift;
import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.inspect.Inspection;
import io.jmigrate.testing.Postgres;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting a PostgreSQL database with objects jmigrate does not model (a view, a function, a trigger,
 * an enum type, a domain, a table using both (modelled: the enum type as a Java enum, the domain column with
 * {@code @Column(sqlType)}), a partitioned table with its partitions, a foreign key of two columns to it): inspect writes
 * the models and the unmanaged declaration; the real processor builds V0001; baseline and validate
 * accept the database as it is; a model change (a column on a plain table and on the partitioned
 * parent) migrates it and every object and row is still there; an index on the partitioned parent,
 * which PostgreSQL cannot build CONCURRENTLY there, is refused before anything changes.
 */
class PostgresAdoptionWithUnmodelledObjectsTest {
  @TempDir Path dir;

  static final String SCHEMA = """
      CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
      CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
      CREATE TABLE customer (id serial PRIMARY KEY, name varchar(80) NOT NULL, email text);
      CREATE TABLE feeling (id int PRIMARY KEY, customer_id int REFERENCES customer (id), m mood NOT NULL, level posint);
      CREATE TABLE measurement (id int NOT NULL, at date NOT NULL, customer_id int REFERENCES customer (id),
        amount numeric(10,2), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
      CREATE TABLE measurement_2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TABLE measurement_2025 PARTITION OF measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE TABLE reading (id int PRIMARY KEY, m_id int, m_at date, FOREIGN KEY (m_id, m_at) REFERENCES measurement (id, at));
      CREATE VIEW customer_names AS SELECT id, name FROM customer;
      CREATE FUNCTION trim_name() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := trim(NEW.name); RETURN NEW; END $$;
      CREATE TRIGGER customer_trim BEFORE INSERT OR UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION trim_name();
      INSERT INTO customer (name, email) VALUES ('ada', 'a@example.com'), ('bob', NULL);
      INSERT INTO feeling VALUES (1, 1, 'happy', 3);
      INSERT INTO measurement VALUES (1, '2024-05-01', 1, 1.50), (2, '2025-02-01', 2, 2.50);
      INSERT INTO reading VALUES (1, 1, '2024-05-01');
      """;

  /** Every object of the schema, with its rows where it has any: what must be there after each step. */
  static final String OBJECTS = """
      SELECT 'table ' || c.relname || ' ' || c.relkind || CASE WHEN c.relkind IN ('r', 'p', 'v')
        THEN ' rows ' || (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n FROM ' || quote_ident(c.relname),
          false, true, '')))[1]::text ELSE '' END
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v') AND c.relname NOT LIKE 'jmigrate%'
      UNION ALL SELECT 'function ' || proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
      UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL SELECT 'type ' || t.typname || ' ' || t.typtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd')
      ORDER BY 1
      """;

  @Test
  void inspectBuildBaselineValidateThenAModelChangeMigratesKeepingEverything() throws Exception {
    try (Connection db = Postgres.newDatabase()) {
      exec(db, SCHEMA);
      List<String> before = strings(db, OBJECTS);
      assertTrue(before.contains("table measurement_2024 r rows 1") && before.contains("type mood e"), before.toString());

      Project p = new Project(dir.resolve("app"));
      Inspection inspection = Inspection.of(db, Set.of());
      assertEquals(List.of("customer", "feeling", "measurement", "reading"), inspection.tables(), inspection.report());
      assertTrue(inspection.report().contains("column feeling.level: of the type posint (no jmigrate type): modelled as"
          + " @Column(sqlType = \"posint\")"), inspection.report());
      inspection.write(p.src, "com.acme.model");
      Path resources = p.root.resolve("src/main/resources");
      Path declaration = inspection.writeUnmanaged(resources);
      String declared = Files.readString(declaration);
      for (String line : List.of("view customer_names", "function trim_name()", "trigger customer.customer_trim",
          "domain posint", "partition measurement_2024", "partition measurement_2025",
          "foreign key reading.(m_id, m_at)->measurement.(id, at)")) {
        assertTrue(declared.contains("\n" + line + "\n"), line + " in:\n" + declared);
      }

      Project.Result first = p.build().assertOk();
      assertEquals(1, p.migrations("com.acme.migrations").size());
      Migrator undeclared = first.migrator();
      assertTrue(!undeclared.validate(db).isEmpty(), "without the declaration the partitions are drift");
      // As Runtime.migrator() does: the declaration is read from the class path.
      Unmanaged onClassPath = Unmanaged.find(new URLClassLoader(new URL[] {resources.toUri().toURL()}, null));
      Migrator m = undeclared.withUnmanaged(onClassPath);
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift.toString());
      assertEquals(List.of(), m.migrate(db));
      assertEquals(before, strings(db, OBJECTS), "baseline changed nothing");

      // A model change: a new column on a plain table and one on the partitioned parent.
      p.edit("com/acme/model/Customer.java", "\n}", "\n\n  String note;\n}");
      p.edit("com/acme/model/Measurement.java", "\n}", "\n\n  String unit;\n}");
      Project.Result second = p.build().assertOk();
      Migrator m2 = second.migrator().withUnmanaged(onClassPath);
      assertEquals(1, m2.migrate(db).size());
      Drift after = m2.validate(db);
      assertTrue(after.isEmpty(), after.toString());
      assertEquals(before, strings(db, OBJECTS), "every object and row kept");
      assertEquals(List.of("1", "2"), strings(db, "SELECT id || '' FROM measurement_2024 WHERE unit IS NULL UNION ALL"
          + " SELECT id || '' FROM measurement_2025 WHERE unit IS NULL ORDER BY 1"), "the partitions got the column");

      // An index on the partitioned parent: PostgreSQL refuses CONCURRENTLY there, so it is refused first.
      p.edit("com/acme/model/Measurement.java", "public class Measurement",
          "@io.jmigrate.Index(columns = \"amount\")\npublic class Measurement");
      Project.Result third = p.build().assertOk();
      Migrator m3 = third.migrator().withUnmanaged(onClassPath);
      // The preview against the database says so at the migration, as migrate refuses it.
      String preview = String.join("\n", m3.sql(db));
      assertTrue(preview.contains("-- migrate refuses this migration before its first statement: V0003")
          && preview.contains("on the partitioned table measurement, which PostgreSQL refuses"), preview);
      MigrationException e = assertThrows(MigrationException.class, () -> m3.migrate(db));
      assertTrue(e.getMessage().contains("on the partitioned table measurement, which PostgreSQL refuses")
          && e.getMessage().contains("Nothing was changed"), e.getMessage());
      assertEquals(2, m3.validate(db).version(), "still at version 2");
      assertEquals(before, strings(db, OBJECTS));
    }
  }

  /**
   * Primary keys whose columns are not in the table's column order: a partitioned table's key leading with its
   * partition column, declared last, and a plain table's key of two columns the other way round. inspect writes
   * the key's fields in the key's order, so baseline and validate accept the database and a later change
   * migrates it with every row kept.
   */
  @Test
  void keysInAnotherOrderThanTheColumnsAreAdopted() throws Exception {
    try (Connection db = Postgres.newDatabase()) {
      exec(db, """
          CREATE TABLE visit_log (id int NOT NULL, page text, seen_on date NOT NULL, PRIMARY KEY (seen_on, id))
            PARTITION BY RANGE (seen_on);
          CREATE TABLE visit_log_2024 PARTITION OF visit_log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
          CREATE TABLE enrolment (student int NOT NULL, course int NOT NULL, grade smallint, PRIMARY KEY (course, student));
          INSERT INTO visit_log VALUES (1, '/a', '2024-03-01'), (2, '/b', '2024-04-01');
          INSERT INTO enrolment VALUES (7, 1, 5), (8, 1, NULL);
          """);
      Project p = new Project(dir.resolve("app"));
      Inspection inspection = Inspection.of(db, Set.of());
      assertEquals(List.of("enrolment", "visit_log"), inspection.tables(), inspection.report());
      inspection.write(p.src, "com.acme.model");
      Path resources = p.root.resolve("src/main/resources");
      inspection.writeUnmanaged(resources);
      Unmanaged declared = Unmanaged.find(new URLClassLoader(new URL[] {resources.toUri().toURL()}, null));
      Migrator m = p.build().assertOk().migrator().withUnmanaged(declared);
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift.toString());

      p.edit("com/acme/model/VisitLog.java", "\n}", "\n\n  String referrer;\n}");
      p.edit("com/acme/model/Enrolment.java", "\n}", "\n\n  String note;\n}");
      Migrator m2 = p.build().assertOk().migrator().withUnmanaged(declared);
      assertEquals(1, m2.migrate(db).size());
      Drift after = m2.validate(db);
      assertTrue(after.isEmpty(), after.toString());
      assertEquals(List.of("1 /a 2024-03-01", "2 /b 2024-04-01"),
          strings(db, "SELECT id || ' ' || page || ' ' || seen_on FROM visit_log_2024 WHERE referrer IS NULL ORDER BY id"));
      assertEquals(List.of("1 7 5", "1 8 -"),
          strings(db, "SELECT course || ' ' || student || ' ' || coalesce(grade::text, '-') FROM enrolment ORDER BY student"));
      assertEquals(List.of("seen_on", "id"), strings(db, "SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid ="
          + " i.indrelid JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(n, o) ON true JOIN pg_attribute a ON"
          + " a.attrelid = c.oid AND a.attnum = k.n WHERE c.relname = 'visit_log' AND i.indisprimary ORDER BY k.o"));
    }
  }
}
