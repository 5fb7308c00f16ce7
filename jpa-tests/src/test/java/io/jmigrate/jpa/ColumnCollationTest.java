package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.MigrationException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hibernate's {@code @Collate} on a field: the column's collation, as Hibernate 7's own export makes it
 * ({@code collate "C"} on PostgreSQL, quoted; {@code collate latin1_general_ci} on MariaDB, its character set
 * following from it); jmigrate's migration gives the same collations, validate finds no drift, and Hibernate's
 * validate passes. H2 has no collation per column: Hibernate's DDL fails there, and jmigrate refuses it by name.
 */
class ColumnCollationTest {
  private static String entity(String first, String second) {
    return """
        package words;

        import jakarta.persistence.Column;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import org.hibernate.annotations.Collate;

        @Entity
        public class Word {
          @Id
          Long id;

          @Collate("%s")
          String spelling;

          @Collate("%s")
          @Column(length = 40, nullable = false)
          String sortKey;

          String plain;
        }
        """.formatted(first, second);
  }

  @ParameterizedTest
  @CsvSource({"POSTGRESQL, C, POSIX", "MARIADB, utf8mb4_unicode_520_ci, latin1_general_ci"})
  void collationsAreHibernates(Target target, String first, String second, @TempDir Path dir) throws Exception {
    Built build = build(dir, first, second);
    assertEquals(List.of(), build.messages(javax.tools.Diagnostic.Kind.WARNING).stream()
        .filter(m -> m.contains("Collate")).toList(), "@Collate is read, not warned about");
    assertTrue(build.migrationSources().contains("column(\"spelling\", STRING).length(255).collation(\"" + first + "\")"),
        build.migrationSources());
    String hibernateUrl = target.newDatabaseUrl(dir);
    String jmigrateUrl = target.newDatabaseUrl(dir);
    build.build().exportAndMigrate(target, hibernateUrl, jmigrateUrl);
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      assertEquals(Map.of("sort_key", second, "spelling", first), collations(h, target), "Hibernate's export");
      assertEquals(collations(h, target), collations(j, target));
    }
  }

  @Test
  void h2HasNone(@TempDir Path dir) throws Exception {
    EntityProject.Build build = build(dir, "C", "POSIX").build();
    try (URLClassLoader loader = build.loader(); Connection c = DriverManager.getConnection(Target.H2.newDatabaseUrl(dir))) {
      MigrationException e = assertThrows(MigrationException.class, () -> build.migrator(loader).migrate(c));
      assertTrue(e.getMessage().contains("column spelling has the collation C, and H2 has no collation per column"),
          e.getMessage());
    }
  }

  /** The project and its build, with its generated migration's source. */
  private record Built(EntityProject project, EntityProject.Build build) {
    List<String> messages(javax.tools.Diagnostic.Kind kind) {
      return build.messages(kind);
    }

    String migrationSources() throws java.io.IOException {
      return project.migrationSources();
    }
  }

  private static Built build(Path dir, String first, String second) throws Exception {
    Path sources = dir.resolve("entities/words");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("Word.java"), entity(first, second));
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(dir.resolve("entities")));
    return new Built(project, project.build().assertOk());
  }

  /** The columns of word with a collation of their own, as the database's catalog gives them. */
  private static Map<String, String> collations(Connection c, Target target) throws Exception {
    String query = target == Target.POSTGRESQL
        ? "SELECT column_name, collation_name FROM information_schema.columns WHERE table_schema = current_schema()"
            + " AND table_name = 'word' AND collation_name IS NOT NULL"
        : "SELECT c.COLUMN_NAME, c.COLLATION_NAME FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
            + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA = DATABASE()"
            + " AND c.TABLE_NAME = 'word' AND c.COLLATION_NAME <> t.TABLE_COLLATION";
    Map<String, String> out = new TreeMap<>();
    try (ResultSet rs = c.createStatement().executeQuery(query)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }
}
