package io.jmigrate.jpa;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bean Validation inside embeddables (src/test/resources/mappings/validembedded), against Hibernate's own export and
 * validate on every database: Hibernate descends into an embedded attribute marked {@code @Valid} (nested ones too, and
 * an {@code @Valid} embedded key), where {@code @Size}, {@code @Length}, {@code @Digits}, {@code @Min} and {@code @Max}
 * apply, and {@code @NotNull} only when every {@code @Valid} embedded attribute on the way is {@code @NotNull} too (a
 * join column's as well); not into one without {@code @Valid}, nor into an element collection's embeddable.
 */
class ValidEmbeddedTest {
  @Test
  void constraintsInsideValidEmbeddables(@TempDir Path dir) throws Exception {
    SchemaComparison validation = new SchemaComparison(dir, SchemaComparison.all()).withBeanValidation();
    validation.step("mappings/validembedded");
    validation.assertNoProblems();
  }
}
