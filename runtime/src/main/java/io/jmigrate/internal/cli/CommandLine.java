package io.jmigrate.internal.cli;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.LockWait;
import io.jmigrate.dialect.UnsupportedDatabaseException;
import io.jmigrate.engine.AppliedMigration;
import io.jmigrate.engine.Drift;
import io.jmigrate.engine.DdlLockWaits;
import io.jmigrate.engine.LeaseLock;
import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.engine.Status;
import io.jmigrate.engine.UpToDate;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * {@code java -cp <app class path> io.jmigrate.Runtime <command> [options]}. Exit codes: 0 done,
 * 1 the database or a migration failed (or validate found drift), 2 the command line is wrong.
 * Every error is one line on stderr.
 */
public final class CommandLine {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  static final String HELP = """
      usage: java -cp <application class path> io.jmigrate.Runtime <command> [options]

      commands:
        migrate              apply every pending migration
        migrate-to <version> move forward or back to <version> (0 reverts everything)
        status               the database's version and every migration: state (applied,
                             pending, failed-partial; irreversible), applied at, duration;
                             [!] marks each disagreement with this build (then exit 1).
                             --json for scripts
        sql                  print the SQL of the migrations without touching a database
                             (--dialect sqlite|postgresql|h2|mariadb, --from <version>,
                             --to <version>; --from above --to prints the reverse), or, with
                             --url, exactly what migrate (or migrate-to --to) would run there
        validate             compare the live schema with the migrations; exit 1 on drift
        baseline <version>   record versions up to <version> as applied on an existing
                             database whose schema already matches it
        inspect              write one @Table class per table of an existing database
                             (--package, --source-dir, --tables; see inspect --help)

      options:
        --url <jdbc url>     the database (or the environment variable JMIGRATE_URL)
        --user <name>        (or JMIGRATE_USER)
        --password <secret>  (or JMIGRATE_PASSWORD)
        --lock lease|dialect the run lock: a lease row in jmigrate_lock, for databases without
                             session-scoped advisory locks (CockroachDB, YugabyteDB, H2 server
                             mode); default the dialect's own (or JMIGRATE_LOCK)
        --lease <seconds>    the lease's length, default 30 (or JMIGRATE_LOCK_LEASE)
        --lock-timeout <d>   how long to wait for the lock (30s, 2m, 500ms) before failing;
                             default: until it is free (SQLite: 2m) (or JMIGRATE_LOCK_TIMEOUT)
        --allow-ahead        start even if the database has migrations this build does not
                             know (an application rolled back; its newer migrations known to be
                             compatible) (or JMIGRATE_ALLOW_AHEAD=true)
        --ddl-lock-timeout <seconds|Nms>
                             PostgreSQL: how long a statement waits for a lock before it gives
                             up and is tried again, so no query queues behind it for longer;
                             default 2, 0 waits as long as it takes (or JMIGRATE_DDL_LOCK_TIMEOUT)
        --ddl-lock-attempts <n>
                             how often such a statement is tried, default 10
                             (or JMIGRATE_DDL_LOCK_ATTEMPTS)
        --json               status: print JSON (keys in docs/command-line-and-maven-plugin.md)
        --help               this text

      exit codes: 0 done; 1 a migration or the database failed (unreachable, unsupported),
      or validate found drift; 2 the command line is wrong. The JDBC driver must be on the
      class path. Errors are one line on stderr, never a stack trace; progress (applying,
      waiting for a lock, a long step) is logged on stderr too.
      """;

  /** Options that take a value. */
  private static final List<String> VALUED = List.of("url", "user", "password", "dialect", "from", "to", "lock", "lease",
      "lock-timeout", "ddl-lock-timeout", "ddl-lock-attempts");

  /** Options that are on when named ({@code --json}, or {@code --json=true|false}). */
  private static final List<String> FLAGS = List.of("json", "allow-ahead");

  private final PrintStream out;
  private final PrintStream err;
  private final Supplier<Migrator> migrator;
  private final ClassLoader fastPath;
  private final Map<String, String> env;

  public CommandLine(PrintStream out, PrintStream err, Supplier<Migrator> migrator, Map<String, String> env) {
    this(out, err, migrator, null, env);
  }

