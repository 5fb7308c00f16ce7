package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
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
 * A SEQUENCE (or AUTO) id is not in the evolution: jmigrate makes no sequences, and says so at the field.
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

  @Test
  void aSequenceIdIsACompileErrorAtTheField(@TempDir Path dir) throws Exception {
    EntityProject project = new EntityProject(dir);
    project.useSources(List.of(EntityProject.resource("evolution/step1"), EntityProject.resource("unsupported/sequence")));
    EntityProject.Build build = project.build();
    assertFalse(build.ok());
    List<String> errors = build.messages(Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).matches("(?s)Ticket\\.java:1[23]: .*"), errors.get(0)); // at the @GeneratedValue or the field
    assertTrue(errors.get(0).contains("SEQUENCE") && errors.get(0).contains("ticket_seq"), errors.get(0));
  }
}
