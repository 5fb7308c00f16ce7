package io.jmigrate.jpa;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", with entities not written for this test: Spring PetClinic's model
 * (owners, pets, visits, vets, specialties: a {@code @MappedSuperclass} chain, IDENTITY ids,
 * {@code @ManyToOne}, unidirectional {@code @OneToMany} with {@code @JoinColumn}, {@code @ManyToMany}
 * with {@code @JoinTable}) copied into {@code src/test/resources/entities/petclinic}. Built with the
 * processor, migrated, compared with Hibernate's export, validated, rows written; then an owner is
 * changed as a user would change it (a rename and a new unique column), built, migrated: the rows
 * stay and Hibernate still validates.
 */
class PetClinicTest {
  @Test
  void petClinicMigratesToHibernatesSchemaAndEvolves(@TempDir Path dir) throws Exception {
    SchemaComparison petclinic = new SchemaComparison(dir, SchemaComparison.all());
    petclinic.step("entities/petclinic");
    petclinic.step(List.of("entities/petclinic", "entities/petclinic-changed"), Map.of("owners.telephone", "phone"));
    petclinic.assertNoProblems();
  }

  /**
   * {@code -Ajmigrate.naming=jpa} against Hibernate's own default naming (names as written:
   * {@code firstName}, table {@code VisitNote}).
   */
  @Test
  void withJpaNamingAsHibernatesDefault(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.remove(Target.MARIADB); // below
    SchemaComparison petclinic = new SchemaComparison(dir, Hibernate.Naming.JPA, targets);
    petclinic.step(List.of("entities/petclinic", "entities/petclinic-notes"), Map.of(), "-Ajmigrate.naming=jpa");
    petclinic.assertNoProblems();
  }

  /** The default naming, snake_case, where it decides every name ({@code visit_note}, {@code note_text}, {@code visit_id}). */
  @Test
  void withSnakeCaseNamingAnEntityWithoutTable(@TempDir Path dir) throws Exception {
    SchemaComparison petclinic = new SchemaComparison(dir, SchemaComparison.all());
    petclinic.step(List.of("entities/petclinic", "entities/petclinic-notes"), Map.of());
    petclinic.assertNoProblems();
  }

  /**
   * MariaDB keeps the case of Hibernate's unquoted table names (case-sensitive on Linux): PetClinic's
   * own tables are named in lower case and match; an entity whose table name has capitals
   * ({@code VisitNote}) keeps them when mariadb is the only target dialect, as Hibernate's export does.
   */
  @Test
  void withJpaNamingOnMariaDb(@TempDir Path dir) throws Exception {
    SchemaComparison petclinic = new SchemaComparison(dir.resolve("lower"), Hibernate.Naming.JPA, Set.of(Target.MARIADB));
    petclinic.step(List.of("entities/petclinic"), Map.of(), "-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=mariadb");
    petclinic.assertNoProblems();

    SchemaComparison capitals = new SchemaComparison(dir.resolve("capitals"), Hibernate.Naming.JPA, Set.of(Target.MARIADB));
    capitals.step(List.of("entities/petclinic", "entities/petclinic-notes"), Map.of(), "-Ajmigrate.naming=jpa",
        "-Ajmigrate.dialects=mariadb");
    capitals.assertNoProblems();
  }
}
