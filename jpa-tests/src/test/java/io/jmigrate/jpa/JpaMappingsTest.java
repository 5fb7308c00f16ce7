package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

  /**
   * What Hibernate 6.6 (Spring Boot 3.5) and 7 make differently, judged by the Hibernate this module runs with
   * (jpa-tests-hibernate6 runs the same test with 6.6): versions, primitives with and without {@code @Column},
   * sets and lists of values and of embeddables.
   */
  @Test
  void whatHibernateLinesMakeDifferently(@TempDir Path dir) throws Exception {
    SchemaComparison lines = new SchemaComparison(dir, SchemaComparison.all());
    lines.step("mappings/lines");
    lines.assertNoProblems();
  }

  /**
   * snake_case names with a digit before a capital (src/test/resources/mappings/digits): Hibernate 7 puts an
   * underscore after the digit ({@code oauth2_client_info}, {@code sha256_hash}), 6.6 does not
   * ({@code oauth2client_info}, {@code sha256hash}); tables, columns, a sequence, a collection table, a foreign key.
   */
  @Test
  void digitBeforeACapitalAsTheHibernateLineNamesIt(@TempDir Path dir) throws Exception {
    SchemaComparison digits = new SchemaComparison(dir, SchemaComparison.all());
    digits.step("mappings/digits");
    digits.assertNoProblems();
  }

  /**
   * A database whose names the other Hibernate line made (forced by {@code -Ajmigrate.hibernate}), on a real
   * PostgreSQL: the next build, for the Hibernate on the class path, refuses to drop the table and names the
   * {@code @RenamedFrom} that renames it; with it (and one on the field), the migration renames the table and the
   * column, the row stays, and this Hibernate's validate passes. Here a Spring Boot 3.5 project moving to 4; in
   * jpa-tests-hibernate6 a snapshot with 7's names under 6.6.
   */
  @Test
  void aDigitBeforeACapitalNamedByTheOtherLineIsRenamed(@TempDir Path dir) throws Exception {
    boolean seven = Hibernate.major() >= 7;
    String oldTable = seven ? "oauth2client" : "oauth2_client";
    String oldColumn = seven ? "sha256hash" : "sha256_hash";
    String table = seven ? "oauth2_client" : "oauth2client";
    String column = seven ? "sha256_hash" : "sha256hash";
    EntityProject project = new EntityProject(dir.resolve("project"));
    Path entity = Files.createDirectories(project.src.resolve("digits")).resolve("OAuth2Client.java");
    String source = "package digits;\n\n@jakarta.persistence.Entity\npublic class OAuth2Client {\n"
        + "  @jakarta.persistence.Id Long id;\n  String sha256Hash;\n}\n";
    Files.writeString(entity, source);
    EntityProject.Build other = project.build("-Ajmigrate.hibernate=" + (seven ? "6.6" : "7")).assertOk();
    String url = Target.POSTGRESQL.newDatabaseUrl(dir);
    try (URLClassLoader loader = other.loader(); Connection c = DriverManager.getConnection(url)) {
      other.migrator(loader).migrate(c);
      c.createStatement().execute("INSERT INTO " + oldTable + " (id, " + oldColumn + ") VALUES (1, 'abc')");
    }

    EntityProject.Build refused = project.build();
    assertTrue(!refused.ok() && refused.messages(javax.tools.Diagnostic.Kind.ERROR).stream().anyMatch(m -> m.contains(
        "the table " + oldTable + " (model digits.OAuth2Client) is gone") && m.contains("@RenamedFrom(\"" + oldTable
        + "\")")), refused.messages(javax.tools.Diagnostic.Kind.ERROR).toString());

    Files.writeString(entity, source.replace("@jakarta.persistence.Entity\n", "@jakarta.persistence.Entity\n"
        + "@io.jmigrate.RenamedFrom(\"" + oldTable + "\")\n").replace("  String sha256Hash;",
        "  @io.jmigrate.RenamedFrom(\"" + oldColumn + "\") String sha256Hash;"));
    EntityProject.Build renamed = project.build().assertOk();
    try (URLClassLoader loader = renamed.loader(); Connection c = DriverManager.getConnection(url)) {
      renamed.migrator(loader).migrate(c);
      assertEquals(List.of("1 abc"), io.jmigrate.testing.Sql.strings(c,
          "SELECT id || ' ' || " + column + " FROM " + table));
      Hibernate.open(url, Target.POSTGRESQL, renamed.entityClasses(loader), loader, "validate",
          Hibernate.Naming.SNAKE_CASE).close();
    }
  }

  /**
   * Quoted names with capitals under snake_case (src/test/resources/mappings/quoted): Hibernate 7 keeps them as
   * written ({@code OrderItem}, {@code unitPrice}), 6.6 converts and lower-cases them, still quoted
   * ({@code order_item}, {@code unit_price}); tables, columns, a join column and its foreign key.
   */
  @Test
  void quotedNamesAsTheHibernateLineNamesThem(@TempDir Path dir) throws Exception {
    SchemaComparison quoted = new SchemaComparison(dir, SchemaComparison.all());
    quoted.step("mappings/quoted");
    quoted.assertNoProblems();
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
   * a primitive with @Column is nullable; an @EmbeddedId and an @Embedded of a class without @Embeddable map its
   * fields; both sides of a many-to-many owning one @JoinTable (columns swapped) make one join table.
   */
  @Test
  void hibernate7Mappings(@TempDir Path dir) throws Exception {
    SchemaComparison mappings = new SchemaComparison(dir, SchemaComparison.all());
    mappings.step("mappings/hibernate7");
    mappings.assertNoProblems();
  }

  /**
   * Maps keyed by an attribute of the target entity and by an entity (src/test/resources/mappings/mapkeys, the
   * shapes of a shop's catalog): {@code @MapKey} adds no column (the child's own column is the key; a join table's
   * key is the owner and the child), {@code @MapKeyJoinColumn} and an entity key without it a join column with a
   * foreign key to the key entity, part of the collection or join table's key; {@code @MapKeyTemporal} a date key.
   */
  @Test
  void mapsKeyedByAnAttributeOrAnEntity(@TempDir Path dir) throws Exception {
    SchemaComparison maps = new SchemaComparison(dir, SchemaComparison.all());
    maps.step("mappings/mapkeys");
    maps.assertNoProblems();
  }

  /**
   * The same maps hold rows on every database jmigrate migrated: one category with an entry in each map, written
   * through Hibernate and read back in a new session, key and value. Not {@code featured} (a join table keyed by
   * the target's id, {@code @MapKey} without a name): Hibernate 7.4 loads it with a query that reads the id from
   * the join table, which fails on its own export as on jmigrate's (the schema is compared above).
   */
  @Test
  void mapsKeyedByAnAttributeOrAnEntityHoldRows(@TempDir Path dir) throws Exception {
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/mapkeys")));
    EntityProject.Build build = project.build().assertOk();
    String expected = String.join("\n", "media: hero -> /hero.png", "related: hero -> /hero.png", "rates: express -> 2.5", "notes: express -> by noon",
        "picks: express -> /hero.png", "dated: 2024-01-02 -> launch");
    List<String> problems = new ArrayList<>();
    for (Target target : SchemaComparison.all()) {
      String url = target.newDatabaseUrl(dir);
      try (URLClassLoader loader = build.loader()) {
        try (Connection c = DriverManager.getConnection(url)) {
          build.migrator(loader).migrate(c);
        }
        Class<?> categoryType = loader.loadClass("store.Category");
        Class<?> mediaType = loader.loadClass("store.Media");
        Class<?> optionType = loader.loadClass("store.FulfillmentOption");
        try (org.hibernate.SessionFactory sf = Hibernate.open(url, target, build.entityClasses(loader), loader,
            target.hibernateIsReference ? "validate" : "none", Hibernate.Naming.SNAKE_CASE)) {
          sf.inTransaction(session -> {
            Object option = create(optionType, Map.of("name", "express"));
            Object category = create(categoryType, Map.of("name", "shoes"));
            Object media = create(mediaType, Map.of("mediaKey", "hero", "url", "/hero.png", "category", category));
            session.persist(option);
            session.persist(category);
            session.persist(media);
            Map<String, Object> maps = new TreeMap<>();
            maps.put("related", new java.util.HashMap<>(Map.of("hero", media)));
            maps.put("rates", new java.util.HashMap<>(Map.of(option, new java.math.BigDecimal("2.50000"))));
            maps.put("notes", new java.util.HashMap<>(Map.of(option, "by noon")));
            maps.put("picks", new java.util.HashMap<>(Map.of(option, media)));
            maps.put("dated", new java.util.HashMap<>(Map.of(java.sql.Date.valueOf("2024-01-02"), "launch")));
            maps.forEach((name, map) -> set(category, name, map));
          });
          String read = sf.fromTransaction(session -> {
            Object category = session.createQuery("select c from Category c", categoryType).getSingleResult();
            List<String> entries = new ArrayList<>();
            for (String name : List.of("media", "related", "rates", "notes", "picks", "dated")) {
              ((Map<?, ?>) field(category, name)).forEach((k, v) -> entries.add(name + ": " + text(k) + " -> " + text(v)));
            }
            return String.join("\n", entries);
          });
          if (!read.equals(expected)) {
            problems.add(target + ":\n" + read);
          }
        }
      }
    }
    assertEquals(List.of(), problems, "expected on every database:\n" + expected);
  }

  private static Object create(Class<?> type, Map<String, Object> fields) {
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      Object o = constructor.newInstance();
      fields.forEach((name, value) -> set(o, name, value));
      return o;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(Object o, String name, Object value) {
    try {
      java.lang.reflect.Field f = o.getClass().getDeclaredField(name);
      f.setAccessible(true);
      f.set(o, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object field(Object o, String name) {
    try {
      java.lang.reflect.Field f = o.getClass().getDeclaredField(name);
      f.setAccessible(true);
      return f.get(o);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A map key or value as the test compares it: an entity by its name or url, a number plainly, a date as a day. */
  private static String text(Object value) {
    Object v = org.hibernate.Hibernate.unproxy(value);
    if (v instanceof java.util.Date d) {
      return new java.sql.Date(d.getTime()).toLocalDate().toString();
    }
    if (v instanceof java.math.BigDecimal b) {
      return b.stripTrailingZeros().toPlainString();
    }
    if (v != null && v.getClass().getSimpleName().equals("Media")) {
      return String.valueOf(field(v, "url"));
    }
    if (v != null && v.getClass().getSimpleName().equals("FulfillmentOption")) {
      return String.valueOf(field(v, "name"));
    }
    return String.valueOf(v);
  }

  /**
   * A composite key's column order (src/test/resources/mappings/keyorder): Hibernate orders a key's columns by size,
   * then name, unless a unique constraint over exactly the key's columns gives their order (and is then no unique
   * constraint of its own), for an @IdClass and an @EmbeddedId alike. {@code inspect --jpa} writes such a
   * constraint where a database's key is in another order.
   */
  @Test
  void compositeKeyOrderedByAUniqueConstraint(@TempDir Path dir) throws Exception {
    SchemaComparison keys = new SchemaComparison(dir, SchemaComparison.all());
    keys.step("mappings/keyorder");
    keys.assertNoProblems();
  }

  /**
   * The same entities first without the constraints (mappings/keyorder-before: the keys in size and name order), then
   * with them: the second build's migration sets each key in the constraint's order, and the rows stay.
   */
  @Test
  void aUniqueConstraintAddedOverTheKeyReordersIt(@TempDir Path dir) throws Exception {
    SchemaComparison keys = new SchemaComparison(dir, SchemaComparison.all());
    keys.step("mappings/keyorder-before");
    keys.step("mappings/keyorder");
    keys.assertNoProblems();
  }

  /**
   * On MariaDB, a foreign key whose columns the primary key, a unique constraint or an index already starts with
   * gets no index of its own (src/test/resources/mappings/fkindexes): the indexes (by columns and uniqueness) are
   * those of Hibernate's export, where InnoDB makes an index only for a key no other index serves. The catalog
   * comparison leaves such indexes out, so they are compared here. Dropping the unique constraint that served a
   * key then gives the key an index of its own in the same statement (InnoDB refuses to drop it otherwise).
   */
  @Test
  void foreignKeyIndexesOnMariaDbAreHibernates(@TempDir Path dir) throws Exception {
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/fkindexes")));
    EntityProject.Build build = project.build().assertOk();
    String url = Target.MARIADB.newDatabaseUrl(dir);
    String fresh = Target.MARIADB.newDatabaseUrl(dir);
    try (URLClassLoader loader = build.loader()) {
      try (Connection c = DriverManager.getConnection(url)) {
        build.migrator(loader).migrate(c);
      }
      Hibernate.open(fresh, Target.MARIADB, build.entityClasses(loader), loader, "create", Hibernate.Naming.SNAKE_CASE)
          .close();
    }
    try (Connection j = DriverManager.getConnection(url); Connection h = DriverManager.getConnection(fresh)) {
      assertEquals(indexes(h), indexes(j));
      assertEquals(List.of("membership: referrer_id"), indexes(j).stream().filter(i -> i.contains("referrer")).toList());
    }

    // The unique constraint over (club_id, role) goes: the key over club_id needs an index of its own now.
    project.edit("shop/Membership.java",
        "uniqueConstraints = @UniqueConstraint(columnNames = {\"club_id\", \"role\"}),\n    ", "");
    EntityProject.Build second = project.build().assertOk();
    try (URLClassLoader loader = second.loader(); Connection c = DriverManager.getConnection(url)) {
      second.migrator(loader).migrate(c);
      assertTrue(indexes(c).contains("membership: club_id"), indexes(c).toString());
      Hibernate.open(url, Target.MARIADB, second.entityClasses(loader), loader, "validate",
          Hibernate.Naming.SNAKE_CASE).close();
    }
  }

  /** Each index of the database's tables as "table: columns" ("unique" before them when unique), sorted; names left out. */
  private static List<String> indexes(Connection c) throws SQLException {
    Map<String, String> byName = new TreeMap<>();
    try (ResultSet rs = c.createStatement().executeQuery("SELECT table_name, index_name, non_unique, column_name "
        + "FROM information_schema.STATISTICS WHERE table_schema = DATABASE() AND table_name <> 'jmigrate_history' "
        + "ORDER BY table_name, index_name, seq_in_index")) {
      while (rs.next()) {
        String key = rs.getString(1) + "." + rs.getString(2);
        String prefix = rs.getString(1) + ": " + (rs.getInt(3) == 0 ? "unique " : "");
        String column = rs.getString(4);
        byName.put(key, byName.containsKey(key) ? byName.get(key) + ", " + column : prefix + column);
      }
    }
    List<String> out = new ArrayList<>(byName.values());
    out.sort(null);
    return out;
  }

  /**
   * An entity field named as a field of its {@code @MappedSuperclass} (src/test/resources/mappings/hiding): Hibernate
   * maps the inherited attribute (here a {@code @Version}, NOT NULL) and not the hiding field, whatever its column.
   */
  @Test
  void aFieldHidingAnInheritedOne(@TempDir Path dir) throws Exception {
    SchemaComparison hiding = new SchemaComparison(dir, SchemaComparison.all());
    hiding.step("mappings/hiding");
    hiding.assertNoProblems();
  }

  /**
   * An abstract SINGLE_TABLE root with no value of its own (src/test/resources/mappings/abstractroot): the
   * discriminator is checked against its subclasses' values only, and has no default (the root's entity name would
   * break that check; it was refused as "not a valid discriminator").
   */
  @Test
  void anAbstractSingleTableRoot(@TempDir Path dir) throws Exception {
    SchemaComparison root = new SchemaComparison(dir, SchemaComparison.all());
    root.step("mappings/abstractroot");
    root.assertNoProblems();
  }

  /**
   * Arrays declared with PostgreSQL's {@code columnDefinition} ({@code text[]}, {@code integer[]}, {@code varchar(20)[]},
   * {@code bigint[]}; src/test/resources/mappings/arraydefs), read as jmigrate's array types. On PostgreSQL only:
   * elsewhere Hibernate writes that SQL as it is, which H2 and MariaDB do not read.
   */
  @Test
  void arraysByColumnDefinition(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(Set.of(Target.POSTGRESQL));
    SchemaComparison arrays = new SchemaComparison(dir, targets);
    arrays.step(List.of("mappings/arraydefs"), Map.of(), "-Ajmigrate.dialects=postgresql");
    arrays.assertNoProblems();
  }

  /**
   * Arrays of elements jmigrate has no array type for ({@code real[]}, {@code smallint[]}, {@code float8[]};
   * src/test/resources/mappings/nativearrays), as {@code inspect --jpa} writes them: a {@code columnDefinition} on a
   * Java array of the element's type, which Hibernate maps as an ARRAY (its validate accepts the column) and jmigrate
   * reads as the type written. On PostgreSQL, whose types they are.
   */
  @Test
  void arraysOfOtherElementsByColumnDefinition(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(Set.of(Target.POSTGRESQL));
    SchemaComparison arrays = new SchemaComparison(dir, targets);
    arrays.step(List.of("mappings/nativearrays"), Map.of(), "-Ajmigrate.dialects=postgresql");
    arrays.assertNoProblems();
  }

  /**
   * {@code @JdbcType(PostgreSQLJsonPGObjectJsonbType.class)} (src/test/resources/mappings/jsonjdbctype): Hibernate makes
   * the column jsonb, with or without {@code columnDefinition}. On PostgreSQL, whose driver type it names.
   */
  @Test
  void jsonbByJdbcType(@TempDir Path dir) throws Exception {
    // The entity names Hibernate 7's org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonbType (6.6 has it elsewhere).
    org.junit.jupiter.api.Assumptions.assumeTrue(Hibernate.major() >= 7, "the mapping set is written for Hibernate 7");
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(Set.of(Target.POSTGRESQL));
    SchemaComparison json = new SchemaComparison(dir, targets);
    json.step(List.of("mappings/jsonjdbctype"), Map.of(), "-Ajmigrate.dialects=postgresql");
    json.assertNoProblems();
  }
}
