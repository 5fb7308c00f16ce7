package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.engine.Drift;
import io.jmigrate.engine.Migrator;
import io.jmigrate.inspect.Inspection;
import io.jmigrate.testing.Postgres;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting a PostgreSQL database shaped like the Pagila sample (a DVD rental store; the DDL below is written here,
 * after its documented schema, not copied): an enum type {@code mpaa_rating} whose labels are not Java names, a
 * domain {@code year} with a check, a {@code text[]} column, a {@code tsvector} column kept by a trigger and indexed
 * by GiST, {@code char(n)} columns, {@code json} and {@code jsonb}, {@code interval}, {@code inet}, a payment table
 * partitioned by month, functions, a view, rows in every table. inspect models every table, the real processor
 * builds V0001, baseline and validate accept the database with no drift, and a later model change (a column on the
 * film table and on the partitioned parent) migrates it with every object and row kept.
 */
class PostgresPagilaAdoptionTest {
  @TempDir Path dir;

  static final String SCHEMA = """
      CREATE TYPE mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');
      CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
      CREATE FUNCTION last_updated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.last_update := now(); RETURN NEW; END $$;
      CREATE FUNCTION last_day(timestamp with time zone) RETURNS date LANGUAGE sql IMMUTABLE STRICT AS $$
        SELECT (date_trunc('month', $1) + interval '1 month' - interval '1 day')::date $$;

      CREATE TABLE language (
        language_id serial PRIMARY KEY,
        name character(20) NOT NULL,
        last_update timestamp with time zone DEFAULT now() NOT NULL);
      CREATE TABLE actor (
        actor_id serial PRIMARY KEY,
        first_name text NOT NULL,
        last_name text NOT NULL,
        last_update timestamp with time zone DEFAULT now() NOT NULL);
      CREATE INDEX idx_actor_last_name ON actor (last_name);
      CREATE TABLE film (
        film_id serial PRIMARY KEY,
        title text NOT NULL,
        description text,
        release_year year,
        language_id integer NOT NULL REFERENCES language (language_id) ON UPDATE CASCADE ON DELETE RESTRICT,
        rental_duration smallint DEFAULT 3 NOT NULL,
        rental_rate numeric(4,2) DEFAULT 4.99 NOT NULL,
        length smallint,
        replacement_cost numeric(5,2) DEFAULT 19.99 NOT NULL,
        rating mpaa_rating DEFAULT 'G'::mpaa_rating,
        last_update timestamp with time zone DEFAULT now() NOT NULL,
        special_features text[],
        fulltext tsvector NOT NULL,
        loan_period interval DEFAULT '3 days'::interval,
        details json);
      CREATE INDEX film_fulltext_idx ON film USING gist (fulltext);
      CREATE INDEX idx_title ON film (title);
      CREATE TRIGGER film_fulltext_trigger BEFORE INSERT OR UPDATE ON film FOR EACH ROW
        EXECUTE FUNCTION tsvector_update_trigger(fulltext, 'pg_catalog.english', title, description);
      CREATE TRIGGER last_updated BEFORE UPDATE ON film FOR EACH ROW EXECUTE FUNCTION last_updated();
      CREATE TABLE film_actor (
        actor_id integer NOT NULL REFERENCES actor (actor_id) ON UPDATE CASCADE ON DELETE RESTRICT,
        film_id integer NOT NULL REFERENCES film (film_id) ON UPDATE CASCADE ON DELETE RESTRICT,
        last_update timestamp with time zone DEFAULT now() NOT NULL,
        PRIMARY KEY (actor_id, film_id));
      CREATE TABLE customer (
        customer_id serial PRIMARY KEY,
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text,
        country_code char(2),
        activebool boolean DEFAULT true NOT NULL,
        create_date date DEFAULT CURRENT_DATE NOT NULL,
        preferences jsonb,
        last_ip inet);
      CREATE TABLE payment (
        payment_id serial NOT NULL,
        customer_id integer NOT NULL REFERENCES customer (customer_id),
        film_id integer REFERENCES film (film_id),
        amount numeric(5,2) NOT NULL,
        payment_date timestamp with time zone NOT NULL,
        PRIMARY KEY (payment_date, payment_id)) PARTITION BY RANGE (payment_date);
      CREATE TABLE payment_p2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00');
      CREATE TABLE payment_p2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01 00:00:00+00') TO ('2022-03-01 00:00:00+00');
      CREATE TABLE payment_p2022_03 PARTITION OF payment FOR VALUES FROM ('2022-03-01 00:00:00+00') TO ('2022-04-01 00:00:00+00');
      CREATE VIEW actor_info AS
        SELECT a.actor_id, a.first_name, a.last_name, count(fa.film_id) AS films, string_agg(f.title, ', ' ORDER BY f.title) AS titles
        FROM actor a LEFT JOIN film_actor fa ON fa.actor_id = a.actor_id LEFT JOIN film f ON f.film_id = fa.film_id
        GROUP BY a.actor_id, a.first_name, a.last_name;

      INSERT INTO language (name) VALUES ('English'), ('Italian');
      INSERT INTO actor (first_name, last_name) VALUES ('PENELOPE', 'GUINESS'), ('NICK', 'WAHLBERG'), ('ED', 'CHASE');
      INSERT INTO film (title, description, release_year, language_id, rental_rate, length, rating, special_features, details)
        VALUES ('ACADEMY DINOSAUR', 'A Epic Drama of a Feminist And a Mad Scientist', 2006, 1, 0.99, 86, 'PG',
                '{Deleted Scenes,Behind the Scenes}', '{"b": 1, "a": 2}'),
               ('ACE GOLDFINGER', 'A Astounding Epistle of a Database Administrator', 2006, 1, 4.99, 48, 'G',
                '{Trailers}', NULL),
               ('ADAPTATION HOLES', 'A Astounding Reflection of a Lumberjack', 2007, 2, 2.99, 50, 'NC-17', NULL, NULL);
      INSERT INTO film_actor (actor_id, film_id) VALUES (1, 1), (2, 1), (2, 3), (3, 2);
      INSERT INTO customer (first_name, last_name, email, country_code, preferences, last_ip)
        VALUES ('MARY', 'SMITH', 'mary.smith@example.org', 'US', '{"genre": "drama"}', '192.168.0.1'),
               ('PATRICIA', 'JOHNSON', NULL, 'GB', NULL, NULL);
      INSERT INTO payment (customer_id, film_id, amount, payment_date) VALUES
        (1, 1, 2.99, '2022-01-24 21:40:19+00'), (1, 2, 0.99, '2022-02-10 10:00:00+00'),
        (2, 3, 5.99, '2022-03-01 12:30:00+00'), (2, 1, 9.99, '2022-03-31 23:59:00+00');
      """;

