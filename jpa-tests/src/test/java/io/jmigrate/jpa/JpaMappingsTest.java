package io.jmigrate.jpa;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Basic types with JPA's defaults ({@code String} 255, {@code BigDecimal} without precision,
 * {@code BigInteger}, the java.time types, {@code UUID}), a
 * {@code @Convert}, and an {@code @IdClass} key (src/test/resources/mappings/lab), checked on
 * every database as one build.
 */
class JpaMappingsTest {
  @Test
  void basicTypesConvertersAndIdClass(@TempDir Path dir) throws Exception {
    SchemaComparison lab = new SchemaComparison(dir, SchemaComparison.all());
    lab.step("mappings/lab");
    lab.assertNoProblems();
  }

  @Test
  void uuidColumns(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.remove(Target.MARIADB); // below
    SchemaComparison uuid = new SchemaComparison(dir, targets);
    uuid.step("mappings/uuid");
    uuid.assertNoProblems();
  }

  /**
   * jmigrate's MariaDB dialect makes a UUID CHAR(36); Hibernate 7 prefers MariaDB's own UUID type (10.7+) unless
   * {@code hibernate.type.preferred_uuid_jdbc_type=CHAR}, which the README tells JPA users on MariaDB to set
   * (and {@link Hibernate#open} sets for MariaDB). With it, the export and validate agree with jmigrate.
   */
  @Test
  void uuidColumnsOnMariaDb(@TempDir Path dir) throws Exception {
    SchemaComparison uuid = new SchemaComparison(dir, Set.of(Target.MARIADB));
    uuid.step("mappings/uuid");
    uuid.assertNoProblems();
  }

  /**
   * What Hibernate 7 maps where an older reading differed (src/test/resources/mappings/hibernate7): an
   * @IdClass's field that the entity does not mark @Id is part of the key; an @IdClass over one @Id;
   * a primitive with @Column is nullable.
   */
  @Test
  void hibernate7Mappings(@TempDir Path dir) throws Exception {
    SchemaComparison mappings = new SchemaComparison(dir, SchemaComparison.all());
    mappings.step("mappings/hibernate7");
    mappings.assertNoProblems();
  }
}
