package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import io.jmigrate.schema.TableDefinition;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Sql;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text comparison on MariaDB as Hibernate 7 makes it: its {@code create table … engine=InnoDB} names no
 * collation, so a table gets the database's default (here utf8mb4_unicode_ci, not the character set's own
 * default, so that "the database's" is what is tested), where uniqueness ignores case and accents. A JPA
 * entity's tables follow it; an earlier jmigrate made them utf8mb4_bin, and the next build converts them,
 * after checking that no unique key would then hold two equal values.
 */
class CollationTest {
  private static final String DATABASE_DEFAULT = "utf8mb4_unicode_ci";

  @Test
  void tablesAreCollatedAsHibernatesIncludingTheirKeys(@TempDir Path dir) throws Exception {
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/collation")));
    EntityProject.Build build = project.build().assertOk();
    String hibernateUrl = MariaDb.newDatabaseUrl(DATABASE_DEFAULT);
    String jmigrateUrl = MariaDb.newDatabaseUrl(DATABASE_DEFAULT);
    build.exportAndMigrate(Target.MARIADB, hibernateUrl, jmigrateUrl);
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      assertEquals(collations(h), collations(j));
      assertTrue(collations(j).contains("table member " + DATABASE_DEFAULT), collations(j));
      assertEquals(KnownDifferences.accept(Target.MARIADB, Catalog.read(h, Target.MARIADB), Catalog.read(j, Target.MARIADB)),
          Catalog.read(j, Target.MARIADB));
      for (Connection c : List.of(h, j)) { // the same meaning of unique in both
        try (Statement s = c.createStatement()) {
          s.execute("INSERT INTO member (email, name) VALUES ('Alice@example.com', 'a')");
          SQLException e = assertThrows(SQLException.class,
              () -> s.execute("INSERT INTO member (email, name) VALUES ('alice@EXAMPLE.com', 'b')"));
          assertTrue(e.getMessage().contains("Duplicate entry"), e.getMessage());
        }
      }
    }
  }

  @Test
  void tablesMadeExactBeforeAreConvertedKeepingTheirRows(@TempDir Path dir) throws Exception {
    EntityProject.Build build = upgradedProject(dir);
    try (URLClassLoader loader = build.loader();
        Connection c = DriverManager.getConnection(MariaDb.newDatabaseUrl(DATABASE_DEFAULT))) {
      List<Migration> all = MigrationIndex.load(loader.findResource(MigrationIndex.RESOURCE), loader);
      assertEquals(2, all.size(), "the next build converts the tables");
      Migrator before = new Migrator(all.subList(0, 1));
      before.migrate(c);
      assertTrue(collations(c).contains("table member utf8mb4_bin"), collations(c));
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO team (code, title) VALUES ('red', 'Red'), ('blue', 'Blue')");
        s.execute("INSERT INTO member (email, name, team_code) VALUES ('Alice@example.com', 'Ällo', 'red'),"
            + " ('bob@example.com', 'Bob', 'blue')");
      }
      assertEquals(List.of(), before.validate(c).differences(), "a database made earlier still validates");
      Migrator after = new Migrator(all);
      after.migrate(c);
      assertEquals(List.of(), after.validate(c).differences());
      assertTrue(collations(c).contains("table member " + DATABASE_DEFAULT), collations(c));
      assertTrue(collations(c).contains("column member.email " + DATABASE_DEFAULT), collations(c));
      assertTrue(collations(c).contains("column member.team_code " + DATABASE_DEFAULT), collations(c));
      assertEquals(List.of("Alice@example.com Ällo red", "bob@example.com Bob blue"),
          Sql.strings(c, "SELECT CONCAT(email, ' ', name, ' ', team_code) FROM member ORDER BY id"));
      assertEquals(1, Sql.strings(c, "SELECT id FROM member WHERE email = 'ALICE@example.com'").size(),
          "compared as Hibernate's tables compare");
      try (Statement s = c.createStatement()) {
        assertThrows(SQLException.class, () -> s.execute("INSERT INTO member (email) VALUES ('alice@example.com')"));
        assertThrows(SQLException.class, () -> s.execute("INSERT INTO member (email, team_code) VALUES ('c@x', 'green')"),
            "the foreign key over text came back");
      }
      after.migrateTo(c, 1); // and back: exact again
      assertTrue(collations(c).contains("table member utf8mb4_bin"), collations(c));
      assertEquals(List.of(), before.validate(c).differences());
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE team COLLATE utf8mb4_general_ci"); // by hand
      }
      // (its columns, left as they were, now differ from the table's default: validate names them too)
      assertTrue(before.validate(c).differences().contains(
          "table team has the collation utf8mb4_general_ci but the migrations make it utf8mb4_bin"));
      after.migrate(c);
      assertEquals(List.of(), after.validate(c).differences());
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE member COLLATE utf8mb4_bin"); // by hand
      }
      assertTrue(after.validate(c).differences().contains("table member has the collation utf8mb4_bin but the"
          + " migrations make it " + DATABASE_DEFAULT + " (the database's default)"));
    }
  }

  /**
   * Target dialects without {@code mariadb} record no collation (none of them keeps one), so a migration built for
   * them and run on MariaDB anyway makes the tables utf8mb4_bin, as a {@code @Table} model's, and validates there;
   * naming {@code mariadb} among the targets then writes the migration that converts them to Hibernate's.
   */
  @Test
  void withoutMariaDbAmongTheTargetsNoCollationIsRecordedAndMariaDbMakesThemExact(@TempDir Path dir)
      throws Exception {
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/collation")));
    EntityProject.Build postgres = project.build("-Ajmigrate.dialects=postgresql").assertOk();
    String url = MariaDb.newDatabaseUrl(DATABASE_DEFAULT);
    try (URLClassLoader loader = postgres.loader(); Connection c = DriverManager.getConnection(url)) {
      List<Migration> all = MigrationIndex.load(loader.findResource(MigrationIndex.RESOURCE), loader);
      assertEquals(1, all.size());
      assertTrue(all.get(0).applyTo(Schema.empty()).tables().stream().allMatch(t -> t.collation() == null));
      postgres.migrator(loader).migrate(c);
      assertTrue(collations(c).contains("table member utf8mb4_bin"), collations(c));
      assertEquals(List.of(), postgres.migrator(loader).validate(c).differences());
    }
    EntityProject.Build withMariaDb = project.build("-Ajmigrate.dialects=postgresql,mariadb").assertOk();
    try (URLClassLoader loader = withMariaDb.loader(); Connection c = DriverManager.getConnection(url)) {
      List<Migration> all = MigrationIndex.load(loader.findResource(MigrationIndex.RESOURCE), loader);
      assertEquals(2, all.size(), "naming mariadb converts the tables");
      withMariaDb.migrator(loader).migrate(c);
      assertTrue(collations(c).contains("table member " + DATABASE_DEFAULT), collations(c));
      assertEquals(List.of(), withMariaDb.migrator(loader).validate(c).differences());
    }
  }

  @Test
  void valuesEqualOnlyUnderTheNewCollationStopItBeforeAnythingChanges(@TempDir Path dir) throws Exception {
    EntityProject.Build build = upgradedProject(dir);
    try (URLClassLoader loader = build.loader();
        Connection c = DriverManager.getConnection(MariaDb.newDatabaseUrl(DATABASE_DEFAULT))) {
      List<Migration> all = MigrationIndex.load(loader.findResource(MigrationIndex.RESOURCE), loader);
      new Migrator(all.subList(0, 1)).migrate(c);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO team (code, title) VALUES ('red', 'Red')");
        s.execute("INSERT INTO member (email, name, team_code) VALUES ('Alice@example.com', 'a', 'red'),"
            + " ('alice@example.com', 'b', 'red'), ('émile@example.com', 'c', NULL), ('emile@example.com', 'd', NULL)");
      }
      String catalog = MariaDb.catalog(c);
      MigrationException e = assertThrows(MigrationException.class, () -> new Migrator(all).migrate(c));
      assertTrue(e.getMessage().contains("2 value(s) of member (email) would be equal to another under the collation "
          + DATABASE_DEFAULT), e.getMessage());
      assertTrue(e.getMessage().contains("'Alice@example.com' and 'alice@example.com'"), e.getMessage());
      assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
      assertTrue(!e.getMessage().contains("reverted"), "checked before the first step: " + e.getMessage());
      assertEquals(catalog, MariaDb.catalog(c), "no foreign key dropped, no table converted");
      assertEquals(4, Sql.strings(c, "SELECT id FROM member").size());
      assertEquals(List.of(), new Migrator(all.subList(0, 1)).validate(c).differences());
    }
  }

  /** The project built once by this jmigrate, its files then made as an earlier one wrote them (no collation), and built again. */
  private static EntityProject.Build upgradedProject(Path dir) throws Exception {
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/collation")));
    EntityProject.Build first = project.build().assertOk();
    String fingerprint;
    String oldFingerprint;
    try (URLClassLoader loader = first.loader()) {
      Schema now = MigrationIndex.load(loader.findResource(MigrationIndex.RESOURCE), loader).get(0).applyTo(Schema.empty());
      Schema old = now;
      for (TableDefinition t : now.tables()) {
        old = old.with(t.collation(null));
      }
      fingerprint = SchemaFingerprint.of(now);
      oldFingerprint = SchemaFingerprint.of(old);
    }
    List<Path> generated;
    try (Stream<Path> files = Files.walk(project.root)) {
      generated = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("migrations")
          || f.getFileName().toString().equals("schema.json")).toList();
    }
    for (Path f : generated) { // as the earlier jmigrate wrote them
      String text = Files.readString(f);
      String earlier = text.replace("\n            .collation(\"database\")", "").replace(".collation(\"database\")", "")
          .replace(",\n      \"collation\": \"database\"", "").replace(fingerprint, oldFingerprint);
      if (text.contains("collation")) {
        assertTrue(!earlier.contains("collation"), "no collation left in " + f + ":\n" + earlier);
      }
      Files.writeString(f, earlier);
    }
    return project.build().assertOk();
  }

  /** Each table's and text column's collation, one line each, sorted. */
  private static String collations(Connection c) throws SQLException {
    StringBuilder s = new StringBuilder();
    for (String row : Sql.strings(c, "SELECT CONCAT('table ', table_name, ' ', table_collation) FROM information_schema.tables"
        + " WHERE table_schema = DATABASE() AND table_name <> 'jmigrate_history' ORDER BY 1")) {
      s.append(row).append('\n');
    }
    for (String row : Sql.strings(c, "SELECT CONCAT('column ', table_name, '.', column_name, ' ', collation_name)"
        + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name <> 'jmigrate_history'"
        + " AND collation_name IS NOT NULL ORDER BY 1")) {
      s.append(row).append('\n');
    }
    return s.toString();
  }
}
