package io.jmigrate.bench;

import io.jmigrate.engine.Migrator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;

/** Each tool's start-up call, the way an application makes it. */
final class Tools {
  private Tools() {}

  static {
    Logger.getLogger("").setLevel(Level.WARNING); // Flyway, Liquibase and jmigrate log at INFO
    Logger.getLogger("liquibase").setLevel(Level.SEVERE);
    Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    for (var h : Logger.getLogger("").getHandlers()) {
      h.setLevel(Level.WARNING);
    }
    System.setProperty("liquibase.analytics.enabled", "false");
    System.setProperty("liquibase.showBanner", "false");
    System.setProperty("liquibase.showSummary", "OFF");
    System.setProperty("liquibase.showSummaryOutput", "LOG");
  }

  /**
   * One application start's migration call (the tool set up from scratch, as at start-up) on
   * a connection the caller owns, as an application hands over a pooled one.
   */
  interface Tool {
    /** Sets the tool up on a connection (reading its migrations), ready to migrate. */
    Prepared prepare(Connection c) throws Exception;

    /** A start-up: set up, then migrate. */
    default void migrate(Connection c) throws Exception {
      prepare(c).migrate();
    }

    /** With a connection of its own, opened and closed around the call. */
    default void migrate(String url) throws Exception {
      try (Connection c = DriverManager.getConnection(url)) {
        migrate(c);
      }
    }
  }

  /** A tool that is set up: its migrate call, as an application repeats it. */
  interface Prepared {
    void migrate() throws Exception;
  }

  static Tool jmigrate(ClassLoader loader) {
    return c -> {
      Migrator m = new Migrator(Workload.loadMigrations(loader));
      return () -> m.migrate(c);
    };
  }

  static Tool flyway(Path dir) {
    return c -> {
      Flyway f = Flyway.configure().dataSource(new SingleConnectionDataSource(c)).locations("filesystem:" + dir).load();
      return f::migrate;
    };
  }

  /** Where bench/flyway13 puts Flyway 13 and its modules (bench/run.sh builds it). */
  static final Path FLYWAY13_LIB = Path.of("bench/flyway13/target/lib").toAbsolutePath();

