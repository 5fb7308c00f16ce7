package io.jmigrate.quarkus;

/**
 * Stops the application's start with jmigrate's own message (which names the migration, the statement and
 * what to do), without a stack trace: the trace would only show Quarkus's start-up, not the user's mistake.
 */
public final class JmigrateStartupException extends RuntimeException {
  JmigrateStartupException(String message) {
    super(message, null, false, false);
  }
}
