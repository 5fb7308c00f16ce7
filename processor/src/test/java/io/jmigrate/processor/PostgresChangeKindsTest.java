package io.jmigrate.processor;

import io.jmigrate.testing.Postgres;
import java.sql.Connection;
import java.sql.SQLException;

/** The change kinds on a real PostgreSQL: native ALTERs, transactional DDL. */
class PostgresChangeKindsTest extends ChangeKindsContract {
  @Override
  Connection newDatabase(String name) throws Exception {
    return Postgres.newDatabase();
  }

  @Override
  String catalog(Connection c) throws SQLException {
    return Db.postgresCatalog(c);
  }
}
