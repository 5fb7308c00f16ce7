package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.engine.Migrator;
import io.jmigrate.inspect.Inspection;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@code columnDefinition} that is a type with a list of quoted values: MariaDB's {@code enum('S','M','L')} and
 * {@code set('red','green','blue')}, H2's {@code enum('S','M','L')}, on a {@code String} and on an
 * {@code @Enumerated(STRING)} enum. jmigrate creates the type as written, as Hibernate's export does; the catalogs are
 * equal, jmigrate's validate finds no drift and Hibernate's validate passes. And the way back: a database with such
 * columns, {@code inspect --jpa}, a build of the entities it wrote: the migration baselines with validate clean,
 * Hibernate validates the database and loads its row, and the migration alone makes the same catalog on a fresh one.
 */
class QuotedListColumnDefinitionTest {
  /** Each target's columns: field declaration lines. */
  private static final Map<Target, List<String>> FIELDS = Map.of(
      Target.MARIADB, List.of(
          "@Column(columnDefinition = \"enum('S','M','L')\", nullable = false) String size;",
          "@Column(columnDefinition = \"set('red','green','blue')\") String colors;",
          "@Enumerated(EnumType.STRING) @Column(columnDefinition = \"enum('NEW','PAID')\") Status status;"),
      Target.H2, List.of(
          "@Column(columnDefinition = \"enum('S','M','L')\", nullable = false) String size;",
          "@Enumerated(EnumType.STRING) @Column(columnDefinition = \"enum('NEW','PAID')\") Status status;"));

