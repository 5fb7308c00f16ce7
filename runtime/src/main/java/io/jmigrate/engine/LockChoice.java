package io.jmigrate.engine;

import io.jmigrate.dialect.LockWait;
import java.util.Locale;

/**
 * The run's choices made outside the code, read when a {@link Migrator} is built; a system
 * property wins over the environment variable:
 *
 * <ul>
 *   <li>{@code JMIGRATE_LOCK=lease} / {@code -Djmigrate.lock=lease} picks the {@link LeaseLock};
 *       {@code JMIGRATE_LOCK_LEASE} / {@code -Djmigrate.lock.lease} its length in seconds (default 30);
 *   <li>{@code JMIGRATE_LOCK_TIMEOUT} / {@code -Djmigrate.lock.timeout} how long to wait for the
 *       lock ({@code 30s}, {@code 2m}, {@code 500ms}; default each lock's own);
 *   <li>{@code JMIGRATE_ALLOW_AHEAD=true} / {@code -Djmigrate.allow-ahead=true} lets this build start
 *       on a database that has newer migrations ({@link Migrator#withAheadAllowed}).
 * </ul>
 */
final class LockChoice {
  private LockChoice() {}

  /** The lease lock if chosen, else null (the dialect's own lock). */
  static LeaseLock fromEnvironment() {
    String lock = setting("jmigrate.lock", "JMIGRATE_LOCK");
    if (lock == null || lock.isBlank() || lock.equals("dialect")) {
      return null;
    }
    if (!lock.equals("lease")) {
      throw new MigrationException("JMIGRATE_LOCK (or -Djmigrate.lock) is \"" + lock + "\"; it can be lease or dialect");
    }
    return new LeaseLock(LeaseLock.seconds(setting("jmigrate.lock.lease", "JMIGRATE_LOCK_LEASE")));
  }

  /** The lock wait, with the timeout chosen outside if any. */
  static LockWait lockWait() {
    String timeout = setting("jmigrate.lock.timeout", "JMIGRATE_LOCK_TIMEOUT");
    if (timeout == null || timeout.isBlank()) {
      return LockWait.defaults();
    }
    try {
      return LockWait.defaults().withTimeout(LockWait.parse(timeout));
    } catch (IllegalArgumentException e) {
      throw new MigrationException("JMIGRATE_LOCK_TIMEOUT (or -Djmigrate.lock.timeout): " + e.getMessage());
    }
  }

  /** Whether an older build may start on a newer database. */
  static boolean aheadAllowed() {
    String allowed = setting("jmigrate.allow-ahead", "JMIGRATE_ALLOW_AHEAD");
    if (allowed == null || allowed.isBlank()) {
      return false;
    }
    return switch (allowed.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new MigrationException("JMIGRATE_ALLOW_AHEAD (or -Djmigrate.allow-ahead) is \"" + allowed
          + "\"; it can be true or false");
    };
  }

  private static String setting(String property, String env) {
    String value = System.getProperty(property);
    return value != null ? value : System.getenv(env);
  }
}