  /** Every object of the schema, with its rows where it has any: what must be there after each step. */
  static final String OBJECTS = """
      SELECT 'table ' || c.relname || ' ' || c.relkind || CASE WHEN c.relkind IN ('r', 'p', 'v')
        THEN ' rows ' || (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n FROM ' || quote_ident(c.relname),
          false, true, '')))[1]::text ELSE '' END
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'i', 'I') AND c.relname NOT LIKE 'jmigrate%'
      UNION ALL SELECT 'function ' || proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
      UNION ALL SELECT 'trigger ' || tgname || ' ' || tgrelid::regclass FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL SELECT 'type ' || t.typname || ' ' || t.typtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd')
      UNION ALL SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname NOT LIKE 'jmigrate%'
      ORDER BY 1
      """;

  /** Each column of each table (not the partitions): its type, nullability and default, but a sequence's. */
  static final String COLUMNS = """
      SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
        || coalesce(' default ' || nullif(pg_get_expr(d.adbin, d.adrelid), '') , '')
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        AND pg_get_expr(d.adbin, d.adrelid) NOT LIKE 'nextval(%'
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0
        AND NOT a.attisdropped AND c.relname NOT LIKE 'jmigrate%'
      ORDER BY 1
      """;

  /** The rows of every table, as text. */
  static final String ROWS = """
      SELECT 'film ' || film_id || ' ' || title || ' ' || coalesce(release_year::text, '-') || ' ' || coalesce(rating::text, '-')
        || ' ' || coalesce(special_features::text, '-') || ' ' || fulltext::text || ' ' || coalesce(loan_period::text, '-')
        || ' ' || coalesce(details::text, '-') FROM film
      UNION ALL SELECT 'language ' || language_id || ' [' || name || ']' FROM language
      UNION ALL SELECT 'actor ' || actor_id || ' ' || first_name || ' ' || last_name FROM actor
      UNION ALL SELECT 'film_actor ' || actor_id || ' ' || film_id FROM film_actor
      UNION ALL SELECT 'customer ' || customer_id || ' ' || country_code || ' ' || coalesce(preferences::text, '-')
        || ' ' || coalesce(host(last_ip), '-') FROM customer
      UNION ALL SELECT 'payment ' || tableoid::regclass || ' ' || payment_id || ' ' || amount || ' ' || payment_date FROM payment
      ORDER BY 1
      """;

