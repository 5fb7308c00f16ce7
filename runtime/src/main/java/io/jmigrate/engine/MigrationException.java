package io.jmigrate.engine;

/** A migration could not be applied, or the database and the code disagree. Says what to do. */
public class MigrationException extends RuntimeException {
  public MigrationException(String message) {
    super(message);
  }

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
