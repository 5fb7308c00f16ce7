package io.jmigrate.spring.boot;

import io.jmigrate.engine.AppliedMigration;
import io.jmigrate.engine.Drift;
import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.engine.Status;
import io.jmigrate.engine.UpToDate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The application's migrations bound to its DataSource, with the {@code jmigrate.*} options: what
 * runs at start-up ({@link #migrate}), and what a {@link JmigrateMigrationStrategy}, the Actuator
 * endpoint or the application may ask for. Each call takes a connection from the pool and returns it.
 */
public class Jmigrate {
  /**
   * Spring's own logging (commons-logging, already loaded in every Spring application), not the
   * runtime's {@code System.Logger}: looking that up and bridging it to the application's logging
   * loads classes of its own at start-up, and its message formatting loads the JDK's locale data
   * for a number. The logger's name is the same, {@code io.jmigrate}.
   */
  private static final Log LOG = LogFactory.getLog("io.jmigrate");

  private final String name;
  private final Supplier<Migrator> migrator;
  private final DataSource dataSource;
  private final Integer targetVersion;
  private final boolean validateOnMigrate;
  private final ClassLoader fastPath;
  private volatile Migrator built;

  /**
   * @param migrator the migrations, with their options (lock, ahead allowed) already applied
   * @param targetVersion the version {@link #migrate} goes up to; null: the latest
   * @param validateOnMigrate whether {@link #migrate} compares the live schema afterwards
   */
  public Jmigrate(Migrator migrator, DataSource dataSource, Integer targetVersion, boolean validateOnMigrate) {
    this(null, migrator, dataSource, targetVersion, validateOnMigrate);
  }

  /**
   * @param name the DataSource's bean name, for the start-up log; null if it has none
   * @param migrator the migrations, with their options (lock, ahead allowed) already applied
   * @param targetVersion the version {@link #migrate} goes up to; null: the latest
   * @param validateOnMigrate whether {@link #migrate} compares the live schema afterwards
   */
  public Jmigrate(String name, Migrator migrator, DataSource dataSource, Integer targetVersion,
      boolean validateOnMigrate) {
    this(name, () -> migrator, dataSource, targetVersion, validateOnMigrate, null);
  }

  /**
   * With the start-up fast path: {@link #migrate} first compares the history with the index on
   * {@code fastPath}'s class path (one query) and builds the migrator, which loads every migration
   * class, only when the database is not up to date with it (as {@code Runtime.migrate} does).
   *
   * @param migrator builds the migrations, with their options applied; called at most once, when first needed
   * @param fastPath the class path of the index the migrator is built from, or null to always build it
   */
  public Jmigrate(String name, Supplier<Migrator> migrator, DataSource dataSource, Integer targetVersion,
      boolean validateOnMigrate, ClassLoader fastPath) {
    this.name = name;
    this.migrator = migrator;
    this.dataSource = dataSource;
    this.targetVersion = targetVersion;
    this.validateOnMigrate = validateOnMigrate;
    this.fastPath = fastPath;
  }

  /**
   * Applies the pending migrations, up to {@code jmigrate.target-version} if set (never
   * reverting), then, with {@code jmigrate.validate-on-migrate}, fails with
   * {@link SchemaDriftException} when the live schema differs from the migrations'.
   */
  public List<AppliedMigration> migrate() {
    int[] latest = {-1}; // set when the index alone shows the database up to date
    List<AppliedMigration> applied = withConnection(c -> {
      if (LOG.isInfoEnabled()) { // the URL is read for this line only
        LOG.info("migrating the DataSource " + (name == null ? "" : "\"" + name + "\" ") + "(" + where(c) + ")");
      }
      if (targetVersion == null && fastPath != null) {
        UpToDate.check(c, fastPath).ifPresent(v -> latest[0] = v);
        if (latest[0] >= 0) {
          return List.of();
        }
      }
      return targetVersion == null ? migrator().migrate(c) : migrator().migrateUpTo(c, targetVersion);
    });
    if (applied.isEmpty() && LOG.isInfoEnabled()) { // versions as written, not in the locale's number format
      LOG.info(targetVersion == null
          ? "the database is up to date: it has every migration of this build (1 to "
              + (latest[0] >= 0 ? latest[0] : migrator().latestVersion()) + ")"
          : "the database is up to date: it has the migrations of this build up to version " + targetVersion);
    }
    if (validateOnMigrate) {
      Drift drift = validate();
      if (!drift.isEmpty()) {
        throw new SchemaDriftException(drift);
      }
    }
    return applied;
  }

  /** Moves the database forward or back to {@code version} (0 reverts every migration). */
  public List<AppliedMigration> migrateTo(int version) {
    return withConnection(c -> migrator().migrateTo(c, version));
  }

  /** Applied and pending migrations, with every disagreement between the history and the code. */
  public Status status() {
    return withConnection(c -> migrator().status(c));
  }

  /** How the live schema differs from the one the applied migrations produce (empty: it matches). */
  public Drift validate() {
    return withConnection(c -> migrator().validate(c));
  }

  /** The SQL {@link #migrate} would run now (every pending migration). */
  public List<String> sql() {
    return withConnection(c -> migrator().sql(c));
  }

  /** Records versions up to {@code version} as applied on a database whose schema already matches it. */
  public void baseline(int version) {
    withConnection(c -> {
      migrator().baseline(c, version);
      return null;
    });
  }

  /** The JDBC URL without its parameters (which may hold a password). */
  private String where(Connection c) {
    try {
      // The pool's setting where Spring Boot's default pool has one: a cold start then does not load the
      // driver's metadata class (large) for this line alone.
      String configured = HIKARI ? HikariUrl.of(dataSource) : null;
      String url = configured != null ? configured : c.getMetaData().getURL();
      int cut = url.length();
      for (char stop : new char[] {'?', ';'}) {
        cut = url.indexOf(stop) >= 0 ? Math.min(cut, url.indexOf(stop)) : cut;
      }
      return url.substring(0, cut);
    } catch (SQLException | RuntimeException e) {
      return "its URL unknown";
    }
  }

  private static final boolean HIKARI =
      org.springframework.util.ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", Jmigrate.class.getClassLoader());

  /** Apart, so that an application without HikariCP never links it. */
  private static final class HikariUrl {
    static String of(DataSource dataSource) {
      return dataSource instanceof com.zaxxer.hikari.HikariDataSource h ? h.getJdbcUrl() : null;
    }
  }

  /** The DataSource's bean name, or null. */
  public String name() {
    return name;
  }

  /** The migrator, built (every migration class loaded) on the first call. */
  public Migrator migrator() {
    Migrator m = built;
    if (m == null) {
      synchronized (this) {
        m = built;
        if (m == null) {
          m = migrator.get();
          built = m;
        }
      }
    }
    return m;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The version {@link #migrate} goes up to, or null for the latest. */
  public Integer targetVersion() {
    return targetVersion;
  }

  private <T> T withConnection(Function<Connection, T> action) {
    try (Connection c = dataSource.getConnection()) {
      return action.apply(c);
    } catch (SQLException e) {
      throw new MigrationException("could not get a connection from the DataSource: " + e.getMessage(), e);
    }
  }
}
