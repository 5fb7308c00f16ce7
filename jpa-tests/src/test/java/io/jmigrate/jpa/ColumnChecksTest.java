package io.jmigrate.jpa;

import java.nio.file.Path;
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

  @Test
  void beanValidationBoundsSizesAndNullability(@TempDir Path dir) throws Exception {
    SchemaComparison validation = new SchemaComparison(dir, SchemaComparison.all()).withBeanValidation();
    validation.step("mappings/validation");
    validation.assertNoProblems();
  }
}
