package io.jmigrate.quarkus;

import io.agroal.api.AgroalDataSource;
import io.jmigrate.Runtime;
import io.jmigrate.engine.AppliedMigration;
import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.UpToDate;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** What runs when the application starts: the migrations, datasource by datasource, before Hibernate ORM. */
@Recorder
public class JmigrateRecorder {
  private static final Logger LOG = Logger.getLogger("io.jmigrate");

  private final RuntimeValue<JmigrateConfig> config;

  public JmigrateRecorder(RuntimeValue<JmigrateConfig> config) {
    this.config = config;
  }

  /** Migrates each named datasource that is configured to migrate at start; a failure stops the start. */
  public void migrateAtStart(Collection<String> dataSourceNames) {
    JmigrateConfig c = config.getValue();
    for (String name : dataSourceNames) {
      if (!c.migrates(name)) {
        continue;
      }
      Optional<AgroalDataSource> ds = AgroalDataSourceUtil.dataSourceIfActive(name);
      if (ds.isEmpty()) {
        LOG.infof("jmigrate: datasource %s is not active; not migrated", label(name));
        continue;
      }
      migrate(name, ds.get(), c.aheadAllowed(name));
    }
  }

  private static void migrate(String name, AgroalDataSource dataSource, boolean aheadAllowed) {
    // The application's own class loader: in dev mode each restart has a new one, with the migrations
    // the last compilation wrote; nothing is cached across restarts.
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      List<AppliedMigration> applied = aheadAllowed ? migrateAheadAllowed(dataSource, loader)
          : Runtime.migrate(dataSource, loader);
      if (applied.isEmpty()) {
        LOG.debugf("jmigrate: datasource %s is up to date", label(name));
      } else {
        LOG.infof("jmigrate: datasource %s migrated to version %d (%d applied)", label(name),
            applied.get(applied.size() - 1).version(), applied.size());
      }
    } catch (MigrationException e) {
      throw new JmigrateStartupException("jmigrate could not migrate datasource " + label(name) + ": "
          + e.getMessage());
    }
  }

  /**
   * With {@code fail-on-ahead=false}: the same start-up fast path as {@code Runtime.migrate} first, so
   * that an up-to-date database loads no migration class here either.
   */
  static List<AppliedMigration> migrateAheadAllowed(DataSource dataSource, ClassLoader loader) {
    try (Connection c = dataSource.getConnection()) {
      if (UpToDate.check(c, loader).isPresent()) {
        return List.of();
      }
      return Runtime.migrator(loader).withAheadAllowed(true).migrate(c);
    } catch (SQLException e) {
      throw new MigrationException("could not get a connection: " + e.getMessage(), e);
    }
  }

  static String label(String name) {
    return DataSourceUtil.isDefault(name) ? "<default>" : "\"" + name + "\"";
  }
}
