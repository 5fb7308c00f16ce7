package io.jmigrate.engine;

import io.jmigrate.testing.H2;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The kill contract on embedded H2 files: each DDL statement commits by itself, as on MariaDB.
 * {@code WRITE_DELAY=0} writes each commit to the file at once, so that a killed process loses none
 * and the test can say exactly what the history records; with H2's default (commits written within
 * a second), a kill returns the file to an earlier consistent point, schema and history together.
 */
class H2CrashTest implements StepwiseCrashContract {
  @Override
  public String newDatabaseUrl(Path dir) {
    return H2.fileUrl(dir, "db") + ";WRITE_DELAY=0";
  }

  @Override
  public String catalog(Connection c) throws SQLException {
    return H2.catalog(c);
  }

  @Override
  public String firstStatementOfTheUniqueIndexStep() {
    return "CREATE UNIQUE INDEX";
  }

  @Override
  public List<String> undoFirstStatementOfTheUniqueIndexStep() {
    return List.of("DROP INDEX \"ux_parent_code\"");
  }
}
