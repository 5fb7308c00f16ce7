package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks Hibernate puts on a column, against Hibernate's own export and validate on every database: its
 * {@code @Check} on a field (src/test/resources/mappings/columnchecks) and, with Hibernate Validator present, Bean
 * Validation's {@code @Min}, {@code @Max} and {@code @Range} beside the sizes and nullability it gives
 * (src/test/resources/mappings/validation). The catalogs compare checks by table and expression as the database
 * gives it back, so the one check Hibernate writes inline for a column's unnamed checks is compared as a whole.
 */
class ColumnChecksTest {
  @Test
  void hibernatesCheckOnAField(@TempDir Path dir) throws Exception {
    SchemaComparison checks = new SchemaComparison(dir, SchemaComparison.all());
    checks.step("mappings/columnchecks");
    checks.assertNoProblems();
  }

  /**
   * A {@code @Check} on an enum column (src/test/resources/mappings/enumcheck): on PostgreSQL one check of the
   * column with the enum's (the {@code @Check}'s condition first); where Hibernate holds the names in an ENUM type
   * (H2, MariaDB) its check is the {@code @Check}'s alone, jmigrate's VARCHAR has the enum's values in it too.
   */
  @Test
  void aCheckOnAnEnumColumn(@TempDir Path dir) throws Exception {
    SchemaComparison checks = new SchemaComparison(dir, SchemaComparison.all());
    checks.step("mappings/enumcheck");
    checks.assertNoProblems();
  }

  /** JPA 3.2's {@code @Column(check)} and {@code @Table(check)}, which Hibernate 7 reads (6.6 has no such members). */
  @Test
  void jpaCheckConstraints(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Hibernate.major() >= 7, "the mapping set is written for JPA 3.2");
    SchemaComparison checks = new SchemaComparison(dir, SchemaComparison.all());
    checks.step("mappings/checkconstraint");
    checks.assertNoProblems();
  }

  @Test
  void beanValidationBoundsSizesAndNullability(@TempDir Path dir) throws Exception {
    SchemaComparison validation = new SchemaComparison(dir, SchemaComparison.all()).withBeanValidation();
    validation.step("mappings/validation");
    validation.assertNoProblems();
  }

  /**
   * A database Hibernate's export made is adopted: its unnamed checks have the names PostgreSQL gives them, which the
   * model's are, or names H2 and MariaDB made up ({@code CONSTRAINT_E}; on MariaDB a check written on a column is
   * named after the column). The baseline's validation finds these by their condition and gives the statements that
   * rename them (and the primary keys, as for any adopted database); after them the baseline passes, validate finds
   * nothing, and a later migration that changes a check drops it by its name.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = Target.class, names = {"POSTGRESQL", "H2", "MARIADB"})
  void aDatabaseHibernateMadeIsAdopted(Target target, @TempDir Path dir) throws Exception {
    // Hibernate 6.6 is judged on PostgreSQL and H2 only (on MariaDB its export makes no product table: 6.6 writes
    // a column's named check inline beside its unnamed one, where 7 makes the named one a table constraint).
    org.junit.jupiter.api.Assumptions.assumeTrue(Hibernate.major() >= 7 || target != Target.MARIADB);
    EntityProject project = new EntityProject(dir.resolve("project")).withBeanValidation();
    List<Path> sets = new java.util.ArrayList<>(List.of(EntityProject.resource("mappings/columnchecks"),
        EntityProject.resource("mappings/validation")));
    if (Hibernate.major() >= 7) {
      sets.add(EntityProject.resource("mappings/checkconstraint"));
    }
    project.useSources(sets);
    EntityProject.Build build = project.build().assertOk();
    String url = target.newDatabaseUrl(dir);
    try (URLClassLoader loader = build.loader()) {
      Hibernate.open(url, target, build.entityClasses(loader), loader, "create", Hibernate.Naming.SNAKE_CASE, true)
          .close();
      var migrator = build.migrator(loader);
      try (Connection c = DriverManager.getConnection(url)) {
        List<String> statements = new java.util.ArrayList<>();
        try {
          migrator.baseline(c, 1);
        } catch (io.jmigrate.engine.MigrationException e) {
          String message = e.getMessage();
          assertTrue(message.contains("Run the statements above, then baseline again"), message);
          message.lines().filter(l -> l.startsWith("  ALTER TABLE ")).forEach(l -> statements.add(l.strip()));
          if (target != Target.POSTGRESQL) {
            assertTrue(message.contains("product.product_price_check (price >= 0) is named "), message);
          }
        }
        assertTrue(!statements.isEmpty(), "the primary keys' and checks' names differ");
        try (var s = c.createStatement()) {
          for (String statement : statements) {
            s.execute(statement);
          }
        }
        if (!statements.isEmpty()) {
          migrator.baseline(c, 1);
        }
        assertEquals(List.of(), migrator.validate(c).differences(), target.toString());
      }
    }
    // A changed check: dropped by the name it has now, added with the new condition.
    project.edit("columnchecks/Product.java", "price >= 0", "price > -1")
        .edit("columnchecks/Dimensions.java", "width > 0", "width > 1"); // an embeddable's column in product
    EntityProject.Build second = project.build().assertOk();
    try (URLClassLoader loader = second.loader(); Connection c = DriverManager.getConnection(url)) {
      var migrator = second.migrator(loader);
      migrator.migrate(c);
      assertEquals(List.of(), migrator.validate(c).differences(), target.toString());
      Hibernate.open(url, target, second.entityClasses(loader), loader, "validate", Hibernate.Naming.SNAKE_CASE, true)
          .close();
    }
  }
}