  @Test
  void inspectBuildBaselineValidateThenAModelChangeMigratesKeepingEverything() throws Exception {
    try (Connection db = Postgres.newDatabase()) {
      exec(db, "SET TIME ZONE 'UTC'");
      exec(db, SCHEMA);
      List<String> objects = strings(db, OBJECTS);
      List<String> rows = strings(db, ROWS);
      assertTrue(objects.contains("table payment_p2022_03 r rows 2") && objects.contains("type year d")
          && objects.contains("type mpaa_rating e") && objects.contains("table actor_info v rows 3"), objects.toString());
      assertTrue(rows.contains("film 1 ACADEMY DINOSAUR 2006 PG {\"Deleted Scenes\",\"Behind the Scenes\"} 'academi':1"
          + " 'dinosaur':2 'drama':5 'epic':4 'feminist':8 'mad':11 'scientist':12 3 days {\"b\": 1, \"a\": 2}"), rows.toString());

      Project p = new Project(dir.resolve("app"));
      Inspection inspection = Inspection.of(db, Set.of());
      String report = inspection.report();
      assertEquals(List.of("actor", "customer", "film", "film_actor", "language", "payment"), inspection.tables(), report);
      for (String expected : List.of(
          "column film.release_year: of the type year (no jmigrate type): modelled as @Column(sqlType = \"year\")",
          "column film.rating: of the type mpaa_rating (the enum type mpaa_rating is one whose label 'PG-13' is not a Java"
              + " name",
          "column film.fulltext: of the type tsvector (no jmigrate type)",
          "column film.loan_period: of the type interval (no jmigrate type)",
          "column film.details: of the type json (no jmigrate type)",
          "column customer.last_ip: of the type inet (no jmigrate type)",
          "index film_fulltext_idx: left out: its definition (CREATE INDEX film_fulltext_idx ON public.film USING gist"
              + " (fulltext)) has no model form",
          "3 partitions of payment (payment_p2022_01 … payment_p2022_03): left out: they hold its rows",
          "view actor_info: left out", "trigger film.film_fulltext_trigger",
          "function last_updated()", "domain year", "enum type mpaa_rating")) {
        assertTrue(report.contains(expected), "missing \"" + expected + "\" in:\n" + report);
      }
      assertFalse(report.contains("left out, with everything on it"), "no table is left out whole:\n" + report);
      assertFalse(report.contains("partition payment_p2022_02"), "the partitions are one line:\n" + report);

      inspection.write(p.src, "com.acme.model");
      String film = Files.readString(p.src.resolve("com/acme/model/Film.java"));
      for (String field : List.of("  @Column(sqlType = \"year\")\n  String releaseYear; // year",
          "  @Column(sqlType = \"mpaa_rating\", defaultSql = \"'G'::mpaa_rating\")\n  String rating; // mpaa_rating",
          "  String[] specialFeatures; // _text",
          "  @Column(nullable = false, sqlType = \"tsvector\")\n  String fulltext; // tsvector",
          "  @Column(sqlType = \"interval\", defaultSql = \"'3 days'::interval\")\n  String loanPeriod; // interval",
          "  @Column(sqlType = \"json\")\n  String details; // json")) {
        assertTrue(film.contains(field), "missing\n" + field + "\nin:\n" + film);
      }
      String language = Files.readString(p.src.resolve("com/acme/model/Language.java"));
      assertTrue(language.contains("  @Column(nullable = false, length = 20, fixed = true)\n  String name; // bpchar"),
          language);
      String customer = Files.readString(p.src.resolve("com/acme/model/Customer.java"));
      assertTrue(customer.contains("  @Column(length = 2, fixed = true)\n  String countryCode; // bpchar")
          && customer.contains("  @Json\n  String preferences; // jsonb"), customer);

      Path resources = p.root.resolve("src/main/resources");
      String declared = Files.readString(inspection.writeUnmanaged(resources));
      for (String line : List.of("enum type mpaa_rating", "domain year", "function last_updated()",
          "function last_day(timestamp with time zone)", "trigger film.film_fulltext_trigger", "trigger film.last_updated",
          "view actor_info", "partition payment_p2022_01", "partition payment_p2022_02", "partition payment_p2022_03",
          "index film_fulltext_idx")) {
        assertTrue(declared.contains("\n" + line + "\n"), line + " in:\n" + declared);
      }
      assertFalse(declared.contains("\ntable "), "no table is left to the database:\n" + declared);

      Project.Result first = p.build().assertOk();
      String v1 = String.join("\n", p.migrations("com.acme.migrations").values());
      assertTrue(v1.contains("column(\"fulltext\", NATIVE).sqlType(\"tsvector\").notNull()")
          && v1.contains("column(\"release_year\", NATIVE).sqlType(\"year\")")
          && v1.contains("column(\"special_features\", STRING_ARRAY)"), v1);
      assertTrue(p.snapshotText().contains("\"type\": \"NATIVE\", \"sqlType\": \"mpaa_rating\""), p.snapshotText());
      Unmanaged onClassPath = Unmanaged.find(new URLClassLoader(new URL[] {resources.toUri().toURL()}, null));
      Migrator m = first.migrator().withUnmanaged(onClassPath);
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift.toString());
      assertEquals(List.of(), m.migrate(db));
      assertEquals(objects, strings(db, OBJECTS), "baseline changed nothing");

      // What inspect wrote, built, is the database: V0001 on a new database (with the types the database keeps)
      // makes every column of every table with the same type, nullability and default (serials aside: jmigrate
      // makes an identity, and payment's key is a plain column there).
      try (Connection fresh = Postgres.newDatabase()) {
        exec(fresh, SCHEMA.substring(0, SCHEMA.indexOf("CREATE FUNCTION last_updated()")));
        assertEquals(1, m.migrate(fresh).size());
        List<String> columns = strings(db, COLUMNS);
        assertTrue(columns.containsAll(List.of("film.fulltext tsvector not null", "film.release_year year",
            "film.rating mpaa_rating default 'G'::mpaa_rating", "film.special_features text[]", "language.name character(20)"
            + " not null", "film.details json", "customer.preferences jsonb", "film.loan_period interval default '3 days'::interval",
            "payment.payment_id integer not null")) && columns.size() == 3 + 4 + 15 + 3 + 9 + 5, columns.size() + " " + columns);
        assertEquals(columns, strings(fresh, COLUMNS));
        Drift freshDrift = m.validate(fresh);
        assertTrue(freshDrift.isEmpty(), freshDrift.toString());
      }

      // A later model change: a column on the film table (the one with the array, domain and tsvector columns) and
      // one on the partitioned parent.
      p.edit("com/acme/model/Film.java", "\n}", "\n\n  @io.jmigrate.Column(defaultValue = \"false\")\n  boolean restricted;\n}");
      p.edit("com/acme/model/Payment.java", "\n}", "\n\n  String note;\n}");
      Project.Result second = p.build().assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("addColumn(\"film\", column(\"restricted\", BOOLEAN).notNull().defaultValue(\"false\"))")
          && v2.contains("addColumn(\"payment\", column(\"note\", STRING))"), v2);
      Migrator m2 = second.migrator().withUnmanaged(onClassPath);
      assertEquals(1, m2.migrate(db).size());
      Drift after = m2.validate(db);
      assertTrue(after.isEmpty(), after.toString());

