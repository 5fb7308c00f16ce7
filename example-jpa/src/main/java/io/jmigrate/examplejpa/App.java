package io.jmigrate.examplejpa;

import io.jmigrate.Runtime;
import io.jmigrate.engine.AppliedMigration;
import io.jmigrate.engine.MigrationException;
import io.jmigrate.examplejpa.model.Owner;
import io.jmigrate.examplejpa.model.Pet;
import io.jmigrate.examplejpa.model.Species;
import io.jmigrate.examplejpa.model.Specialty;
import io.jmigrate.examplejpa.model.Vet;
import io.jmigrate.examplejpa.model.Visit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * A small clinic on JPA: jmigrate brings the database (an H2 file, ./clinic.mv.db, or the one a JDBC
 * URL names, e.g. {@code jdbc:postgresql://…}) to the entities' schema, then Hibernate opens it with
 * {@code hbm2ddl=validate} (it checks, never changes, the schema), writes an owner with a pet, a vet
 * and a visit, and reads them back.
 */
public final class App {
  /** The default database: an H2 file beside the working directory, names folded to lower case as jmigrate writes them. */
  static final String DEFAULT_URL = "jdbc:h2:file:./clinic;DATABASE_TO_LOWER=TRUE";

  static final List<Class<?>> ENTITIES = List.of(Owner.class, Pet.class, Visit.class, Vet.class, Specialty.class);

  /** Hibernate logs through java.util.logging; its start-up lines would bury the example's output. */
  private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

  static {
    HIBERNATE_LOG.setLevel(Level.SEVERE);
  }

  private App() {}

  public static void main(String[] args) throws SQLException {
    try {
      for (String line : run(args.length > 0 ? args[0] : DEFAULT_URL)) {
        System.out.println(line);
      }
    } catch (MigrationException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /** Migrates, validates, writes and reads; returns what it did, a line each. */
  static List<String> run(String url) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection(url)) {
      List<AppliedMigration> applied = Runtime.migrate(c);
      out.add(applied.isEmpty()
          ? "The database is up to date (version " + Runtime.status(c).currentVersion() + ")."
          : "Migrated: " + applied.size() + " migration(s), now at version " + Runtime.status(c).currentVersion() + ".");
    }
    try (SessionFactory hibernate = open(url)) {
      hibernate.inTransaction(session -> {
        Specialty surgery = session.createSelectionQuery("from Specialty where name = :name", Specialty.class)
            .setParameter("name", "surgery").getResultStream().findFirst().orElseGet(() -> {
              Specialty s = new Specialty("surgery");
              session.persist(s);
              return s;
            });
        Vet vet = new Vet("James", "Carter");
        vet.getSpecialties().add(surgery);
        Owner owner = new Owner("George", "Franklin", "Madison");
        Pet pet = new Pet("Leo", Species.CAT, LocalDate.of(2020, 9, 7), owner);
        Visit visit = new Visit(pet, vet, LocalDate.now(), "rabies shot");
        session.persist(vet);
        session.persist(owner);
        session.persist(pet);
        session.persist(visit);
      });
      hibernate.inTransaction(session -> {
        long owners = session.createSelectionQuery("select count(o) from Owner o", Long.class).getSingleResult();
        long visits = session.createSelectionQuery("select count(v) from Visit v", Long.class).getSingleResult();
        Visit last = session.createSelectionQuery("from Visit v join fetch v.pet p join fetch p.owner order by v.id desc", Visit.class)
            .setMaxResults(1).getSingleResult();
        out.add("Hibernate validated the schema and read back " + owners + " owner(s) and " + visits + " visit(s); the latest: "
            + last.getDescription() + ".");
      });
    }
    return out;
  }

  /**
   * Hibernate on the migrated database. {@code hbm2ddl.auto=validate}: Hibernate only checks the
   * schema; jmigrate owns it. The naming strategy is Spring Boot's ({@code firstName} →
   * {@code first_name}: Boot configures {@code CamelCaseToUnderscoresNamingStrategy}, in Hibernate 7
   * a deprecated subclass of this one), the processor's default ({@code -Ajmigrate.naming=snake_case}).
   */
  static SessionFactory open(String url) {
    Configuration cfg = new Configuration();
    ENTITIES.forEach(cfg::addAnnotatedClass);
    cfg.setProperty(AvailableSettings.JAKARTA_JDBC_URL, url);
    cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
    cfg.setPhysicalNamingStrategy(new PhysicalNamingStrategySnakeCaseImpl());
    return cfg.buildSessionFactory();
  }
}