  /**
   * @param fastPath the class path whose migration index may show the database up to date, so that
   *     {@code migrate} loads no migration class (as {@code Runtime.migrate} does); null: always ask the migrator
   */
  public CommandLine(PrintStream out, PrintStream err, Supplier<Migrator> migrator, ClassLoader fastPath,
      Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.migrator = migrator;
    this.fastPath = fastPath;
    this.env = env;
  }

  public int run(String... args) {
    if (args.length > 0 && args[0].equals("inspect")) return new InspectCommand(out, err, env).run(args);
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        out.print(HELP);
        return OK;
      }
      if (a.startsWith("--")) {
        String key = a.substring(2);
        String value = null;
        if (key.contains("=")) {
          value = key.substring(key.indexOf('=') + 1);
          key = key.substring(0, key.indexOf('='));
        }
        if (FLAGS.contains(key)) {
          if (value != null && !value.equals("true") && !value.equals("false")) {
            return usage("--" + key + " is a flag: --" + key + ", or --" + key + "=true|false");
          }
          options.put(key, value == null ? "true" : value);
          continue;
        }
        if (!VALUED.contains(key)) {
          return usage("unknown option --" + key);
        }
        if (value == null && i + 1 < args.length) {
          value = args[++i];
        } else if (value == null) {
          return usage("option --" + key + " needs a value");
        }
        options.put(key, value);
      } else {
        positional.add(a);
      }
    }
    if (positional.isEmpty()) {
      return usage("no command given");
    }
    if (options.containsKey("lock") && !List.of("lease", "dialect").contains(options.get("lock"))) {
      return usage("--lock is lease or dialect, not " + options.get("lock"));
    }
    if (options.containsKey("lock-timeout")) {
      try {
        LockWait.parse(options.get("lock-timeout"));
      } catch (IllegalArgumentException e) {
        return usage("--lock-timeout: " + e.getMessage());
      }
    }
    try {
      if (options.containsKey("ddl-lock-timeout")) {
        DdlLockWaits.duration(options.get("ddl-lock-timeout"));
      }
      if (options.containsKey("ddl-lock-attempts")) {
        DdlLockWaits.count(options.get("ddl-lock-attempts"));
      }
    } catch (MigrationException e) {
      return usage("--" + e.getMessage().substring("the ".length()).replace("DDL lock ", "ddl-lock-"));
    }
    String command = positional.get(0);
    if (options.containsKey("json") && !command.equals("status")) {
      return usage("--json goes with status");
    }
    try (LogToStderr logging = new LogToStderr(err)) {
      switch (command) {
        case "sql":
          return sql(options);
        case "migrate":
        case "status":
        case "validate":
          if (positional.size() != 1) {
            return usage(command + " takes no arguments");
          }
          return withConnection(options, !command.equals("migrate"), c -> database(command, c, 0, options));
        case "migrate-to":
        case "baseline":
          if (positional.size() != 2) {
            return usage(command + " needs a version: " + command + " <version>");
          }
          int version = Integer.parseInt(positional.get(1));
          return withConnection(options, command.equals("baseline"), c -> database(command, c, version, options));
        default:
          return usage("unknown command " + command);
      }
    } catch (NumberFormatException e) {
      return usage("a version is a whole number: " + e.getMessage());
    } catch (MigrationException | UnsupportedDatabaseException e) {
      err.println("jmigrate: " + e.getMessage());
      return FAILED;
    } catch (RuntimeException e) {
      // Never a stack trace: one line that says what failed.
      err.println("jmigrate: failed: " + e);
      return FAILED;
    }
  }

  /**
   * The SQL of the migrations: from {@code --from} (default 0) to {@code --to} (default the
   * latest), the reverse when {@code --from} is above {@code --to}; with {@code --url}, from the
   * database's current version. An unknown version is a mistake on the command line.
   */
  private int sql(Map<String, String> options) {
    String dialect = options.get("dialect");
    Migrator m = withAhead(migrator.get(), options);
    String unknown = unknownVersion(m, options, "from", "to");
    if (unknown != null) {
      return usage(unknown);
    }
    if (dialect == null && (options.containsKey("url") || env.containsKey("JMIGRATE_URL"))) {
      if (options.containsKey("from")) {
        return usage("sql --url starts from the database's current version; --from goes with --dialect");
      }
      String url = options.getOrDefault("url", env.get("JMIGRATE_URL"));
      if (missingSqliteFile(url) != null) {
        // What migrate would run on a SQLite file that is not there yet: everything, from the empty database
        // (opening it would create the file).
        int to = Integer.parseInt(options.getOrDefault("to", String.valueOf(m.latestVersion())));
        out.println("-- " + missingSqliteFile(url) + " does not exist yet: migrate creates it and runs, from version 0:");
        m.sql(Dialect.named("sqlite"), 0, to).forEach(out::println);
        return OK;
      }
      return withConnection(options, true, c -> {
        (options.containsKey("to") ? m.sql(c, Integer.parseInt(options.get("to"))) : m.sql(c)).forEach(out::println);
        return OK;
      });
    }
    if (dialect == null) {
      return usage("sql needs --dialect sqlite, postgresql, h2 or mariadb (or --url, for what migrate would run there)");
    }
    int from = Integer.parseInt(options.getOrDefault("from", "0"));
    int to = Integer.parseInt(options.getOrDefault("to", String.valueOf(m.latestVersion())));
    Dialect d;
    try {
      d = Dialect.named(dialect);
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    m.sql(d, from, to).forEach(out::println);
    return OK;
  }

  /** A one-line complaint about the first option that names a version this build does not have, or null. */
  private static String unknownVersion(Migrator m, Map<String, String> options, String... keys) {
    for (String key : keys) {
      if (!options.containsKey(key)) {
        continue;
      }
      int version = Integer.parseInt(options.get(key).trim());
      if (version != 0 && m.migrations().stream().noneMatch(x -> x.version() == version)) {
        return "--" + key + " " + version + ": no migration has version " + version + "; this build knows "
            + (m.migrations().isEmpty() ? "none" : m.migrations().stream().map(x -> String.valueOf(x.version()))
                .collect(java.util.stream.Collectors.joining(", "))) + " (0 is the empty database)";
      }
    }
    return null;
  }

  /**
   * Whether the fast path may answer: only options that matter when something runs, each checked as
   * {@link #withLock} checks it (a mistake fails the same way whether the database is up to date or not).
   */
  private static boolean optionsValid(Map<String, String> options) {
    for (Map.Entry<String, String> o : options.entrySet()) {
      switch (o.getKey()) {
        case "url", "user", "password", "allow-ahead" -> { }
        case "lock-timeout" -> LockWait.parse(o.getValue());
        case "ddl-lock-timeout" -> DdlLockWaits.duration(o.getValue());
        case "ddl-lock-attempts" -> DdlLockWaits.count(o.getValue());
        case "lease" -> LeaseLock.seconds(o.getValue());
        case "lock" -> {
          if (!o.getValue().equals("lease") && !o.getValue().equals("dialect")) {
            return false; // the migrator's path reports it
          }
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }

  /** The migrator with --allow-ahead applied (absent: as the environment chose). */
  private static Migrator withAhead(Migrator m, Map<String, String> options) {
    return options.containsKey("allow-ahead") ? m.withAheadAllowed(Boolean.parseBoolean(options.get("allow-ahead"))) : m;
  }

  /** The migrator with the lock --lock chose; the lease lock gets its own connection, opened like the first. */
  private Migrator withLock(Migrator m, Map<String, String> options) {
    if (options.containsKey("lock-timeout")) {
      m = m.withLockTimeout(LockWait.parse(options.get("lock-timeout")));
    }
    m = withAhead(m, options);
    if (options.containsKey("ddl-lock-timeout") || options.containsKey("ddl-lock-attempts")) {
      DdlLockWaits was = m.ddlLockWaits();
      m = m.withDdlLockTimeout(
          options.containsKey("ddl-lock-timeout") ? DdlLockWaits.duration(options.get("ddl-lock-timeout")) : was.timeout(),
          options.containsKey("ddl-lock-attempts") ? DdlLockWaits.count(options.get("ddl-lock-attempts")) : was.attempts());
    }
    String lock = options.getOrDefault("lock", m.leaseLock() != null ? "lease" : "dialect");
    switch (lock) {
      case "dialect":
        return m.leaseLock() == null ? m : m.withDialectLock();
      case "lease":
        return lease(m, options);
      default:
        throw new MigrationException("--lock is lease or dialect, not " + lock);
    }
  }

  private Migrator lease(Migrator m, Map<String, String> options) {
    Duration lease = options.containsKey("lease") ? LeaseLock.seconds(options.get("lease"))
        : m.leaseLock() != null ? m.leaseLock().lease() : LeaseLock.DEFAULT_LEASE;
    String url = options.getOrDefault("url", env.get("JMIGRATE_URL"));
    String user = options.getOrDefault("user", env.get("JMIGRATE_USER"));
    String password = options.getOrDefault("password", env.get("JMIGRATE_PASSWORD"));
    return m.withLeaseLock(lease, () -> user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password));
  }

  private interface ConnectionTask {
    int run(Connection c) throws SQLException;
  }

  /** {@code reading}: the command only reads, so a SQLite file that is not there is a mistake, not a new database. */
  private int withConnection(Map<String, String> options, boolean reading, ConnectionTask task) {
    String url = options.getOrDefault("url", env.get("JMIGRATE_URL"));
    if (url == null) {
      return usage("no database: give --url jdbc:… (or set JMIGRATE_URL)");
    }
    java.nio.file.Path missing = reading ? missingSqliteFile(url) : null;
    if (missing != null) {
      err.println("jmigrate: no SQLite database at " + missing + " (nothing was created): check --url; migrate"
          + " creates the file");
      return FAILED;
    }
    String user = options.getOrDefault("user", env.get("JMIGRATE_USER"));
    String password = options.getOrDefault("password", env.get("JMIGRATE_PASSWORD"));
    try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password)) {
      return task.run(c);
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
        err.println("jmigrate: " + JdbcUrls.noDriver(url));
        return FAILED;
      }
      err.println("jmigrate: database error: " + e.getMessage());
      return FAILED;
    }
  }

  /** The file a {@code jdbc:sqlite:} URL names when it does not exist (SQLite would create it empty), else null. */
  static java.nio.file.Path missingSqliteFile(String url) {
    if (!url.startsWith("jdbc:sqlite:")) {
      return null;
    }
    String name = url.substring("jdbc:sqlite:".length());
    int query = name.indexOf('?');
    if (query >= 0) {
      if (name.substring(query).contains("mode=memory")) {
        return null;
      }
      name = name.substring(0, query);
    }
    if (name.startsWith("file:")) {
      name = name.substring("file:".length());
    }
    if (name.isEmpty() || name.startsWith(":memory:") || name.startsWith(":resource:")) {
      return null;
    }
    java.nio.file.Path file = java.nio.file.Path.of(name).toAbsolutePath().normalize();
    return java.nio.file.Files.exists(file) ? null : file;
  }

  private int database(String command, Connection c, int version, Map<String, String> options) {
    if (command.equals("migrate") && fastPath != null && optionsValid(options)) {
      OptionalInt latest = UpToDate.check(c, fastPath);
      if (latest.isPresent()) {
        out.println("up to date at version " + latest.getAsInt());
        return OK;
      }
    }
    Migrator m = withLock(migrator.get(), options);
    switch (command) {
      case "migrate":
        report(m.migrate(c), m, c);
        return OK;
      case "migrate-to":
        report(m.migrateTo(c, version), m, c);
        return OK;
      case "status":
        Status status = m.status(c);
        out.print(options.containsKey("json") && Boolean.parseBoolean(options.get("json")) ? status.toJson() : status);
        return status.problems().isEmpty() ? OK : FAILED;
      case "validate":
        Drift drift = m.validate(c);
        out.print(drift);
        return drift.isEmpty() ? OK : FAILED;
      case "baseline":
        m.baseline(c, version);
        out.println("baselined at version " + version);
        return OK;
      default:
        throw new IllegalStateException(command);
    }
  }

  private void report(List<AppliedMigration> applied, Migrator m, Connection c) {
    if (applied.isEmpty()) {
      int current = m.status(c).currentVersion();
      out.println(current > m.latestVersion()
          ? "the database is at version " + current + ", ahead of this build (it knows 1 to " + m.latestVersion()
              + "); started anyway (--allow-ahead)"
          : "up to date at version " + current);
    }
    applied.forEach(out::println);
  }

  private int usage(String problem) {
    err.println("jmigrate: " + problem + " (see --help)");
    return USAGE;
  }
}