      List<String> expected = new ArrayList<>(objects);
      expected.add("column film.restricted boolean not null");
      for (String partition : List.of("payment", "payment_p2022_01", "payment_p2022_02", "payment_p2022_03")) {
        expected.add("column " + partition + ".note text");
      }
      expected.sort(null);
      assertEquals(expected, strings(db, OBJECTS), "every object kept, the partitions got the column");
      assertEquals(rows, strings(db, ROWS), "every row kept");

      // The database's objects still work on the migrated tables: the trigger fills the tsvector, the domain checks.
      exec(db, "INSERT INTO film (title, description, release_year, language_id) VALUES ('AFRICAN EGG', 'A Fast-Paced"
          + " Documentary', 2006, 1)");
      assertEquals(List.of("true false"), strings(db, "SELECT (fulltext = to_tsvector('pg_catalog.english', title || ' '"
          + " || description) AND fulltext @@ to_tsquery('english', 'egg & documentary'))::text || ' ' || restricted"
          + " FROM film WHERE title = 'AFRICAN EGG'"));
      assertTrue(assertThrowsSql(db, "UPDATE film SET release_year = 1800 WHERE film_id = 1").contains("year_check"));
      assertEquals(List.of("2 2 ACADEMY DINOSAUR, ADAPTATION HOLES"),
          strings(db, "SELECT actor_id || ' ' || films || ' ' || titles FROM actor_info WHERE actor_id = 2"));
      assertEquals(List.of("2022-03-31"), strings(db, "SELECT last_day(payment_date)::text FROM payment WHERE payment_id = 4"));
    }
  }

  private static String assertThrowsSql(Connection db, String sql) {
    return org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> exec(db, sql)).getMessage();
  }
}
