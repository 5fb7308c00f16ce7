package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.hibernate.SessionFactory;
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
   * {@code Instant}, {@code OffsetDateTime} and {@code ZonedDateTime}: Hibernate 7's DATETIME(6) on MariaDB,
   * which jmigrate makes for an entity (its TIMESTAMP(6) refuses dates after 2038), and time-zoned
   * timestamps on PostgreSQL and H2. Hibernate then stores and reads back an instant of the year 2100,
   * and jmigrate's validate finds no drift.
   */
  @Test
  void instantsPast2038(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(TARGETS);
    SchemaComparison types = new SchemaComparison(dir, targets);
    EntityProject.Build build = types.step("mappings/types/instants");
    types.assertNoProblems();
    Instant late = Instant.parse("2100-01-02T03:04:05.123456Z");
    for (Target target : targets) {
      try (URLClassLoader loader = build.loader()) {
        List<Class<?>> classes = build.entityClasses(loader);
        Class<?> reading = classes.stream().filter(c -> c.getSimpleName().equals("Reading")).findFirst().orElseThrow();
        Object id;
        try (SessionFactory sf = Hibernate.open(types.url(target), target, classes, loader, "none",
            Hibernate.Naming.SNAKE_CASE)) {
          Object row = reading.getDeclaredConstructor().newInstance();
          set(row, "takenAt", late);
          set(row, "offsetAt", late.atOffset(ZoneOffset.UTC));
          set(row, "zonedAt", late.atZone(ZoneOffset.UTC));
          set(row, "label", "late");
          sf.inTransaction(s -> s.persist(row));
          id = get(row, "id");
        }
        try (SessionFactory sf = Hibernate.open(types.url(target), target, classes, loader, "none",
            Hibernate.Naming.SNAKE_CASE)) {
          Object back = sf.fromSession(s -> s.find(reading, id));
          assertEquals(late, get(back, "takenAt"), target.toString());
          assertEquals(late, ((OffsetDateTime) get(back, "offsetAt")).toInstant(), target.toString());
          assertEquals(late, ((ZonedDateTime) get(back, "zonedAt")).toInstant(), target.toString());
        }
        try (Connection c = DriverManager.getConnection(types.url(target))) {
          assertEquals(List.of(), build.migrator(loader).validate(c).differences(), target.toString());
        }
      }
    }
  }

  private static void set(Object o, String field, Object value) throws ReflectiveOperationException {
    Field f = o.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(o, value);
  }

  private static Object get(Object o, String field) throws ReflectiveOperationException {
    Field f = o.getClass().getDeclaredField(field);
    f.setAccessible(true);
    return f.get(o);
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
