package io.jmigrate.processor.model.extract;

import java.util.Locale;
import javax.lang.model.util.Elements;

/**
 * The Hibernate whose schema the JPA reader reproduces: the one the application runs, since the schema must
 * be the one <em>its</em> Hibernate validates and writes to. Spring Boot 3.5 ships 6.6; Spring Boot 4 and
 * Quarkus 3 ship 7. Found on the compile class path (the application's Hibernate is there), or named by
 * {@code -Ajmigrate.hibernate=6.6|7}. Only what differs between the two is here; each difference was measured
 * against both versions' own schema export (jpa-tests and jpa-tests-hibernate6).
 */
public enum HibernateLine {
  V6_6("6.6"),
  V7("7");

  /** A type that Hibernate 7.0 added (the restriction API): on the class path, the application runs 7. */
  static final String SEVEN_ONLY = "org.hibernate.query.restriction.Restriction";
  /** Any Hibernate 6 or 7. */
  static final String ANY = "org.hibernate.Session";
  /** A type that Hibernate 6.0 removed (the legacy criteria API): on the class path, the application runs 5. */
  static final String FIVE_ONLY = "org.hibernate.Criteria";

  private final String option;

  HibernateLine(String option) {
    this.option = option;
  }

  public String option() {
    return option;
  }

  /**
   * The line an option names ({@code 6}, {@code 6.6}, {@code 7}, {@code 7.4}, …), or null for another value; blank:
   * what the class path has ({@link #detect}).
   */
  public static HibernateLine of(String option, Elements elements) {
    if (option == null || option.isBlank()) {
      return detect(elements);
    }
    String v = option.trim().toLowerCase(Locale.ROOT);
    if (v.equals("6") || v.equals("6.6") || v.startsWith("6.6.")) {
      return V6_6;
    }
    if (v.equals("7") || v.startsWith("7.")) {
      return V7;
    }
    return null;
  }

  /**
   * Hibernate 6 on the compile class path: 6.6; Hibernate 7, or none (JPA without Hibernate): 7. Hibernate 5 is read
   * as 6.6, the nearest, with the warning of {@link #hibernate5Warning}.
   */
  public static HibernateLine detect(Elements elements) {
    if (elements.getTypeElement(SEVEN_ONLY) == null && elements.getTypeElement(ANY) != null) {
      return V6_6;
    }
    return V7;
  }

  /** Whether Hibernate 5 is on the compile class path (which jmigrate does not reproduce). */
  public static boolean hibernate5(Elements elements) {
    return elements.getTypeElement(FIVE_ONLY) != null;
  }

  /**
   * The version of the Hibernate 5 jar a class of it was read from ({@code hibernate-core-5.6.15.Final.jar}, or
   * {@code hibernate-core-jakarta-…}), or "5" when its location does not say.
   */
  public static String hibernate5Version(String location) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("hibernate-core(?:-jakarta)?-(5[^/!]*?)\\.jar")
        .matcher(location == null ? "" : location);
    return m.find() ? m.group(1) : "5";
  }

  /**
   * The warning for Hibernate 5 on the class path: jmigrate reads the entities as 6.6 maps them, and what Hibernate 5
   * makes differently, as Hibernate 5.6.15's own export makes it (measured on PostgreSQL, H2 and MariaDB, and checked
   * by jpa-tests-hibernate5 against Hibernate 5's export of the same entities).
   */
  public static String hibernate5Warning(String version) {
    return "Hibernate " + version + " is on the class path, and jmigrate reproduces the schema of Hibernate 6.6 and 7"
        + " only: these entities are read as Hibernate 6.6 maps them, which Hibernate 5 does not. Hibernate 5 makes"
        + " a @GeneratedValue (AUTO, or SEQUENCE without a generator) take its next value from one sequence shared by"
        + " every entity, hibernate_sequence, incremented by 1 (6.6: <table>_seq of each entity, by 50, which is what"
        + " jmigrate creates: Hibernate 5's inserts and validate fail on the missing hibernate_sequence);"
        + " @Enumerated(ORDINAL) an integer (6.6: smallint) and no enum column a check; BigDecimal numeric(19,2) (6.6:"
        + " numeric(38,2)); Duration a bigint (6.6: numeric(21,0)); Instant and OffsetDateTime a timestamp without"
        + " time zone (6.6: with time zone on PostgreSQL and H2); UUID binary(255) on H2 and MariaDB. Upgrade to"
        + " Hibernate 6.6 (Spring Boot 3.5; jakarta.persistence) or 7 (Spring Boot 4), and this warning goes; until"
        + " then the migrations are 6.6's: declare what Hibernate 5 differs on in the entities, e.g."
        + " @GeneratedValue(generator = \"seq\") with @SequenceGenerator(name = \"seq\", sequenceName ="
        + " \"hibernate_sequence\", allocationSize = 1) and @Column(precision = 19, scale = 2), and check the"
        + " database with Hibernate 5's hbm2ddl validate";
  }

  /**
   * Hibernate 7 checks a list's order column ({@code >= 0}) and a single-table discriminator (its hierarchy's
   * values); 6.6 checks neither (both check enums). Measured against both exports in jpa-tests.
   */
  boolean checksOrderAndDiscriminator() {
    return this == V7;
  }

  /** Hibernate 7 makes every {@code @Version} column NOT NULL; 6.6 only a primitive one. */
  boolean versionAlwaysNotNull() {
    return this == V7;
  }

  /**
   * A primitive with {@code @Basic} (optional unless it says otherwise) is NOT NULL in Hibernate 7, as without an
   * annotation; 6.6 takes {@code @Basic}'s optional and makes it nullable.
   */
  boolean basicPrimitiveNotNull() {
    return this == V7;
  }

  /**
   * Hibernate 7 gives a {@code Set} of values or embeddables a unique constraint over the owner's key and the
   * values; 6.6 makes the collection table without one.
   */
  boolean setRowsUnique() {
    return this == V7;
  }

  /**
   * Hibernate 7 writes no NOT NULL after a generated column on PostgreSQL and MariaDB (their dialects'
   * {@code supportsNotNullAfterGeneratedAs}), only on H2; 6.6 writes it on every database.
   */
  boolean generatedColumnNotNullOnH2Only() {
    return this == V7;
  }
}
