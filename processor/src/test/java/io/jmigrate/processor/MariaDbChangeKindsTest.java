package io.jmigrate.processor;

import io.jmigrate.testing.MariaDb;
import java.sql.Connection;
import java.sql.SQLException;

/** The change kinds on a real MariaDB: native ALTERs, DDL that commits by itself. */
class MariaDbChangeKindsTest extends ChangeKindsContract {
  @Override
  Connection newDatabase(String name) throws Exception {
    return MariaDb.newPortableDatabase();
  }

  @Override
  String catalog(Connection c) throws SQLException {
    return Db.mariaDbCatalog(c);
  }
}