  /** The table inspect reads, with a row. */
  private static final Map<Target, List<String>> DATABASE = Map.of(
      Target.MARIADB, List.of("CREATE TABLE item (id BIGINT NOT NULL PRIMARY KEY, size ENUM('S','M','L') NOT NULL,"
          + " colors SET('red','green','blue'), quote ENUM('it''s','plain'), name VARCHAR(40))",
          "INSERT INTO item VALUES (1, 'M', 'red,blue', 'it''s', 'x')"),
      Target.H2, List.of("CREATE TABLE item (id BIGINT NOT NULL PRIMARY KEY, size ENUM('S','M','L') NOT NULL,"
          + " quote ENUM('it''s','plain'), name VARCHAR(40))",
          "INSERT INTO item VALUES (1, 'M', 'it''s', 'x')"));

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"MARIADB", "H2"})
  void theTypesAreHibernatesAsWritten(Target target, @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(SchemaComparison.all().contains(target), "not a target of this run (-Djpa.targets)");
    Path sources = Files.createDirectories(dir.resolve("entities/shop"));
    Files.writeString(sources.resolve("Status.java"), "package shop;\n\npublic enum Status { NEW, PAID }\n");
    Files.writeString(sources.resolve("Item.java"), """
        package shop;

        import jakarta.persistence.Column;
        import jakarta.persistence.Entity;
        import jakarta.persistence.EnumType;
        import jakarta.persistence.Enumerated;
        import jakarta.persistence.Id;

        @Entity
        public class Item {
          @Id
          Long id;

          %s

          String name;
        }
        """.formatted(String.join("\n\n  ", FIELDS.get(target))));
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(dir.resolve("entities")));
    EntityProject.Build build = project.build("-Ajmigrate.dialects=" + target.name().toLowerCase(java.util.Locale.ROOT))
        .assertOk();
    assertEquals(List.of(), build.messages(javax.tools.Diagnostic.Kind.WARNING));
    assertTrue(build.messages(javax.tools.Diagnostic.Kind.NOTE).stream()
        .anyMatch(m -> m.contains("columnDefinition \"enum('S','M','L')\" (size) is read as a type jmigrate does not"
            + " model, created as written")), build.messages(javax.tools.Diagnostic.Kind.NOTE).toString());
    assertTrue(project.migrationSources().contains("column(\"size\", NATIVE).sqlType(\"enum('S','M','L')\").notNull()"),
        project.migrationSources());
    String hibernateUrl = target.newDatabaseUrl(dir);
    String jmigrateUrl = target.newDatabaseUrl(dir);
    build.exportAndMigrate(target, hibernateUrl, jmigrateUrl);
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      List<String> got = Catalog.read(j, target);
      assertEquals(KnownDifferences.accept(target, Catalog.read(h, target), got), got);
      assertEquals(columnTypes(h), columnTypes(j), "the column types as the database writes them");
      assertTrue(columnTypes(j).get("size").toLowerCase(java.util.Locale.ROOT).replace(" ", "")
          .equals("enum('s','m','l')"), columnTypes(j).toString());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"MARIADB", "H2"})
  void inspectJpaWritesThemAndTheBuildKeepsThem(Target target, @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(SchemaComparison.all().contains(target), "not a target of this run (-Djpa.targets)");
    String url = target.newDatabaseUrl(dir);
    Inspection inspection;
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String sql : DATABASE.get(target)) {
        s.execute(sql);
      }
      inspection = Inspection.of(c, Set.of());
    }
    assertEquals(List.of(), inspection.jpaFindings().stream().map(Object::toString).toList(), inspection.report());
    Path written = inspection.write(dir.resolve("entities"), "shop", true).get(0);
    String entity = Files.readString(written);
    assertTrue(entity.contains("columnDefinition = \"" + (target == Target.H2 ? "ENUM('S', 'M', 'L')" : "enum('S','M','L')")
        + "\""), entity);
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(dir.resolve("entities")));
    EntityProject.Build build = project.build("-Ajmigrate.dialects=" + target.name().toLowerCase(java.util.Locale.ROOT))
        .assertOk();
    String fresh = target.newDatabaseUrl(dir);
    try (URLClassLoader loader = build.loader()) {
      Migrator m = build.migrator(loader).withUnmanaged(Unmanaged.parse(inspection.unmanaged().text()));
      try (Connection c = DriverManager.getConnection(url)) {
        m.baseline(c, 1);
        assertTrue(m.validate(c).isEmpty(), m.validate(c) + "\n" + entity + "\n" + project.migrationSources());
        assertEquals(List.of(), m.migrate(c));
      }
      List<Class<?>> classes = build.entityClasses(loader);
      Hibernate.open(url, target, classes, loader, "validate", Hibernate.Naming.SNAKE_CASE).close();
      try (org.hibernate.SessionFactory sf = Hibernate.open(url, target, classes, loader, "none",
          Hibernate.Naming.SNAKE_CASE)) {
        assertEquals(Map.of("Item", 1), Rows.load(sf, classes));
      }
      try (Connection c = DriverManager.getConnection(fresh)) { // the same table from the migration alone
        assertEquals(1, m.migrate(c).size());
        assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      }
    }
    try (Connection original = DriverManager.getConnection(url); Connection migrated = DriverManager.getConnection(fresh)) {
      assertEquals(Catalog.read(original, target), Catalog.read(migrated, target));
      assertEquals(columnTypes(original), columnTypes(migrated));
    }
  }

  /** The item table's column types as the database writes them (MariaDB's COLUMN_TYPE, H2's enum values spelled out). */
  private static Map<String, String> columnTypes(Connection c) throws Exception {
    boolean h2 = c.getMetaData().getDatabaseProductName().equals("H2");
    String query = h2
        ? "SELECT LOWER(c.column_name), c.data_type || COALESCE('(' || (SELECT LISTAGG('''' || REPLACE(e.value_name, '''',"
            + " '''''') || '''', ',') WITHIN GROUP (ORDER BY e.value_ordinal) FROM information_schema.enum_values e"
            + " WHERE e.object_schema = c.table_schema AND e.object_name = c.table_name AND e.enum_identifier ="
            + " c.dtd_identifier) || ')', '') FROM information_schema.columns c WHERE LOWER(c.table_name) = 'item'"
        : "SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
            + " AND TABLE_NAME = 'item'";
    Map<String, String> out = new java.util.TreeMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        out.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
      }
    }
    return out;
  }
}
