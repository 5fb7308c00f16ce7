package io.jmigrate.processor;

import io.jmigrate.testing.H2;
import java.sql.Connection;
import java.sql.SQLException;

/** The change kinds on a real embedded H2 file database: native ALTERs, catalog from INFORMATION_SCHEMA. */
class H2ChangeKindsTest extends ChangeKindsContract {
  @Override
  Connection newDatabase(String name) throws Exception {
    return H2.file(dir.resolve("h2"), name);
  }

  @Override
  String catalog(Connection c) throws SQLException {
    return H2.catalog(c);
  }
}