  /**
   * Flyway 13, from its own jars in a class loader of its own (this class path holds 12.4), called
   * by reflection through the same four calls as {@link #flyway}: configure, dataSource, locations, load.
   */
  static Tool flyway13(Path dir) {
    ClassLoader loader = flyway13Loader();
    return c -> {
      try {
        Class<?> flyway = Class.forName("org.flywaydb.core.Flyway", true, loader);
        Object conf = flyway.getMethod("configure", ClassLoader.class).invoke(null, loader);
        conf = conf.getClass().getMethod("dataSource", DataSource.class).invoke(conf, new SingleConnectionDataSource(c));
        conf = conf.getClass().getMethod("locations", String[].class).invoke(conf, (Object) new String[] {"filesystem:" + dir});
        Object f = conf.getClass().getMethod("load").invoke(conf);
        java.lang.reflect.Method migrate = f.getClass().getMethod("migrate");
        return () -> {
          try {
            migrate.invoke(f);
          } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
          }
        };
      } catch (InvocationTargetException e) {
        throw (Exception) e.getCause();
      }
    };
  }

  private static ClassLoader flyway13;

  /** One loader for the run: its parent is the platform loader, so none of 12.4's classes or services leak in. */
  static synchronized ClassLoader flyway13Loader() {
    if (flyway13 == null) {
      try (var jars = java.nio.file.Files.list(FLYWAY13_LIB)) {
        flyway13 = new java.net.URLClassLoader("flyway13", jars.filter(j -> j.toString().endsWith(".jar")).map(j -> {
          try {
            return j.toUri().toURL();
          } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
          }
        }).toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader());
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Flyway 13 is not in " + FLYWAY13_LIB + ": run bench/run.sh", e);
      }
    }
    return flyway13;
  }

  /** Flyway 13's version, from its jar. */
  static String flyway13Version() {
    try (var in = flyway13Loader().getResourceAsStream("META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (Exception e) {
      return "13.?";
    }
  }

  static Tool liquibase(Path changelogDir, String changelog) {
    return c -> {
      Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(unclosable(c)));
      Liquibase lb = new Liquibase(changelog, new DirectoryResourceAccessor(changelogDir), db);
      Map<String, Object> quiet = Map.of(Scope.Attr.ui.name(), new LoggerUIService());
      return () -> {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // its update summary
        try {
          Scope.child(quiet, () -> lb.update(new Contexts()));
        } finally {
          System.setOut(out);
        }
      };
    };
  }

  /** Hands out the caller's connection and ignores close(), like a pool's. */
  static Connection unclosable(Connection c) {
    return (Connection) Proxy.newProxyInstance(Tools.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(c, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** A DataSource over one open connection. */
  static final class SingleConnectionDataSource implements DataSource {
    private final Connection c;

    SingleConnectionDataSource(Connection c) {
      this.c = c;
    }

    @Override
    public Connection getConnection() {
      return unclosable(c);
    }

    @Override
    public Connection getConnection(String user, String password) {
      return unclosable(c);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return Logger.getLogger("bench");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  /** A library's version from its jar's Maven metadata. */
  static String version(String group, String artifact) {
    try (var in = Tools.class.getClassLoader().getResourceAsStream("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (Exception e) {
      return "?";
    }
  }

  /**
   * The floor: the same statements by plain JDBC, one commit per migration, no bookkeeping. With
   * {@code batch}, each migration's statements go as one JDBC batch (one round trip), as jmigrate
   * sends them on PostgreSQL; otherwise one {@code execute} each, as jmigrate does on SQLite and MariaDB.
   */
  static Tool jdbc(List<List<String>> migrations, boolean batch) {
    return c -> () -> {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (List<String> m : migrations) {
          for (String sql : m) {
            if (batch) {
              s.addBatch(sql);
            } else {
              s.execute(sql);
            }
          }
          if (batch) {
            s.executeBatch();
          }
          c.commit();
        }
      }
      c.setAutoCommit(true);
    };
  }

  /** The table {@link #jdbcWithHistory} records into. */
  static final String FLOOR_HISTORY = "floor_history";

  /**
   * The second floor: {@link #jdbc} (one {@code execute} each, one commit per migration) plus what a minimal
   * hand-written tool records: a history table created once per run ({@code CREATE TABLE IF NOT EXISTS}, committed
   * on its own), then in each migration's transaction, after its statements, one row of version, description,
   * checksum, installed time (the column's default, {@code CURRENT_TIMESTAMP}, as jmigrate's SQLite history has it)
   * and execution time, through one prepared {@code INSERT} reused for the run. No reads, no lock, no checks: the
   * checksums are {@code migrations}' own, taken once before any run (jmigrate reads them from its index).
   */
  static Tool jdbcWithHistory(List<io.jmigrate.migration.Migration> migrations, List<List<String>> statements) {
    if (migrations.size() != statements.size()) {
      throw new IllegalArgumentException(migrations.size() + " migrations, " + statements.size() + " statement lists");
    }
    int n = migrations.size();
    int[] versions = new int[n];
    String[] descriptions = new String[n];
    int[] checksums = new int[n];
    for (int i = 0; i < n; i++) {
      versions[i] = migrations.get(i).version();
      descriptions[i] = migrations.get(i).description();
      checksums[i] = migrations.get(i).checksum();
    }
    return c -> () -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + FLOOR_HISTORY + " (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
            + " checksum INTEGER NOT NULL, installed_on TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
            + " execution_ms INTEGER NOT NULL)");
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO " + FLOOR_HISTORY
              + " (version, description, checksum, execution_ms) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < n; i++) {
          long t0 = System.nanoTime();
          for (String sql : statements.get(i)) {
            s.execute(sql);
          }
          insert.setInt(1, versions[i]);
          insert.setString(2, descriptions[i]);
          insert.setInt(3, checksums[i]);
          insert.setLong(4, (System.nanoTime() - t0) / 1_000_000);
          insert.executeUpdate();
          c.commit();
        }
      }
      c.setAutoCommit(true);
    };
  }

  /**
   * Checks what {@link #jdbcWithHistory} left in the database at {@code url}: {@code n} history rows, versions 1 to
   * {@code n}, and {@code n} tables beside its history table; throws otherwise, so that a broken floor cannot report.
   */
  static void checkFloorHistory(String url, int n) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      int[] rows = new int[3];
      try (var r = s.executeQuery("SELECT COUNT(*), MIN(version), MAX(version) FROM " + FLOOR_HISTORY)) {
        r.next();
        for (int i = 0; i < 3; i++) {
          rows[i] = r.getInt(i + 1);
        }
      }
      int tables;
      try (var r = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name <> '"
          + FLOOR_HISTORY + "'")) {
        r.next();
        tables = r.getInt(1);
      }
      if (rows[0] != n || rows[1] != 1 || rows[2] != n || tables != n) {
        throw new IllegalStateException("the floor with a history row left " + rows[0] + " rows (versions " + rows[1]
            + " to " + rows[2] + ") and " + tables + " tables, not " + n);
      }
    }
  }
}
