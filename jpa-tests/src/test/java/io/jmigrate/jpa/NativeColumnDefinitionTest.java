package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@code columnDefinition} that is one type jmigrate does not model (PostgreSQL's {@code tsvector}, {@code inet},
 * an array of it, {@code money}, {@code interval}, a domain; H2's {@code varchar_ignorecase(40)} and
 * {@code interval day to second}; MariaDB's {@code year}, {@code mediumint}, {@code inet6}): jmigrate's migration
 * makes the catalog of Hibernate 7's own export (the type as written, NOT NULL and uniqueness from {@code @Column}),
 * its validate finds no drift, and Hibernate's validate passes on jmigrate's tables.
 */
class NativeColumnDefinitionTest {
  /** Each target's columns: field declaration lines, and what the database needs first (a domain). */
  private static final Map<Target, List<String>> FIELDS = Map.of(
      Target.POSTGRESQL, List.of(
          "@Column(columnDefinition = \"tsvector\", nullable = false) String body;",
          "@Column(columnDefinition = \"inet\") String address;",
          "@Column(columnDefinition = \"inet[]\") String[] hosts;",
          "@Column(columnDefinition = \"postal\") String postal;",
          "@Column(columnDefinition = \"interval\") java.time.Duration waiting;",
          "@Column(columnDefinition = \"money\", unique = true) java.math.BigDecimal price;"),
      Target.H2, List.of(
          "@Column(columnDefinition = \"varchar_ignorecase(40)\", nullable = false) String body;",
          "@Column(columnDefinition = \"interval day to second\") java.time.Duration waiting;",
          "@Column(columnDefinition = \"tinyint\", unique = true) Byte rank;"),
      Target.MARIADB, List.of(
          "@Column(columnDefinition = \"year\", nullable = false) Short released;",
          "@Column(columnDefinition = \"mediumint\", unique = true) Integer rank;",
          "@Column(columnDefinition = \"inet6\") String address;"));

  private static final String DOMAIN = "CREATE DOMAIN postal AS varchar(10) CHECK (VALUE ~ '^[0-9]{5}$')";

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"POSTGRESQL", "H2", "MARIADB"})
  void theTypesAreHibernatesAsWritten(Target target, @TempDir Path dir) throws Exception {
    EntityProject.Build build = buildFor(target, dir, "docs/Doc.java", """
        package docs;

        import jakarta.persistence.Column;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;

        @Entity
        public class Doc {
          @Id
          Long id;

          %s

          String title;
        }
        """.formatted(String.join("\n\n  ", FIELDS.get(target))));
    assertTrue(build.messages(javax.tools.Diagnostic.Kind.NOTE).stream()
        .anyMatch(m -> m.contains("is read as a type jmigrate does not model, created as written")),
        build.messages(javax.tools.Diagnostic.Kind.NOTE).toString());
    String hibernateUrl = target.newDatabaseUrl(dir);
    String jmigrateUrl = target.newDatabaseUrl(dir);
    if (target == Target.POSTGRESQL) { // the domain is the database's, in both
      for (String url : List.of(hibernateUrl, jmigrateUrl)) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
          s.execute(DOMAIN);
        }
      }
    }
    build.exportAndMigrate(target, hibernateUrl, jmigrateUrl);
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      List<String> got = Catalog.read(j, target);
      List<String> exported = Catalog.read(h, target);
      // Hibernate writes the definition in place of the type and still adds NOT NULL after it
      assertTrue(exported.stream().anyMatch(l -> l.matches("(?i)column doc\\.(body|released) \\S.* not null")),
          exported.toString());
      assertEquals(KnownDifferences.accept(target, exported, got), got);
      if (target == Target.POSTGRESQL) {
        try (Statement s = j.createStatement()) {
          s.execute("INSERT INTO doc (id, body, address, hosts, postal, waiting, price, title) VALUES (1,"
              + " to_tsvector('english', 'The cats sat'), '10.0.0.1', '{10.0.0.2}', '12345', interval '2 hours', 9.5, 'x')");
        }
      }
    }
  }

  /**
   * A {@code @ManyToOne} to an entity whose key has a {@code columnDefinition}: the join column takes the key's type as
   * written, as Hibernate 7's export gives it (MariaDB's {@code int unsigned}, H2's {@code tinyint}); the migration
   * runs, validate is clean, and the catalog is Hibernate's.
   */
  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"MARIADB", "H2"})
  void aJoinColumnTakesTheReferencedKeysDefinition(Target target, @TempDir Path dir) throws Exception {
    String definition = target == Target.MARIADB ? "int unsigned" : "tinyint";
    Path sources = Files.createDirectories(dir.resolve("entities/shop"));
    Files.writeString(sources.resolve("City.java"), """
        package shop;

        import jakarta.persistence.Column;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;

        @Entity
        public class City {
          @Id
          @Column(columnDefinition = "%s")
          Long id;
        }
        """.formatted(definition));
    Files.writeString(sources.resolve("Address.java"), """
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.JoinColumn;
        import jakarta.persistence.ManyToOne;

        @Entity
        public class Address {
          @Id
          Long id;

          @ManyToOne(optional = false)
          @JoinColumn(name = "city_id")
          City city;
        }
        """);
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(dir.resolve("entities")));
    EntityProject.Build build = project.build("-Ajmigrate.dialects=" + target.name().toLowerCase(java.util.Locale.ROOT))
        .assertOk();
    String hibernateUrl = target.newDatabaseUrl(dir);
    String jmigrateUrl = target.newDatabaseUrl(dir);
    try (URLClassLoader loader = build.loader()) {
      List<Class<?>> classes = build.entityClasses(loader);
      Hibernate.open(hibernateUrl, target, classes, loader, "create", Hibernate.Naming.SNAKE_CASE).close();
      try (Connection c = DriverManager.getConnection(jmigrateUrl)) {
        build.migrator(loader).migrate(c);
        assertEquals(List.of(), build.migrator(loader).validate(c).differences());
      }
      Hibernate.open(jmigrateUrl, target, classes, loader, "validate", Hibernate.Naming.SNAKE_CASE).close();
    }
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      List<String> got = Catalog.read(j, target);
      List<String> exported = Catalog.read(h, target);
      assertTrue(exported.stream().anyMatch(l -> l.matches("(?i)column address\\.city_id " + definition + "( not null)?")),
          "Hibernate's join column has the key's definition: " + exported);
      assertEquals(KnownDifferences.accept(target, exported, got), got);
    }
  }

  /**
   * Hibernate's {@code @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)} on a {@code Duration}, with one target dialect: the
   * interval type of Hibernate 7's export on it ({@code interval second(6)} on PostgreSQL, {@code interval
   * second(18,9)} on H2; with {@code @Column(precision)} its precision and scale; a scale alone is ignored), to the
   * fraction digits; validate clean, Hibernate's validate passes, and Hibernate writes and reads a row there.
   */
  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"POSTGRESQL", "H2"})
  void intervalSecondIsHibernates(Target target, @TempDir Path dir) throws Exception {
    EntityProject.Build build = buildFor(target, dir, "waits/Wait.java", """
        package waits;

        import jakarta.persistence.Column;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import java.time.Duration;
        import org.hibernate.annotations.JdbcTypeCode;
        import org.hibernate.type.SqlTypes;

        @Entity
        public class Wait {
          @Id
          Long id;

          @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
          Duration plain;

          @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
          @Column(precision = 4, scale = 2)
          Duration sized;

          @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
          @Column(precision = 4)
          Duration whole;

          @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
          @Column(scale = 3, nullable = false)
          Duration required;
        }
        """);
    assertEquals(List.of(), build.messages(javax.tools.Diagnostic.Kind.WARNING));
    String hibernateUrl = target.newDatabaseUrl(dir);
    String jmigrateUrl = target.newDatabaseUrl(dir);
    build.exportAndMigrate(target, hibernateUrl, jmigrateUrl);
    try (URLClassLoader loader = build.loader()) {
      List<Class<?>> classes = build.entityClasses(loader);
      try (org.hibernate.SessionFactory sf = Hibernate.open(jmigrateUrl, target, classes, loader, "none",
          Hibernate.Naming.SNAKE_CASE)) {
        Rows.write(sf, classes, 1);
        assertEquals(Map.of("Wait", 1), Rows.load(sf, classes));
      }
    }
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      Map<String, String> exported = intervals(h, target);
      assertEquals(target == Target.POSTGRESQL
          ? "{plain=interval second(6), required=interval second(6), sized=interval second(2), whole=interval second(0)}"
          : "{plain=interval second(18,9), required=interval second(18,9), sized=interval second(4,2),"
              + " whole=interval second(4,0)}", exported.toString(), "Hibernate's export, as measured");
      assertEquals(exported, intervals(j, target));
      List<String> got = Catalog.read(j, target);
      assertEquals(KnownDifferences.accept(target, Catalog.read(h, target), got), got);
    }
  }

  /** One entity source ({@code path} under the source root), built with {@code target} as the only target dialect. */
  private static EntityProject.Build buildFor(Target target, Path dir, String path, String source) throws Exception {
    Path file = dir.resolve("entities").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(dir.resolve("entities")));
    return project.build("-Ajmigrate.dialects=" + target.name().toLowerCase(java.util.Locale.ROOT)).assertOk();
  }

  /** The interval columns of wait with their full type: PostgreSQL's format_type, H2's leading and fraction digits. */
  private static Map<String, String> intervals(Connection c, Target target) throws Exception {
    String query = target == Target.POSTGRESQL
        ? "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'wait'::regclass"
            + " AND attnum > 0 AND NOT attisdropped AND format_type(atttypid, atttypmod) LIKE 'interval%'"
        : "SELECT LOWER(column_name), 'interval second(' || interval_precision || ',' || datetime_precision || ')'"
            + " FROM information_schema.columns WHERE LOWER(table_name) = 'wait' AND LOWER(data_type) = 'interval'";
    Map<String, String> out = new java.util.TreeMap<>();
    try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }
}
