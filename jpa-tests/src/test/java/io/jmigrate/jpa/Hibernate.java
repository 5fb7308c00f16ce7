package io.jmigrate.jpa;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/** Hibernate itself, bootstrapped on the entity classes of one build: the judge of the comparison. */
final class Hibernate {
  /** Hibernate logs through java.util.logging here; its start-up chatter at INFO would bury the test output. */
  private static final Logger QUIET = Logger.getLogger("org.hibernate");
  /** ... and its warning that the built-in connection pool is not for production, on every start. */
  private static final Logger POOL = Logger.getLogger("org.hibernate.engine.jdbc.connections");

  static {
    QUIET.setLevel(Level.WARNING);
    POOL.setLevel(Level.SEVERE);
  }

  /** How the processor names tables and columns, and the Hibernate setting that matches it. */
  enum Naming {
    /**
     * {@code -Ajmigrate.naming=snake_case} (the default): Spring Boot's {@code CamelCaseToUnderscoresNamingStrategy}
     * (in Hibernate 7 a deprecated subclass of {@code PhysicalNamingStrategySnakeCaseImpl}, used here) and
     * {@code SpringImplicitNamingStrategy} ({@link SpringImplicitNaming}).
     */
    SNAKE_CASE,
    /** {@code -Ajmigrate.naming=jpa}: Hibernate's default, names as written. */
    JPA
  }

  private Hibernate() {}

  /** The major version of the Hibernate these tests run with (6 in jpa-tests-hibernate6, 7 here). */
  static int major() {
    String v = org.hibernate.Version.getVersionString();
    return Integer.parseInt(v.substring(0, v.indexOf('.')));
  }

  /**
   * Spring Boot's snake_case physical naming: Hibernate 7's {@code PhysicalNamingStrategySnakeCaseImpl}, or in
   * Hibernate 6 the class Spring Boot 3.5 names, {@code CamelCaseToUnderscoresNamingStrategy} (the same rule but
   * for a digit before a capital, which 6.6 leaves without an underscore: mappings/digits).
   */
  private static PhysicalNamingStrategy snakeCase() {
    String name = major() >= 7 ? "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl"
        : "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    try {
      return (PhysicalNamingStrategy) Class.forName(name).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no " + name + " in this Hibernate", e);
    }
  }

  /**
   * Spring Boot's {@code SpringImplicitNamingStrategy} (spring-boot 3.5, Apache-2.0), which Boot sets
   * beside the snake_case physical strategy: an implicit join table is named after the owning table
   * and the attribute ({@code owner_tags}), not after both tables as in JPA ({@code owner_tag}).
   */
  static final class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {
    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
      String name = source.getOwningPhysicalTableName() + "_" + source.getAssociationOwningAttributePath().getProperty();
      return toIdentifier(name, source.getBuildingContext());
    }
  }

  /**
   * A session factory on {@code url} whose schema tool runs {@code action} ({@code create},
   * {@code validate}, {@code none}); it fails as Hibernate fails, e.g. with a
   * {@code SchemaManagementException} naming the table and column that validation rejects.
   */
  static SessionFactory open(String url, Target target, List<Class<?>> classes, ClassLoader loader, String action,
      Naming naming) {
    return open(url, target, classes, loader, action, naming, false);
  }

  /**
   * As above; {@code beanValidation}: Hibernate applies Bean Validation to the schema (Hibernate Validator is on
   * the test class path; the validation mode is {@code none} otherwise, as if it were not).
   */
  static SessionFactory open(String url, Target target, List<Class<?>> classes, ClassLoader loader, String action,
      Naming naming, boolean beanValidation) {
    Configuration cfg = new Configuration(new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build());
    classes.forEach(cfg::addAnnotatedClass);
    cfg.setProperty(AvailableSettings.JAKARTA_JDBC_URL, url);
    if (target.hibernateDialect != null) {
      cfg.setProperty(AvailableSettings.DIALECT, target.hibernateDialect);
    }
    cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, action);
    cfg.setProperty(AvailableSettings.POOL_SIZE, "2");
    cfg.setProperty("jakarta.persistence.validation.mode", beanValidation ? "auto" : "none");
    if (target == Target.MARIADB) {
      // jmigrate stores a UUID as CHAR(36) on MariaDB/MySQL (native UUID needs MariaDB 10.7+, and MySQL has none);
      // Hibernate 7 prefers MariaDB's UUID type unless told, as the README tells JPA users on MariaDB.
      cfg.setProperty(AvailableSettings.PREFERRED_UUID_JDBC_TYPE, "CHAR");
    }
    if (naming == Naming.SNAKE_CASE) {
      cfg.setPhysicalNamingStrategy(snakeCase());
      cfg.setImplicitNamingStrategy(new SpringImplicitNaming());
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return cfg.buildSessionFactory();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
