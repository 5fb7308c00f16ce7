package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import io.jmigrate.schema.TableDefinition;
import java.lang.reflect.Field;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.util.stream.Stream;
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
   * {@code @JdbcTypeCode(SqlTypes.LONG32VARCHAR)} and {@code LONG32NVARCHAR} on a String, Hibernate's successor
   * of the old TextType: text on PostgreSQL, a CLOB on H2, TINYTEXT … LONGTEXT on MariaDB by the @Column length,
   * equal to Hibernate's export with its validate passing; then a varchar(255) made long text, rows kept.
   */
  @Test
  void longText(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(TARGETS);
    SchemaComparison types = new SchemaComparison(dir, targets);
    types.step("mappings/types/longtext");
    types.step("mappings/types/longtext2");
    types.assertNoProblems();
  }

  /**
   * {@code LONG32NVARCHAR}: as LONG32VARCHAR, but LONGTEXT on MariaDB whatever the length (Hibernate 7). Not
   * judged by Hibernate 6.6: its validate fails on its own export on H2 ({@code nclob} expected, the CLOB H2 makes
   * found), and PgJDBC refuses its parameter binding ("Unknown Types value").
   */
  @Test
  void nationalLongText(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Hibernate.major() >= 7, "Hibernate 6.6 cannot validate or write it");
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(TARGETS);
    SchemaComparison types = new SchemaComparison(dir, targets);
    types.step("mappings/types/longnational");
    types.assertNoProblems();
  }

  /**
   * Long text holds 100 000 characters (more than a MariaDB TEXT, less than the MEDIUMTEXT of its length) through
   * Hibernate on each database, and jmigrate's own validate finds no drift on the migrated schema.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = Target.class, names = {"POSTGRESQL", "H2", "MARIADB"})
  void longTextHoldsLongValues(Target target, @TempDir Path dir) throws Exception {
    // Hibernate 6.6 (judged on PostgreSQL and H2 only) makes every LONG32VARCHAR a LONGTEXT on MariaDB.
    org.junit.jupiter.api.Assumptions.assumeTrue(Hibernate.major() >= 7 || target != Target.MARIADB);
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/types/longtext2")));
    EntityProject.Build build = project.build().assertOk();
    String text = "long text äöü € ✓ ".repeat(6_000).substring(0, 100_000);
    String url = target.newDatabaseUrl(dir);
    try (URLClassLoader loader = build.loader()) {
      List<Class<?>> classes = build.entityClasses(loader);
      Migrator migrator = build.migrator(loader);
      try (Connection c = DriverManager.getConnection(url)) {
        migrator.migrate(c);
        assertEquals(List.of(), migrator.validate(c).differences(), target.toString());
      }
      Class<?> article = loader.loadClass("kinds.Article");
      try (SessionFactory sf = Hibernate.open(url, target, classes, loader, "validate", Hibernate.Naming.SNAKE_CASE)) {
        sf.inTransaction(session -> {
          try {
            var constructor = article.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object a = constructor.newInstance();
            set(a, "id", 1L);
            set(a, "body", text);
            set(a, "title", "title");
            set(a, "teaser", "teaser"); // no null: Hibernate 6.6 binds a null LONG32VARCHAR as a type code PgJDBC refuses
            set(a, "chapter", text);
            set(a, "description", text);
            session.persist(a);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        });
        Object back = sf.fromSession(session -> session.find(article, 1L));
        assertEquals(text, get(back, "body"), target + ": body");
        assertEquals(text, get(back, "chapter"), target + ": chapter");
        assertEquals(text, get(back, "description"), target + ": description");
      }
    }
  }

  /**
   * {@code @JdbcTypeCode(SqlTypes.LONGVARCHAR)} and {@code LONGNVARCHAR}: Hibernate's varchar(32600) (or the
   * @Column length) on PostgreSQL and H2, equal to its export with its validate passing, beside
   * {@code columnDefinition = "text"} and {@code @Lob String}. On MariaDB Hibernate makes a TEXT there, longer
   * than a VARCHAR may be: a build error that names LONG32VARCHAR.
   */
  @Test
  void longVarchar(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(Set.of(Target.POSTGRESQL, Target.H2));
    SchemaComparison types = new SchemaComparison(dir, targets);
    types.step(List.of("mappings/types/longvarchar"), java.util.Map.of(), "-Ajmigrate.dialects=postgresql,h2");
    types.assertNoProblems();

    EntityProject project = new EntityProject(dir.resolve("mariadb"));
    project.useSources(List.of(EntityProject.resource("mappings/types/longvarchar")));
    EntityProject.Build build = project.build("-Ajmigrate.dialects=mariadb");
    assertEquals(false, build.ok());
    String errors = String.join("\n", build.messages(javax.tools.Diagnostic.Kind.ERROR));
    org.junit.jupiter.api.Assertions.assertTrue(errors.contains("length 32600 is more than MariaDB and MySQL can hold in a VARCHAR")
        && errors.contains("SqlTypes.LONG32VARCHAR"), errors);
  }

  /**
   * {@code @Enumerated(STRING) @Column(length = 1)}: Hibernate 7's char(1) on PostgreSQL, which jmigrate
   * makes (a varchar(1) fails Hibernate's validate there), and on MariaDB its enum type, whose validate
   * accepts the varchar(1) that is jmigrate's CHAR(1) there. Not on H2 without target dialects: Hibernate's
   * enum type there accepts a varchar but not the char(1) that a {@code char} field needs (see
   * {@link #enumOfLengthOneForH2}).
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
   * The same enum of length 1 built for H2 ({@code -Ajmigrate.dialects=h2}), and for H2 and MariaDB: a VARCHAR(1)
   * with the check of the names, which Hibernate's enum type on H2 validates (as MariaDB's, where jmigrate's
   * CHAR(1) was a varchar(1) already): the catalog equals Hibernate's export but for the enum type, Hibernate's
   * validate passes, and a row written through Hibernate loads.
   */
  @Test
  void enumOfLengthOneForH2(@TempDir Path dir) throws Exception {
    for (List<Target> build : List.of(List.of(Target.H2), List.of(Target.H2, Target.MARIADB))) {
      Set<Target> targets = SchemaComparison.all();
      targets.retainAll(build);
      String dialects = String.join(",", build.stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).toList());
      SchemaComparison types = new SchemaComparison(dir.resolve(dialects), targets);
      EntityProject.Build built = types.step(List.of("mappings/types/enum1"), java.util.Map.of(),
          "-Ajmigrate.dialects=" + dialects);
      types.assertNoProblems();
      assertEquals(List.of(), built.warningsAbout("length = 1"), dialects);
      String migration = Files.readString(dir.resolve(dialects).resolve("project/src/main/java/"
          + EntityProject.MIGRATIONS_PACKAGE.replace('.', '/') + "/V0001_CreateShirt.java"));
      org.junit.jupiter.api.Assertions.assertTrue(migration.contains("column(\"size\", STRING).length(1))")
          && migration.contains("check(\"shirt_size_check\", \"size in ('S','M','L')\")"), migration);
    }
  }

  /**
   * A project built before for H2 has the CHAR(1): its next build turns the column into the VARCHAR(1), the
   * row written before stays, and then jmigrate's and Hibernate's validate pass and Hibernate reads the row.
   */
  @Test
  void enumOfLengthOneMadeBeforeBecomesVarcharOnH2(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(SchemaComparison.all().contains(Target.H2));
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/types/enum1")));
    EntityProject.Build before = project.build().assertOk(); // as jmigrate made it for every target
    String url = Target.H2.newDatabaseUrl(dir);
    try (URLClassLoader loader = before.loader(); Connection c = DriverManager.getConnection(url)) {
      before.migrator(loader).migrate(c);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO shirt (size) VALUES ('M')");
      }
    }
    EntityProject.Build build = project.build("-Ajmigrate.dialects=h2").assertOk();
    try (URLClassLoader loader = build.loader()) {
      List<Migration> all = MigrationIndex.load(loader.findResource(MigrationIndex.RESOURCE), loader);
      assertEquals(2, all.size(), project.migrationSources());
      try (Connection c = DriverManager.getConnection(url)) {
        build.migrator(loader).migrate(c);
        assertEquals(List.of(), build.migrator(loader).validate(c).differences());
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT data_type, character_maximum_length, size FROM information_schema.columns"
                + ", shirt WHERE table_name = 'shirt' AND column_name = 'size'")) {
          rs.next();
          assertEquals("character varying 1 M", rs.getString(1).toLowerCase(java.util.Locale.ROOT) + " " + rs.getInt(2) + " " + rs.getString(3));
        }
      }
      List<Class<?>> classes = build.entityClasses(loader);
      try (SessionFactory sf = Hibernate.open(url, Target.H2, classes, loader, "validate", Hibernate.Naming.SNAKE_CASE)) {
        List<?> shirts = sf.fromSession(s -> s.createQuery("from Shirt", Object.class).getResultList());
        assertEquals(1, shirts.size());
        assertEquals("M", String.valueOf(get(shirts.get(0), "size")));
      }
    }
  }

  /**
   * With PostgreSQL and H2 both targets no one type passes Hibernate's validate on both: the build keeps the
   * CHAR(1) PostgreSQL needs and warns at the field, naming H2 and what to do; without H2, or without target
   * dialects, it says nothing.
   */
  @Test
  void enumOfLengthOneForPostgresqlAndH2Warns(@TempDir Path dir) throws Exception {
    EntityProject project = new EntityProject(dir.resolve("both"));
    project.useSources(List.of(EntityProject.resource("mappings/types/enum1")));
    EntityProject.Build both = project.build("-Ajmigrate.dialects=postgresql,h2").assertOk();
    List<String> warnings = both.warningsAbout("length = 1");
    assertEquals(1, warnings.size(), String.join("\n", both.messages(javax.tools.Diagnostic.Kind.WARNING)));
    org.junit.jupiter.api.Assertions.assertTrue(warnings.get(0).startsWith("Shirt.java:")
        && warnings.get(0).contains("Hibernate's validate will fail on H2") && warnings.get(0).contains("another length")
        && warnings.get(0).contains("-Ajmigrate.dialects=h2"), warnings.get(0));
    org.junit.jupiter.api.Assertions.assertTrue(project.migrationSources().contains("column(\"size\", CHAR).length(1))"),
        project.migrationSources());
    for (String[] options : new String[][] {{"-Ajmigrate.dialects=postgresql,mariadb"}, {}}) {
      EntityProject other = new EntityProject(dir.resolve("other" + options.length));
      other.useSources(List.of(EntityProject.resource("mappings/types/enum1")));
      assertEquals(List.of(), other.build(options).assertOk().warningsAbout("length = 1"), List.of(options).toString());
      org.junit.jupiter.api.Assertions.assertTrue(other.migrationSources().contains("column(\"size\", CHAR).length(1))"),
          other.migrationSources());
    }
  }

  /**
   * {@code @Enumerated(STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM)}: Hibernate 7's PostgreSQL enum type,
   * named after the Java enum, created before its table; then two constants added (one in the middle):
   * the migrated types and labels (in their order) equal Hibernate's export of each step, Hibernate's
   * validate passes, and the rows of step 1 are kept. PostgreSQL only (enum types are its own).
   */
  @Test
  void namedEnumTypes(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(Set.of(Target.POSTGRESQL));
    SchemaComparison types = new SchemaComparison(dir, targets);
    types.step(List.of("mappings/types/namedenum"), java.util.Map.of(), "-Ajmigrate.dialects=postgresql");
    types.step(List.of("mappings/types/namedenum2"), java.util.Map.of(), "-Ajmigrate.dialects=postgresql");
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

  /**
   * An entity whose instants an earlier jmigrate made {@code TIMESTAMP(6)} on MariaDB (its migration and
   * snapshot have no DATETIME storage): that database still validates, and the next build's migration
   * turns the columns into DATETIME(6), keeping every value as the session showed it (which is what
   * Hibernate wrote and reads back).
   */
  @Test
  void instantColumnsMadeBeforeBecomeDatetime(@TempDir Path dir) throws Exception {
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/types/instants")));
    EntityProject.Build first = project.build().assertOk();
    String fingerprint;
    String oldFingerprint;
    try (URLClassLoader loader = first.loader()) {
      Schema now = MigrationIndex.load(loader.findResource(MigrationIndex.RESOURCE), loader).get(0).applyTo(Schema.empty());
      Schema old = now;
      for (TableDefinition t : now.tables()) {
        for (ColumnDefinition col : t.columns()) {
          t = t.replaceColumn(new ColumnDefinition(col.name(), col.type(), col.length(), col.precision(), col.scale(),
              col.nullable(), col.defaultValue(), col.defaultSql(), col.generated(), col.defaultSqlByDialect()));
        }
        old = old.with(t);
      }
      fingerprint = SchemaFingerprint.of(now);
      oldFingerprint = SchemaFingerprint.of(old);
    }
    List<Path> generated;
    try (Stream<Path> files = Files.walk(project.root)) {
      generated = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("migrations")
          || f.getFileName().toString().equals("schema.json")).toList();
    }
    for (Path f : generated) { // as the earlier jmigrate wrote them
      Files.writeString(f, Files.readString(f).replace(".asUtcDatetime()", "").replace(", \"utcDatetime\": true", "")
          .replace(fingerprint, oldFingerprint));
    }
    EntityProject.Build build = project.build().assertOk();
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(Set.of(Target.MARIADB, Target.H2, Target.SQLITE)); // elsewhere the flag changes no SQL
    for (Target target : targets) {
      String url = target.newDatabaseUrl(dir);
      try (URLClassLoader loader = build.loader(); Connection c = DriverManager.getConnection(url)) {
        List<Migration> all = MigrationIndex.load(loader.findResource(MigrationIndex.RESOURCE), loader);
        assertEquals(2, all.size(), "the next build changes the columns");
        Migrator before = new Migrator(all.subList(0, 1));
        before.migrate(c);
        if (target == Target.MARIADB) {
          assertEquals("timestamp", columnType(c, "taken_at"));
        }
        try (Statement s = c.createStatement()) {
          s.execute("INSERT INTO reading (taken_at, label) VALUES ('2030-05-06 07:08:09.123456', 'a')");
        }
        assertEquals(List.of(), before.validate(c).differences(), target.toString());
        Migrator after = new Migrator(all);
        after.migrate(c);
        assertEquals(List.of(), after.validate(c).differences(), target.toString());
        if (target == Target.MARIADB) {
          assertEquals("datetime", columnType(c, "taken_at"));
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT CAST(taken_at AS CHAR) FROM reading")) {
            rs.next();
            assertEquals("2030-05-06 07:08:09.123456", rs.getString(1));
          }
        }
      }
    }
  }

  private static String columnType(Connection c, String column) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT data_type FROM information_schema.columns"
        + " WHERE table_schema = DATABASE() AND table_name = 'reading' AND column_name = ?")) {
      ps.setString(1, column);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1).toLowerCase(java.util.Locale.ROOT);
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
