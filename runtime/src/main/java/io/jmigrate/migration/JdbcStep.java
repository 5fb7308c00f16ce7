package io.jmigrate.migration;

import java.sql.Connection;
import java.sql.SQLException;

/** Hand-written Java in a migration, run inside the migration's transaction. */
@FunctionalInterface
public interface JdbcStep {
  void run(Connection connection) throws SQLException;
}
