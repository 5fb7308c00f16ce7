package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hibernate's {@code @GeneratedColumn} (src/test/resources/mappings/generated): the columns of Hibernate's own export
 * on every database, over two builds (the second adds a generated column to a table with rows); and on PostgreSQL,
 * H2 and MariaDB, columns the database computes in both schemas, stored alike where the catalog says it (MariaDB),
 * with the values computed, validate finding no drift and Hibernate's validate passing.
 */
class GeneratedColumnTest {
  @Test
  void generatedColumnsAreHibernates(@TempDir Path dir) throws Exception {
    SchemaComparison generated = new SchemaComparison(dir, SchemaComparison.all());
    generated.step("mappings/generated");
    generated.step("mappings/generated2");
    generated.assertNoProblems();
  }

  /**
   * A primitive's generated column (mappings/generatednotnull): NOT NULL where Hibernate writes it, built for each
   * database as its only target (Hibernate 7 writes it on H2 and SQLite only; 6.6 everywhere, with no target named).
   */
  @Test
  void aPrimitivesNotNullIsHibernatesOnEachDatabase(@TempDir Path dir) throws Exception {
    for (Target target : SchemaComparison.all()) {
      SchemaComparison basket = new SchemaComparison(dir.resolve(target.name()), java.util.Set.of(target));
      basket.step(List.of("mappings/generatednotnull"), Map.of(), Hibernate.major() >= 7
          ? "-Ajmigrate.dialects=" + target.name().toLowerCase(java.util.Locale.ROOT) : "-Ajmigrate.naming=snake_case");
      basket.assertNoProblems();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"POSTGRESQL", "H2", "MARIADB"})
  void theDatabaseComputesThemAsInHibernatesExport(Target target, @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(SchemaComparison.all().contains(target), "not a target of this run (-Djpa.targets)");
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/generated")));
    EntityProject.Build build = project.build().assertOk();
    assertEquals(List.of(), build.warningsAbout("GeneratedColumn"), "@GeneratedColumn is read, not warned about");
    String hibernateUrl = target.newDatabaseUrl(dir);
    String jmigrateUrl = target.newDatabaseUrl(dir);
    build.exportAndMigrate(target, hibernateUrl, jmigrateUrl);
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      String stored = target == Target.MARIADB ? "STORED GENERATED" : "generated";
      assertEquals(Map.of("shout", stored, "total", stored), generation(h, target), "Hibernate's export");
      assertEquals(generation(h, target), generation(j, target));
      for (Connection c : List.of(h, j)) {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("insert into order_line (id, price, quantity, name) values (1, 3, 4, 'ann')");
          try (ResultSet rs = s.executeQuery("select total, shout from order_line")) {
            rs.next();
            assertEquals(12, rs.getInt(1));
            assertEquals("ANN", rs.getString(2));
          }
        }
      }
    }
  }

  /** The generated columns of order_line: MariaDB's EXTRA (its storage), elsewhere JDBC's IS_GENERATEDCOLUMN. */
  private static Map<String, String> generation(Connection c, Target target) throws Exception {
    Map<String, String> out = new TreeMap<>();
    if (target == Target.MARIADB) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select column_name, extra from"
          + " information_schema.columns where table_schema = database() and table_name = 'order_line'"
          + " and extra like '%GENERATED%'")) {
        while (rs.next()) {
          out.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
        }
      }
      return out;
    }
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "order_line", "%")) {
      while (rs.next()) {
        if ("YES".equals(rs.getString("IS_GENERATEDCOLUMN"))) {
          out.put(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT), "generated");
        }
      }
    }
    return out;
  }
}
