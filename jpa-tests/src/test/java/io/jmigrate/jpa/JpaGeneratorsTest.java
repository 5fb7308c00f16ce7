package io.jmigrate.jpa;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Id generators (src/test/resources/generators): {@code AUTO} and {@code SEQUENCE} without a generator
 * ({@code <table>_seq}, increment 50), a {@code @SequenceGenerator} with its sequence name, initial value
 * and allocation size, a generator two entities share, a generator name nothing declares, a JOINED
 * hierarchy's root sequence, an {@code int} key, {@code TABLE} without a generator
 * ({@code hibernate_sequences}) and with a {@code @TableGenerator} of its own table and columns. Step 2
 * changes an allocation size (the sequence is altered), drops an entity with its sequence and adds one.
 * On every database, as every JPA test: jmigrate's schema equals Hibernate 7's own export (sequences
 * with their increments included), Hibernate's validate passes on it, and rows written through
 * Hibernate (ids drawn from the sequences and tables) load back, those of step 1 kept in step 2.
 */
class JpaGeneratorsTest {
  @Test
  void sequencesAndGeneratorTablesAreWhatHibernateMakes(@TempDir Path dir) throws Exception {
    SchemaComparison ids = new SchemaComparison(dir, SchemaComparison.all()).comparingGeneratorRows();
    ids.step("generators/step1");
    ids.step("generators/step2");
    ids.assertNoProblems();
  }

  /**
   * With Hibernate's own naming ({@code Owner_SEQ}, folded to lower case by PostgreSQL and by H2 as the tests
   * run it). MariaDB keeps the capitals: CapitalNamesOnMariaDbTest runs these sets there with {@code mariadb} the
   * only target dialect.
   */
  @Test
  void withHibernatesOwnNaming(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(Set.of(Target.POSTGRESQL, Target.H2));
    SchemaComparison ids = new SchemaComparison(dir, Hibernate.Naming.JPA, targets);
    ids.step(java.util.List.of("generators/step1"), java.util.Map.of(), "-Ajmigrate.naming=jpa");
    ids.assertNoProblems();
  }

  /**
   * One generator table holding the rows of several {@code @TableGenerator}s (each its own {@code pkColumnValue},
   * start and block size), on entities other entities reference, beside {@code hibernate_sequences}
   * (src/test/resources/generators/segments): the references point at the entities' tables, not at the
   * generator tables declared on the same classes. Each generator table starts with the rows Hibernate's export
   * inserts (compared; and Hibernate then allocates the same ids on both); a later step's entity with a new
   * segment of the existing table gets its row from that step's migration (the snapshot knows the segments).
   */
  @Test
  void generatorTablesOfReferencedEntities(@TempDir Path dir) throws Exception {
    SchemaComparison ids = new SchemaComparison(dir, SchemaComparison.all()).comparingGeneratorRows();
    ids.step("generators/segments");
    ids.step(java.util.List.of("generators/segments", "generators/segments2"), java.util.Map.of());
    ids.assertNoProblems();
  }

  /**
   * The implicit sequence is named after the hierarchy root's table, as Hibernate names it
   * (src/test/resources/generators/tablenamed): {@code @Table(name = "things")} gives {@code things_seq}, a JOINED
   * root with its own entity and table names its table's, and (tablenamed7, JPA 3.2: Hibernate 7 only) an unnamed
   * {@code @SequenceGenerator} too; with both namings (Hibernate's own on PostgreSQL and H2, which fold
   * {@code things_SEQ}). jpa-tests-hibernate6 runs it with 6.6, which names it alike.
   */
  @Test
  void implicitSequencesAreNamedAfterTheRootTable(@TempDir Path dir) throws Exception {
    java.util.List<String> sources = Hibernate.major() >= 7
        ? java.util.List.of("generators/tablenamed", "generators/tablenamed7") : java.util.List.of("generators/tablenamed");
    SchemaComparison ids = new SchemaComparison(dir, SchemaComparison.all());
    ids.step(sources, java.util.Map.of());
    ids.assertNoProblems();
    Set<Target> folding = SchemaComparison.all();
    folding.retainAll(Set.of(Target.POSTGRESQL, Target.H2));
    SchemaComparison jpa = new SchemaComparison(dir.resolve("jpa"), Hibernate.Naming.JPA, folding);
    jpa.step(sources, java.util.Map.of(), "-Ajmigrate.naming=jpa");
    jpa.assertNoProblems();
  }
}
