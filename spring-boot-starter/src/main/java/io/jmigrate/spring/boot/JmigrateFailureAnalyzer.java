package io.jmigrate.spring.boot;

import io.jmigrate.engine.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MigrationException} anywhere in a start-up failure into Spring Boot's
 * "APPLICATION FAILED TO START" report with jmigrate's own message (the migration, the statement,
 * the database's message, what to do) instead of the chain of wrapping exceptions. Registered in
 * META-INF/spring.factories.
 */
class JmigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
    String description = "jmigrate could not migrate the database:\n\n" + cause.getMessage();
    String action = cause instanceof SchemaDriftException
        ? "Make the database match its migrations (the differences are listed above), or set"
            + " jmigrate.validate-on-migrate=false to start without comparing."
        : "Fix the cause named above (in the migration, the data or the database; the message says what jmigrate"
            + " changed and what to do), then start again. jmigrate.enabled=false starts the application without"
            + " migrating; `java -cp <the application's class path> io.jmigrate.Runtime status --url <JDBC URL>`"
            + " lists the database's migrations.";
    return new FailureAnalysis(description, action, cause);
  }
}
