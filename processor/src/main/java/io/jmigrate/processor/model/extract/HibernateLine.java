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

  /** Hibernate 6 on the compile class path: 6.6; Hibernate 7, or none (JPA without Hibernate): 7. */
  public static HibernateLine detect(Elements elements) {
    if (elements.getTypeElement(SEVEN_ONLY) == null && elements.getTypeElement(ANY) != null) {
      return V6_6;
    }
    return V7;
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
