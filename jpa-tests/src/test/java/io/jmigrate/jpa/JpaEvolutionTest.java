package io.jmigrate.jpa;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shop's entities over four builds (src/test/resources/evolution/stepN), each compiled against
 * the previous build's snapshot and migrations and checked on every database (see SchemaComparison):
 * <ol>
 *   <li>a two-level {@code @MappedSuperclass} chain (IDENTITY id, {@code @Version}, an Instant), an
 *       {@code @Embedded} address, {@code @Basic(optional = false)}, {@code @Transient} and
 *       {@code transient} fields, {@code @Enumerated} STRING and ORDINAL, {@code @ManyToOne(optional = false)},
 *       {@code @Table(indexes, uniqueConstraints)}, {@code @Column(unique, length, precision, scale)};
 *   <li>a field renamed with {@code @RenamedFrom} (its values move), a new column, an embedded
 *       address with {@code @AttributeOverrides}, an {@code @ElementCollection} with
 *       {@code @CollectionTable}, a new entity with an assigned key, {@code @ManyToMany} with
 *       {@code @JoinTable}, {@code @OneToOne};
 *   <li>a field removed with {@code @Drop}, a relation made optional, a self reference, a new
 *       entity on the many side of an {@code @OneToMany(mappedBy)}, JOINED and TABLE_PER_CLASS
 *       hierarchies, {@code @Temporal}, an {@code @EmbeddedId};
 *   <li>a new JOINED subclass, a TABLE_PER_CLASS subclass removed with {@code @Drop(tables)}.
 * </ol>
 * And apart (src/test/resources/inheritance), an entity with rows becomes the root of a SINGLE_TABLE
 * hierarchy: Hibernate adds its NOT NULL discriminator column.
 * Sequence and table ids: {@link JpaGeneratorsTest}.
 */
class JpaEvolutionTest {
  @Test
  void everyStepMigratesToHibernatesSchemaAndKeepsTheRows(@TempDir Path dir) throws Exception {
    SchemaComparison shop = new SchemaComparison(dir, SchemaComparison.all());
    shop.step("evolution/step1");
    shop.step(List.of("evolution/step2"), Map.of("customer.email", "email_address"));
    shop.step("evolution/step3");
    shop.step("evolution/step4");
    shop.assertNoProblems();
  }

  @Test
  void anEntityWithRowsBecomesASingleTableRoot(@TempDir Path dir) throws Exception {
    SchemaComparison catalog = new SchemaComparison(dir, SchemaComparison.all());
    catalog.step("inheritance/step1");
    catalog.step("inheritance/step2");
    catalog.assertNoProblems();
  }
}
