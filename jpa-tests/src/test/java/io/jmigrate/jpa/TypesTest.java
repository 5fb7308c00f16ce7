package io.jmigrate.jpa;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The types real entity sets use beyond JPA's basics (src/test/resources/mappings/types): {@code char}
 * and {@code Character}, a by-name enum of length 1, {@code char(n)} through {@code columnDefinition}
 * and {@code @JdbcTypeCode(SqlTypes.CHAR)}, {@code Currency}, {@code Duration}, and
 * {@code @JdbcTypeCode(SqlTypes.JSON)} on a map and on a String. The migrated schema equals
 * Hibernate 7's export, Hibernate's validate passes, and rows go through Hibernate.
 */
class TypesTest {
  private static final Set<Target> TARGETS = Set.of(Target.POSTGRESQL, Target.H2, Target.MARIADB);

  @Test
  void charJsonCurrencyAndDuration(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(TARGETS);
    SchemaComparison types = new SchemaComparison(dir, targets);
    types.step("mappings/types/step1");
    types.step("mappings/types/step2"); // a wider char(n) and a new JSON column, with the rows of step 1
    types.assertNoProblems();
  }

  /**
   * {@code @Enumerated(STRING) @Column(length = 1)}: Hibernate 7's char(1) on PostgreSQL, which jmigrate
   * makes (a varchar(1) fails Hibernate's validate there), and on MariaDB its enum type, whose validate
   * accepts the varchar(1) that is jmigrate's CHAR(1) there. Not on H2: Hibernate's enum type there
   * accepts a varchar but not the char(1) that a {@code char} field needs, so Hibernate's validate fails
   * on this one mapping (the README says so).
   */
  @Test
  void enumOfLengthOne(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(Set.of(Target.POSTGRESQL, Target.MARIADB));
    SchemaComparison types = new SchemaComparison(dir, targets);
    types.step("mappings/types/enum1");
    types.assertNoProblems();
  }

  /**
   * Basic arrays ({@code String[]}, {@code List<String>}, {@code Set<String>}, {@code int[]},
   * {@code Integer[]}, {@code Long[]}, {@code @JdbcTypeCode(SqlTypes.ARRAY)}): SQL arrays on PostgreSQL and
   * H2, JSON on MariaDB, as Hibernate 7 makes them. (SQLite has none: a build error when it is a target.)
   */
  @Test
  void arrays(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(TARGETS);
    SchemaComparison types = new SchemaComparison(dir, targets);
    types.step("mappings/types/arrays");
    types.step("mappings/types/arrays2"); // wider elements, with the rows of the first step
    types.assertNoProblems();
  }
}
