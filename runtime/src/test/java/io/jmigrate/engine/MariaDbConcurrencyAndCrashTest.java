package io.jmigrate.engine;

import io.jmigrate.testing.MariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * On a real MariaDB: GET_LOCK serialises the runs; a failed migration's steps are reverted, DDL
 * having committed; a killed one resumes after the steps it had done ({@link StepwiseCrashContract}).
 */
class MariaDbConcurrencyAndCrashTest extends ConcurrencyAndCrashContract implements StepwiseCrashContract {
  @Override
  String newDatabaseUrl() throws Exception {
    return MariaDb.newDatabaseUrl();
  }

  @Override
  public String newDatabaseUrl(Path dir) throws Exception {
    return MariaDb.newDatabaseUrl();
  }

  @Override
  public String catalog(Connection c) throws SQLException {
    return MariaDb.catalog(c);
  }

  @Override
  public String firstStatementOfTheUniqueIndexStep() {
    return "MODIFY COLUMN .code.";
  }

  @Override
  public List<String> undoFirstStatementOfTheUniqueIndexStep() {
    return List.of(); // widening TEXT to VARCHAR(255) again does no harm
  }
}
