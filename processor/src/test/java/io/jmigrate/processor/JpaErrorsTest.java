package io.jmigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JPA construct jmigrate does not map is a javac error (or, where the table is built all
 * the same, a warning) at the user's own line, saying what is not mapped and why: never a
 * silently missing column. The line is the one marked {@code // <-}.
 */
class JpaErrorsTest {
  @TempDir Path dir;

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("@Lob on a serialized type", """
            @Entity class Thing {
              @Id Long id;
              @Lob Integer number; // <-
            }""", "jmigrate maps @Lob (number) on String, char[], Character[] and java.sql.Clob"),
        Arguments.of("@Lob with @Convert", """
            @Entity class Thing {
              @Id Long id;
              @Lob @Convert(converter = Up.class) String text; // <-
            }
            @Converter class Up implements AttributeConverter<String, String> {
              public String convertToDatabaseColumn(String s) { return s; }
              public String convertToEntityAttribute(String s) { return s; }
            }""", "without columnDefinition, @Convert or @Enumerated; remove those or @Lob"),
        Arguments.of("two entities on one sequence that disagree", """
            @Entity class Thing {
              @Id @GeneratedValue(generator = "ids")
              @SequenceGenerator(name = "ids", allocationSize = 1) // <-
              Long id;
            }
            @Entity class Other {
              @Id @GeneratedValue(generator = "ids") Long id; // a generator is the entity's own: here, the sequence ids by 50
            }""", "the sequence ids is declared twice, starting at 1 counting by 50 and starting at 1 counting by 1"),
        Arguments.of("Hibernate's @GenericGenerator", """
            @Entity class Thing {
              @Id
              @GeneratedValue(generator = "inc") // <-
              @org.hibernate.annotations.GenericGenerator(name = "inc", strategy = "increment")
              Long id;
            }""", "jmigrate does not map Hibernate's @GenericGenerator (generator = \"inc\")"),
        Arguments.of("an @EmbeddedId of a type without fields of its own", """
            @Entity class Thing {
              @EmbeddedId String key; // <-
            }""", "@EmbeddedId key needs a class whose fields are its columns (usually annotated @Embeddable); "
            + "java.lang.String is not one"),
        Arguments.of("a sequence generator in another schema", """
            @Entity class Thing {
              @Id @GeneratedValue(generator = "ids")
              @SequenceGenerator(name = "ids", schema = "other") // <-
              Long id;
            }""", "jmigrate migrates one schema, the connection's: remove schema and catalog from the @SequenceGenerator"),
        Arguments.of("IDENTITY in a table-per-class hierarchy", """
            @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) class Thing {
              @Id
              @GeneratedValue(strategy = GenerationType.IDENTITY) // <-
              Long id;
            }
            @Entity class Other extends Thing { String x; }""", "Hibernate refuses IDENTITY keys in a TABLE_PER_CLASS"),
        Arguments.of("a type without a column", """
            @Entity class Thing {
              @Id Long id;
              java.time.Period wait; // <-
            }""", "jmigrate cannot map wait of type java.time.Period"),
        Arguments.of("a converter to an unsupported type", """
            @Entity class Thing {
              @Id Long id;
              @Convert(converter = ToPeriod.class) Boolean yes; // <-
            }
            class ToPeriod implements AttributeConverter<Boolean, java.time.Period> {
              public java.time.Period convertToDatabaseColumn(Boolean b) { return null; }
              public Boolean convertToEntityAttribute(java.time.Period c) { return null; }
            }""", "its converter ToPeriod stores java.time.Period, which is not a supported column type"),
        Arguments.of("@OrderColumn on a set", """
            @Entity class Thing {
              @Id Long id;
              @ElementCollection
              @OrderColumn // <-
              Set<String> tags;
            }""", "@OrderColumn orders a List; tags is java.util.Set<java.lang.String>"),
        Arguments.of("@MapKey on an element collection", """
            @Entity class Thing {
              @Id Long id;
              @ElementCollection
              @MapKey // <-
              Map<Long, String> notes;
            }""", "@MapKey keys a map of entities by one of their attributes; notes is an @ElementCollection, whose "
            + "map key is a column of its collection table. Use @MapKeyColumn"),
        Arguments.of("@MapKey naming no attribute of the target", """
            @Entity class Thing {
              @Id Long id;
              @OneToMany
              @MapKey(name = "code") // <-
              Map<String, Other> others;
            }
            @Entity class Other { @Id Long id; String label; }""", "@MapKey(name = \"code\") on others names no "
            + "attribute of Other (Hibernate fails at start-up); its attributes are [id, label]"),
        Arguments.of("@MapKeyJoinColumn on a key that is no entity", """
            @Entity class Thing {
              @Id Long id;
              @ElementCollection
              @MapKeyJoinColumn(name = "k") // <-
              Map<String, String> notes;
            }""", "@MapKeyJoinColumn keys notes by a reference to an entity, but its key type java.lang.String is "
            + "not an @Entity. Use @MapKeyColumn"),
        Arguments.of("a map key of two join columns", """
            @Entity class Thing {
              @Id Long id;
              @ElementCollection
              @MapKeyJoinColumns({@MapKeyJoinColumn(name = "a"), @MapKeyJoinColumn(name = "b")}) // <-
              Map<Thing, String> notes;
            }""", "jmigrate maps a map key with one join column only (notes has 2, which Hibernate makes one "
            + "composite foreign key of)"),
        Arguments.of("a map keyed by a type without a column", """
            @Entity class Thing {
              @Id Long id;
              @ElementCollection Map<Object, String> notes; // <-
            }""", "jmigrate cannot map the key of notes (java.lang.Object): a map's key is mapped when it is"),
        Arguments.of("@MapsId", """
            @Entity class Thing {
              @Id Long id;
              @OneToOne
              @MapsId // <-
              Thing parent;
            }""", "jmigrate does not map @MapsId (parent): Hibernate would make the association's join column the key"),
        Arguments.of("a key that is an association", """
            @Entity class Thing {
              @Id @ManyToOne Other other; // <-
            }
            @Entity class Other { @Id Long id; }""", "jmigrate does not map a key that is an association (other, a "
            + "derived identity: Hibernate would make its join column the key"),
        Arguments.of("property access", """
            @Entity class Thing {
              Long id;
              @Id // <-
              Long getId() { return id; }
            }""", "jmigrate reads annotations on fields (field access), not on getters: @Id on Thing.getId()"),
        Arguments.of("@Access(PROPERTY)", """
            @Entity
            @Access(AccessType.PROPERTY) // <-
            class Thing {
              @Id Long id;
            }""", "@Access(AccessType.PROPERTY) on Thing is not read"),
        Arguments.of("@SecondaryTable", """
            @Entity
            @SecondaryTable(name = "thing_more") // <-
            class Thing {
              @Id Long id;
            }""", "jmigrate does not read @SecondaryTable on Thing: the columns it places (Hibernate would put them in a "
            + "second table joined by the key) would be missing"),
        Arguments.of("two join columns", """
            @Entity class Thing {
              @Id Long id;
              @ManyToOne
              @JoinColumns({@JoinColumn(name = "a"), @JoinColumn(name = "b")}) // <-
              Thing parent;
            }""", "jmigrate maps associations with one join column only (parent has 2, which Hibernate makes one composite "
            + "foreign key of): reference a single-column key"),
        Arguments.of("an association to a composite key", """
            @Entity class Thing {
              @Id Long id;
              @ManyToOne Line line; // <-
            }
            @Entity @IdClass(LineKey.class) class Line { @Id long a; @Id long b; }
            class LineKey implements java.io.Serializable { long a; long b; }""",
            "jmigrate maps associations to a single-column key only; Line has the composite key [a, b]"),
        Arguments.of("an association to a class that is not an entity", """
            @Entity class Thing {
              @Id Long id;
              @ManyToOne String owner; // <-
            }""", "owner is an association to String, which is not an @Entity"),
        Arguments.of("an association to an abstract table-per-class root", """
            @Entity class Thing {
              @Id Long id;
              @ManyToOne Shape shape; // <-
            }
            @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) abstract class Shape { @Id Long id; }
            @Entity class Circle extends Shape { double r; }""", "jmigrate does not map an association to Shape, the "
            + "abstract root of a TABLE_PER_CLASS hierarchy"),
        Arguments.of("a columnDefinition with more than a type", """
            @Entity class Thing {
              @Id Long id;
              @Column(columnDefinition = "varchar(20) default 'x'") String name; // <-
            }""", "jmigrate cannot read columnDefinition \"varchar(20) default 'x'\" (name): it takes one column type as "
            + "written (varchar(20), numeric(10,2), tsvector, inet, a domain's name, text[]), without a default, NOT NULL"
            + " or a constraint. Keep only the type in columnDefinition, and use Hibernate's @ColumnDefault for the default"),
        Arguments.of("a columnDefinition of a type jmigrate does not model with NOT NULL", """
            @Entity class Thing {
              @Id Long id;
              @Column(columnDefinition = "tsvector not null unique") String body; // <-
            }""", "Keep only the type in columnDefinition, and use @Column(nullable = false) for NOT NULL, "
            + "@Column(unique = true) for UNIQUE"),
        Arguments.of("@JdbcTypeCode(INTERVAL_SECOND) without one target dialect", """
            @Entity class Thing {
              @Id Long id;
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTERVAL_SECOND) // <-
              java.time.Duration waiting;
            }""", "Hibernate 7 makes @JdbcTypeCode(SqlTypes.INTERVAL_SECOND) (waiting) interval second(6) on PostgreSQL "
            + "and interval second(18,9) on H2, and has no such type on MariaDB or SQLite, so jmigrate reads it with one"
            + " target dialect only, postgresql or h2 (-Ajmigrate.dialects is not given). For one type everywhere, write"
            + " it: @Column(columnDefinition = \"interval second(6)\") (and remove @JdbcTypeCode)"),
        Arguments.of("@JdbcTypeCode(INTERVAL_SECOND) on a long", """
            @Entity class Thing {
              @Id Long id;
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTERVAL_SECOND) // <-
              long waiting;
            }""", "jmigrate maps @JdbcTypeCode(SqlTypes.INTERVAL_SECOND) on a java.time.Duration only, not on waiting"),
        Arguments.of("a columnDefinition of a serial", """
            @Entity class Thing {
              @Id @Column(columnDefinition = "bigserial") Long id; // <-
            }""", "Keep only the type in columnDefinition, and use @GeneratedValue(strategy = GenerationType.IDENTITY)"
            + " for the serial"),
        Arguments.of("a columnDefinition of MariaDB's enum with a default", """
            @Entity class Thing {
              @Id Long id;
              @Column(columnDefinition = "enum('a','b') default 'a'") String kind; // <-
            }""", "jmigrate cannot read columnDefinition \"enum('a','b') default 'a'\" (kind): it takes one column type"
            + " as written (varchar(20), numeric(10,2), tsvector, inet, a domain's name, text[]), without a default, NOT"
            + " NULL or a constraint. Keep only the type in columnDefinition, and use Hibernate's @ColumnDefault for the"
            + " default"),
        Arguments.of("@Table(schema)", """
            @Entity
            @Table(name = "thing", schema = "other") // <-
            class Thing {
              @Id Long id;
            }""", "jmigrate migrates one schema, the connection's: remove @Table(schema)"),
        Arguments.of("no key", """
            @Entity class Thing { // <-
              String name;
            }""", "entity Thing has no @Id or @EmbeddedId field"),
        Arguments.of("an association inside an element collection's embeddable", """
            @Entity class Thing {
              @Id Long id;
              @ElementCollection Set<Place> places;
            }
            @Embeddable class Place {
              @ManyToOne Thing near; // <-
            }""", "jmigrate does not map associations or element collections inside an @Embeddable of an element "
            + "collection (Place.near; Hibernate would put its column in the collection table)"),
        Arguments.of("@AssociationOverride on an embedded field", """
            @Entity class Thing {
              @Id Long id;
              @Embedded
              @AssociationOverride(name = "near", joinColumns = @JoinColumn(name = "close_id")) // <-
              Place place;
            }
            @Embeddable class Place {
              @ManyToOne Thing near;
            }""", "jmigrate does not read @AssociationOverride on place: the join columns it names would be missing"),
        Arguments.of("two entities on one table that disagree on a column", """
            @Entity @Table(name = "person") class Thing {
              @Id Long id;
              @Column(length = 80) String name; // <-  (Other sorts first: its column is the table's)
            }
            @Entity @Table(name = "person") class Other {
              @Id Long id;
              @Column(length = 40) String name;
            }""", "the table person is mapped by Other and Thing, so Hibernate makes one column name for both; they "
            + "differ: STRING(40) in Other.name, STRING(80) here"),
        Arguments.of("an @IdClass field the entity does not have", """
            @Entity
            @IdClass(Key.class) // <-
            class Thing {
              @Id Long id;
            }
            class Key implements java.io.Serializable { Long id; String part; }""",
            "the @IdClass of Thing has the field part, which Thing does not have"),
        Arguments.of("jpa naming, MariaDB, a table name with capitals", """
            @Entity class Thing { // <-  (-Ajmigrate.naming=jpa -Ajmigrate.dialects=postgresql,mariadb)
              @Id Long id;
            }""", "with -Ajmigrate.naming=jpa Hibernate names this table Thing, unquoted: MariaDB and MySQL keep "
            + "its capitals (table names are case-sensitive on Linux) while PostgreSQL and H2 fold it to thing"
            + " (-Ajmigrate.dialects=mariadb,postgresql), so no one name serves both. Name the table in lower case"
            + " (@Table(name = \"thing\"), @JoinTable or @CollectionTable), use -Ajmigrate.naming=snake_case, build for"
            + " MariaDB and MySQL alone (-Ajmigrate.dialects=mariadb: jmigrate then keeps the capitals, as Hibernate"
            + " writes them), or run MariaDB and MySQL with lower_case_table_names=1 (which stores Hibernate's name in"
            + " lower case too) and leave it out of the target dialects"),
        Arguments.of("jpa naming, MariaDB, a sequence name with capitals", """
            @Entity @Table(name = "thing") class Thing {
              @Id
              @GeneratedValue // <-  (-Ajmigrate.naming=jpa -Ajmigrate.dialects=postgresql,mariadb)
              Long id;
            }""", "with -Ajmigrate.naming=jpa Hibernate names this sequence thing_SEQ, unquoted: MariaDB and MySQL keep"
            + " its capitals"),
        Arguments.of("@Table on a mapped superclass", """
            @MappedSuperclass
            @Table(name = "base") // <-
            abstract class Base { @Id Long id; }
            @Entity class Thing extends Base { String name; }""", "Hibernate refuses @Table on a @MappedSuperclass at"
            + " start-up (\"Mapped superclass 'com.acme.model.Base' may not specify a '@Table'\"): Base has no table of"
            + " its own. Move it to the entity (Thing)"),
        Arguments.of("@Inheritance on a mapped superclass", """
            @MappedSuperclass
            @Inheritance(strategy = InheritanceType.JOINED) // <-
            abstract class Base { @Id Long id; }
            @Entity class Thing extends Base { String name; }""", "Hibernate refuses @Inheritance on a @MappedSuperclass"
            + " at start-up (\"Mapped superclass 'com.acme.model.Base' may not specify an '@Inheritance' mapping"
            + " strategy\")"),
        Arguments.of("a join table's join column not updatable", """
            @Entity class Thing {
              @Id Long id;
              @ManyToMany
              @JoinTable(name = "thing_tags", joinColumns = @JoinColumn(name = "thing_id", updatable = false)) // <-
              Set<Tag> tags;
            }
            @Entity class Tag { @Id Long id; }""", "Hibernate refuses the join column thing_id of tags with insertable"
            + " = true and updatable = false (\"must be defined with the same insertable and updatable attributes\"): a"
            + " collection's rows are written as a whole. Remove updatable = false from the @JoinColumn in joinColumns,"
            + " or set both to false"),
        Arguments.of("a collection table's join column not insertable", """
            @Entity class Thing {
              @Id Long id;
              @ElementCollection
              @CollectionTable(joinColumns = @JoinColumn(name = "thing_id", insertable = false)) // <-
              Set<String> names;
            }""", "Hibernate refuses the join column thing_id of names with insertable = false and updatable = true"),
        Arguments.of("an inverse join column not updatable", """
            @Entity class Thing {
              @Id Long id;
              @OneToMany
              @JoinTable(inverseJoinColumns = @JoinColumn(name = "tag_id", updatable = false)) // <-
              List<Tag> tags;
            }
            @Entity class Tag { @Id Long id; }""", "Remove updatable = false from the @JoinColumn in inverseJoinColumns"),
        Arguments.of("an invalid naming option", """
            @Entity class Thing { // (the option)
              @Id Long id;
            }""", "-Ajmigrate.naming=camel is not a naming; use snake_case"));
  }

  static Stream<Arguments> warnings() {
    return Stream.of(
        Arguments.of("a Hibernate annotation that changes the column", """
            @Entity class Thing {
              @Id Long id;
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NCLOB) // <-
              String text;
            }""", "jmigrate does not read Hibernate's @JdbcTypeCode on text; if it changes the column"),
        Arguments.of("a descending index", """
            @Entity
            @Table(indexes = @Index(columnList = "name DESC")) // <-
            class Thing {
              @Id Long id;
              String name;
            }""", "jmigrate builds ascending indexes only: DESC in \"name DESC\" is left out"));
  }

  @org.junit.jupiter.api.Test
  void aColumnDefinitionReadAsATypeIsANoteAtIt() {
    String source = "package com.acme.model;\n\nimport jakarta.persistence.*;\n\n@Entity class Thing {\n"
        + "  @Id Long id;\n  @Column(columnDefinition = \"TEXT\") String story;\n}\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    Compilation c = compile("snake_case", file);
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("columnDefinition \"TEXT\" (story) is read as jmigrate's STRING (unbounded): SQL "
        + "as written is not portable").inFile(file).onLine(7);
  }

  /**
   * A columnDefinition that is one type jmigrate does not model is a NATIVE column of that type as written (as
   * Hibernate's export writes it), with a note at it; NOT NULL and uniqueness come from @Column as for any column.
   */
  @org.junit.jupiter.api.Test
  void aColumnDefinitionOfATypeJmigrateDoesNotModelIsNative() throws Exception {
    String source = "package com.acme.model;\n\nimport jakarta.persistence.*;\n\n@Entity class Thing {\n"
        + "  @Id Long id;\n"
        + "  @Column(columnDefinition = \"tsvector\", nullable = false) String body;\n"
        + "  @Column(columnDefinition = \" interval second(6) \") java.time.Duration waiting;\n"
        + "  @Column(columnDefinition = \"inet[]\") String[] hosts;\n"
        + "  @Column(columnDefinition = \"public.\\\"Postal\\\"\", unique = true) String postal;\n"
        + "  @Column(columnDefinition = \"timestamp(3) with time zone\") java.time.OffsetDateTime seen;\n"
        + "  @Column(columnDefinition = \"numeric(10,2)\") java.math.BigDecimal price;\n"
        + "}\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    Compilation c = compile("snake_case", file);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(0);
    assertThat(c).hadNoteContaining("columnDefinition \"tsvector\" (body) is read as a type jmigrate does not model, "
        + "created as written (as @Column(sqlType) is)").inFile(file).onLine(7);
    assertThat(c).hadNoteContaining("columnDefinition \"interval second(6)\" (waiting) is read as a type jmigrate")
        .inFile(file).onLine(8);
    String migration;
    try (var files = java.nio.file.Files.walk(dir)) {
      Path v1 = files.filter(f -> f.getFileName().toString().startsWith("V0001")).findFirst().orElseThrow();
      migration = java.nio.file.Files.readString(v1);
    }
    for (String column : List.of("column(\"body\", NATIVE).sqlType(\"tsvector\").notNull()",
        "column(\"waiting\", NATIVE).sqlType(\"interval second(6)\"),", "column(\"hosts\", NATIVE).sqlType(\"inet[]\"),",
        "column(\"postal\", NATIVE).sqlType(\"public.\\\"Postal\\\"\"),", "uniqueIndex(\"ux_thing_postal\", \"postal\")",
        "column(\"seen\", NATIVE).sqlType(\"timestamp(3) with time zone\"),",
        "column(\"price\", DECIMAL).precision(10, 2)")) {
      org.junit.jupiter.api.Assertions.assertTrue(migration.contains(column), column + " in " + migration);
    }
  }

  /**
   * A table or column name that a target dialect takes for a keyword and Hibernate writes unquoted (measured: its DDL
   * fails there) is a warning naming the quoted mapping, the global option and a rename; a quoted name, or a
   * keyword of no target dialect, is none.
   */
  @org.junit.jupiter.api.Test
  void keywordsOfATargetThatHibernateDoesNotQuoteAreWarnings() {
    String source = "package com.acme.model;\n\nimport jakarta.persistence.*;\n\n"
        + "@Entity @Table(name = \"user\") class Account {\n"
        + "  @Id Long id;\n"
        + "  String value;\n"
        + "  @Column(name = \"key\") String code;\n"
        + "  @Column(name = \"\\\"year\\\"\") Integer year;\n"
        + "  String name;\n"
        + "}\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Account", source);
    Compilation h2 = compileFor("h2", file);
    assertThat(h2).succeeded();
    assertThat(h2).hadWarningContaining("the table name user is a keyword of h2 that Hibernate writes unquoted: jmigrate"
        + " quotes it and creates the table, but Hibernate's own DDL and queries fail there. Quote it in the mapping"
        + " (@Table(name = \"\\\"user\\\"\")), set hibernate.globally_quoted_identifiers=true, or rename it")
        .inFile(file).onLine(5);
    assertThat(h2).hadWarningContaining("the column name value is a keyword of h2").inFile(file).onLine(7);
    assertThat(h2).hadWarningContaining("the column name key is a keyword of h2 that Hibernate writes unquoted")
        .inFile(file).onLine(8);
    // "year" is quoted in lower case: Hibernate's "year" is not the YEAR jmigrate creates on H2 (its queries fail).
    assertThat(h2).hadWarningContaining("the quoted column name year keeps its lower case in Hibernate's SQL (\"year\"),"
        + " but on an H2 database that folds names to upper case (H2's default) jmigrate creates it as YEAR: Hibernate's"
        + " validate passes there and its queries do not find the column. Open H2 with DATABASE_TO_LOWER=TRUE")
        .inFile(file).onLine(9);
    assertThat(h2).hadWarningCount(4); // not name
    Compilation postgres = compileFor("postgresql,mariadb", file);
    assertThat(postgres).succeeded();
    assertThat(postgres).hadWarningContaining("the table name user is a keyword of postgresql that Hibernate writes"
        + " unquoted: jmigrate quotes it and creates the table, but Hibernate's own DDL and queries fail there. Quote it"
        + " in the mapping (@Table(name = \"\\\"user\\\"\")), set").inFile(file).onLine(5);
    assertThat(postgres).hadWarningContaining("the column name key is a keyword of mariadb that").inFile(file).onLine(8);
    assertThat(postgres).hadWarningCount(2);
    Compilation none = compileFor("sqlite", file);
    assertThat(none).succeeded();
    assertThat(none).hadWarningCount(0);
  }

  /**
   * {@code @Lob} with a columnDefinition (here {@code BINARY}, which PostgreSQL does not have) stays an error; it
   * says what the column is without it on each target dialect, as Hibernate 6.6 and 7 map {@code @Lob}
   * ({@code oid} on PostgreSQL; MariaDB's by the length; LobTest compares those with Hibernate's export).
   */
  @org.junit.jupiter.api.Test
  void aLobWithAColumnDefinitionSaysWhatEachTargetMakesWithoutIt() {
    String source = "package com.acme.model;\n\nimport jakarta.persistence.*;\n\n@Entity class Thing {\n"
        + "  @Id Long id;\n  @Lob @Column(columnDefinition = \"BINARY\") byte[] data;\n"
        + "  @Lob @Column(columnDefinition = \"TEXT\", length = 1000) String story;\n}\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    assertThat(compileFor("postgresql", file)).hadErrorContaining("remove those or @Lob. Without them the column is a "
        + "binary large object: oid on PostgreSQL (-Ajmigrate.dialects=postgresql), as Hibernate makes it")
        .inFile(file).onLine(7);
    Compilation all = compileFor("h2,mariadb,postgresql,sqlite", file);
    assertThat(all).hadErrorContaining("Without them the column is a binary large object: blob on H2, tinyblob on "
        + "MariaDB and MySQL, oid on PostgreSQL, blob on SQLite (-Ajmigrate.dialects=h2,mariadb,postgresql,sqlite), as "
        + "Hibernate makes it").inFile(file).onLine(7);
    assertThat(all).hadErrorContaining("Without them the column is a character large object: clob on H2, text on "
        + "MariaDB and MySQL, oid on PostgreSQL, text on SQLite").inFile(file).onLine(8);
  }

  /** The trial's case: an {@code @IdClass} key of five strings (255 each) is too wide for MariaDB: 153 each fits. */
  @org.junit.jupiter.api.Test
  void anIdClassKeyOfFiveStringsTooWideForMariaDbGetsALengthForEach() {
    String source = "package com.acme.model;\n\nimport jakarta.persistence.*;\n\n@Entity @IdClass(R.Key.class) class R {\n"
        + "  @Id String a;\n  @Id String b;\n  @Id String c;\n  @Id String d;\n  @Id String e;\n"
        + "  record Key(String a, String b, String c, String d, String e) implements java.io.Serializable {}\n}\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.R", source);
    assertThat(compileFor("mariadb", file)).hadErrorContaining("the primary key of r (a, b, c, d, e) is 5100 bytes wide on"
        + " MariaDB and MySQL");
    assertThat(compileFor("mariadb", file)).hadErrorContaining("Give R.a, R.b, R.c, R.d and R.e each at most 153"
        + " characters, or key the table by fewer columns.");
  }

  private Compilation compileFor(String dialects, JavaFileObject... files) {
    return javac().withProcessors(new MigrationProcessor()).withOptions(List.of(
        "-Ajmigrate.sourceDir=" + dir.resolve("src-" + dialects), "-Ajmigrate.snapshot=" + dir.resolve(dialects + ".json"),
        "-Ajmigrate.naming=snake_case", "-Ajmigrate.dialects=" + dialects)).compile(files);
  }

  /** The codes and definitions jmigrate reads are no warnings: JSON, CHAR, arrays, jsonb and char(n). */
  @org.junit.jupiter.api.Test
  void jsonCharAndArrayMappingsAreRead() throws Exception {
    String source = "package com.acme.model;\n\nimport jakarta.persistence.*;\nimport java.util.*;\n"
        + "import org.hibernate.annotations.JdbcTypeCode;\nimport org.hibernate.type.SqlTypes;\n\n@Entity class Thing {\n"
        + "  @Id Long id;\n"
        + "  @JdbcTypeCode(SqlTypes.JSON) Map<String, Object> attributes;\n"
        + "  @Column(columnDefinition = \"jsonb\") String raw;\n"
        + "  @JdbcTypeCode(SqlTypes.CHAR) @Column(length = 2) String country;\n"
        + "  @Column(length = 3, columnDefinition = \"char(3)\") String code;\n"
        + "  @JdbcTypeCode(SqlTypes.ARRAY) List<String> tags;\n"
        + "  Long[] ids;\n"
        + "}\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    Compilation c = compile("snake_case", file);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(0);
    assertThat(c).hadNoteContaining("columnDefinition \"jsonb\" (raw) is read as jmigrate's JSON").inFile(file).onLine(11);
    assertThat(c).hadNoteContaining("columnDefinition \"char(3)\" (code) is read as jmigrate's CHAR(3)").inFile(file)
        .onLine(13);
    String migration;
    try (var files = java.nio.file.Files.walk(dir)) {
      Path v1 = files.filter(f -> f.getFileName().toString().startsWith("V0001")).findFirst().orElseThrow();
      migration = java.nio.file.Files.readString(v1);
    }
    for (String column : List.of("column(\"attributes\", JSON)", "column(\"raw\", JSON)",
        "column(\"country\", CHAR).length(2)", "column(\"code\", CHAR).length(3)",
        "column(\"tags\", STRING_ARRAY).length(255)", "column(\"ids\", BIGINT_ARRAY)")) {
      org.junit.jupiter.api.Assertions.assertTrue(migration.contains(column), column + " in " + migration);
    }
  }

  /**
   * Join columns that agree (both false), and a one-to-many's own {@code @JoinColumn}, which Hibernate accepts
   * either way (measured on 6.6 and 7): no error.
   */
  @org.junit.jupiter.api.Test
  void joinColumnsHibernateAcceptsAreNoError() {
    String source = """
        package com.acme.model;
        import jakarta.persistence.*;
        import java.util.*;
        @Entity class Thing {
          @Id Long id;
          @ManyToMany
          @JoinTable(joinColumns = @JoinColumn(name = "thing_id", insertable = false, updatable = false))
          Set<Tag> tags;
          @OneToMany @JoinColumn(name = "owner_id", insertable = false) List<Tag> owned;
        }
        @Entity class Tag { @Id Long id; }
        """;
    Compilation c = compile("snake_case", JavaFileObjects.forSourceString("com.acme.model.Thing", source));
    assertThat(c).succeeded();
  }

  /**
   * A field of a mapped superclass is read once per entity extending it; what it is warned about is said once
   * (not once per entity). Hibernate's {@code @SQLOrder} (and 6.6's old {@code @OrderBy(clause)}) orders the rows
   * Hibernate loads and changes no column: no warning.
   */
  @org.junit.jupiter.api.Test
  void aMappedSuperclassFieldIsWarnedAboutOnceAndOrderingIsHarmless() {
    String source = """
        package com.acme.model;
        import jakarta.persistence.*;
        import java.util.*;
        @MappedSuperclass abstract class Base {
          @Id Long id;
          @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NCLOB) String text;
        }
        @Entity class One extends Base {
          @OneToMany(mappedBy = "owner") @org.hibernate.annotations.SQLOrder("id desc") List<Part> parts;
        }
        @Entity class Two extends Base {}
        @Entity class Three extends Base {}
        @Entity class Part {
          @Id Long id;
          @ManyToOne One owner;
        }
        """;
    Compilation c = compile("snake_case", JavaFileObjects.forSourceString("com.acme.model.Base", source));
    assertThat(c).succeeded();
    List<String> warnings = c.warnings().stream().map(d -> d.getMessage(java.util.Locale.ROOT)).toList();
    org.junit.jupiter.api.Assertions.assertEquals(1,
        warnings.stream().filter(w -> w.contains("@JdbcTypeCode on text")).count(), warnings.toString());
    org.junit.jupiter.api.Assertions.assertTrue(warnings.stream().noneMatch(w -> w.contains("SQLOrder")),
        warnings.toString());
  }

  /**
   * A NOT NULL column added to an entity without a default: the error names Hibernate's {@code @ColumnDefault}
   * (JPA's {@code @Column} has no default), and with it the build passes.
   */
  @org.junit.jupiter.api.Test
  void aNotNullColumnWithoutADefaultOnAnEntityNamesColumnDefault() throws Exception {
    String entity = "package com.acme.model;\nimport jakarta.persistence.*;\n";
    Project p = new Project(dir.resolve("app")).write("com/acme/model/Thing.java", entity
        + "@Entity public class Thing { @Id Long id; }");
    p.build().assertOk();
    p.write("com/acme/model/Thing.java", entity
        + "@Entity public class Thing { @Id Long id; @Column(nullable = false) String code; }");
    Project.Result r = p.build();
    org.junit.jupiter.api.Assertions.assertFalse(r.ok());
    org.junit.jupiter.api.Assertions.assertTrue(r.errors().stream().anyMatch(e -> e.contains(
        "cannot add the NOT NULL column thing.code without a default: the table may already have rows. Give it a"
            + " default (Hibernate's @ColumnDefault(\"…\"), an SQL expression ('…' for a text)), or make it nullable")),
        r.errors().toString());
    p.write("com/acme/model/Thing.java", entity + "@Entity public class Thing { @Id Long id;"
        + " @Column(nullable = false) @org.hibernate.annotations.ColumnDefault(\"'none'\") String code; }");
    p.build().assertOk();
  }

  /**
   * Hibernate's {@code @GenericGenerator} named by the key's {@code @GeneratedValue} is an error at the
   * {@code @GeneratedValue}; no warning besides it that the annotation is not read. One that no key names keeps its
   * warning.
   */
  @org.junit.jupiter.api.Test
  void aRefusedGenericGeneratorIsOneErrorWithoutAWarning() {
    String source = """
        package com.acme.model;
        import jakarta.persistence.*;
        @Entity class Thing {
          @Id @GeneratedValue(generator = "gid")
          @org.hibernate.annotations.GenericGenerator(name = "gid", strategy = "increment")
          Long id;
        }
        @Entity class Other {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
          @org.hibernate.annotations.GenericGenerator(name = "unused", strategy = "increment")
          Long id;
        }
        """;
    Compilation c = compile("snake_case", JavaFileObjects.forSourceString("com.acme.model.Thing", source));
    assertThat(c).hadErrorContaining("jmigrate does not map Hibernate's @GenericGenerator (generator = \"gid\")");
    List<String> warnings = c.warnings().stream().map(d -> d.getMessage(java.util.Locale.ROOT))
        .filter(w -> w.contains("@GenericGenerator")).toList();
    org.junit.jupiter.api.Assertions.assertEquals(1, warnings.size(), warnings.toString());
    org.junit.jupiter.api.Assertions.assertTrue(warnings.get(0).contains("@GenericGenerator on id"), warnings.toString());
    org.junit.jupiter.api.Assertions.assertEquals(10L, c.warnings().stream()
        .filter(d -> d.getMessage(java.util.Locale.ROOT).contains("@GenericGenerator")).findFirst().orElseThrow()
        .getLineNumber(), "the warning left is Other's");
  }

  /**
   * One table name for two join tables that do not agree (here the sides name the Sku column differently), or for an entity
   * and another entity's join table: the message fits join tables (mappedBy, mapping the collection through the
   * entity, @Transient), not the @Table(name) advice for two entities.
   */
  @org.junit.jupiter.api.Test
  void aJoinTableNameUsedTwiceGetsAdviceForJoinTables() {
    String twoSides = """
        package com.acme.model;
        import jakarta.persistence.*;
        import java.util.*;
        @Entity class Sku {
          @Id Long id;
          @ManyToMany @JoinTable(name = "sku_fee", joinColumns = @JoinColumn(name = "sku_id"),
              inverseJoinColumns = @JoinColumn(name = "fee_id")) List<Fee> fees;
        }
        @Entity class Fee {
          @Id Long id;
          @ManyToMany @JoinTable(name = "sku_fee", joinColumns = @JoinColumn(name = "fee_id"),
              inverseJoinColumns = @JoinColumn(name = "sku")) List<Sku> skus;
        }
        """;
    Compilation c = compile("snake_case", JavaFileObjects.forSourceString("com.acme.model.Sku", twoSides));
    assertThat(c).hadErrorContaining("two models use the table name \"sku_fee\"");
    assertThat(c).hadErrorContaining("Both own the join table with different columns, keys or references: if they are"
        + " the two sides of one association, give one side mappedBy");
    String overEntity = """
        package com.acme.model;
        import jakarta.persistence.*;
        import java.util.*;
        @Entity class Site {
          @Id Long id;
          @ManyToMany @JoinTable(name = "site_catalog", joinColumns = @JoinColumn(name = "site_id"),
              inverseJoinColumns = @JoinColumn(name = "catalog_id")) List<Catalog> catalogs;
        }
        @Entity class Catalog { @Id Long id; }
        @Entity @Table(name = "site_catalog") class SiteCatalog {
          @Id Long id;
          @ManyToOne(optional = false) @JoinColumn(name = "site_id") Site site;
          @ManyToOne(optional = false) @JoinColumn(name = "catalog_id") Catalog catalog;
        }
        """;
    Compilation d = compile("snake_case", JavaFileObjects.forSourceString("com.acme.model.Site", overEntity));
    assertThat(d).hadErrorContaining("The entity and the collection com.acme.model.Site#catalogs would share one "
        + "table, whose rows the collection would write without the entity's other columns: map the collection "
        + "through the entity (a @OneToMany of it, mappedBy its @ManyToOne), or mark catalogs @Transient");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void anUnmappedConstructIsAnErrorAtItsLine(String name, String body, String message) {
    String source = "package com.acme.model;\n\nimport jakarta.persistence.*;\nimport java.util.*;\n\n" + body + "\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    Compilation c = name.startsWith("jpa naming, MariaDB")
        ? javac().withProcessors(new MigrationProcessor()).withOptions(List.of("-Ajmigrate.sourceDir=" + dir.resolve("src"),
            "-Ajmigrate.snapshot=" + dir.resolve("schema.json"), "-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=postgresql,mariadb"))
            .compile(file)
        : compile(name.startsWith("an invalid naming") ? "camel" : "snake_case", file);
    if (name.startsWith("an invalid naming")) {
      assertThat(c).hadErrorContaining(message);
      return;
    }
    assertThat(c).hadErrorContaining(message).inFile(file).onLine(markedLine(source));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warnings")
  void aConstructReadInPartIsAWarningAtItsLine(String name, String body, String message) {
    String source = "package com.acme.model;\n\nimport jakarta.persistence.*;\nimport java.util.*;\n\n" + body + "\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    Compilation c = compile("snake_case", file);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(message).inFile(file).onLine(markedLine(source));
  }

  private Compilation compile(String naming, JavaFileObject... files) {
    return javac().withProcessors(new MigrationProcessor()).withOptions(List.of(
        "-Ajmigrate.sourceDir=" + dir.resolve("src"), "-Ajmigrate.snapshot=" + dir.resolve("schema.json"),
        "-Ajmigrate.naming=" + naming)).compile(files);
  }

  private static long markedLine(String source) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// <-")) {
        return i + 1;
      }
    }
    throw new AssertionError("no // <- marker");
  }
}
