package io.jmigrate.engine;

import java.time.Duration;

/**
 * The run lock chosen outside the code: {@code JMIGRATE_LOCK=lease} (environment) or
 * {@code -Djmigrate.lock=lease} picks the {@link LeaseLock}; {@code JMIGRATE_LOCK_LEASE} /
 * {@code -Djmigrate.lock.lease} its length in seconds (default 30). The property wins.
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

  private static String setting(String property, String env) {
    String value = System.getProperty(property);
    return value != null ? value : System.getenv(env);
  }
}
