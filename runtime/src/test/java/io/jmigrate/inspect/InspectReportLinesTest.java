package io.jmigrate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lines of inspect's report that a trial on real sample databases found noisy or unclear: a partitioned table's
 * partitions are one line (each still declared), a SQLite table whose checks are all named (and so modelled) is not
 * reported for its checks, and a foreign key to a table in another schema says so.
 */
class InspectReportLinesTest {
  @TempDir Path dir;

  @Test
  void partitionsAreOneLineAndACrossSchemaKeyNamesTheSchemaOnPostgres() throws Exception {
    try (Connection db = Postgres.newDatabase()) {
      for (String sql : List.of(
          "CREATE TABLE payment (payment_id int NOT NULL, payment_date date NOT NULL, amount numeric(5,2),"
              + " PRIMARY KEY (payment_date, payment_id)) PARTITION BY RANGE (payment_date)",
          "CREATE TABLE payment_p2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')",
          "CREATE TABLE payment_p2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01') TO ('2022-03-01')",
          "CREATE TABLE payment_p2022_03 PARTITION OF payment FOR VALUES FROM ('2022-03-01') TO ('2022-04-01')",
          "CREATE TABLE lone (id int NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
          "CREATE TABLE lone_all PARTITION OF lone FOR VALUES FROM (MINVALUE) TO (MAXVALUE)",
          "CREATE SCHEMA person",
          "CREATE TABLE person.person (id int PRIMARY KEY)",
          "CREATE TABLE customer (id int PRIMARY KEY, person_id int REFERENCES person.person (id))")) {
        Sql.exec(db, sql);
      }
      Inspection inspection = Inspection.of(db, Set.of());
      String report = inspection.report();
      assertTrue(report.contains("  - 3 partitions of payment (payment_p2022_01 … payment_p2022_03): left out: they hold"
          + " its rows; partitioning has no model form, and no migration touches them"), report);
      assertFalse(report.contains("partition payment_p2022_02"), report);
      assertTrue(report.contains("  - partition lone_all: left out: a partition of lone, which holds its rows"), report);
      for (String partition : List.of("payment_p2022_01", "payment_p2022_02", "payment_p2022_03", "lone_all")) {
        assertTrue(inspection.unmanaged().declares("partition " + partition), partition + " is declared one by one");
      }
      assertTrue(report.contains("foreign key customer customer_person_id_fkey (person_id) -> person: left out: it"
          + " references person.person, a table in another schema, which jmigrate does not manage"), report);
      assertFalse(report.contains("not selected"), report);
    }
  }

  @Test
  void aSqliteTableWithOnlyNamedChecksIsNotReportedForThem() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sakila.db"))) {
      Sql.exec(db, "CREATE TABLE film (film_id INTEGER PRIMARY KEY, rating VARCHAR(10) DEFAULT 'G',"
          + " special_features VARCHAR(100), CONSTRAINT CHECK_special_features CHECK (special_features IS NULL"
          + " OR special_features <> ''), CONSTRAINT CHECK_special_rating CHECK (rating IN ('G','PG','R')))");
      Sql.exec(db, "CREATE TABLE badge (id INTEGER PRIMARY KEY, level INTEGER CHECK (level > 0))");
      Inspection inspection = Inspection.of(db, Set.of());
      String report = inspection.report();
      assertFalse(report.contains("check constraint"), report);
      assertFalse(report.substring(report.indexOf('\n')).contains("film"), "both of film's checks are modelled:\n" + report);
      assertEquals(2, inspection.inspected().stream().filter(t -> t.table().name().equals("film")).findFirst()
          .orElseThrow().table().checks().size());
      // A column's check has no model form: reported (and declared) as the column's.
      assertTrue(report.contains("column badge.level: kept by the database, not in the model: check (CHECK (level > 0))"),
          report);
    }
  }
}
