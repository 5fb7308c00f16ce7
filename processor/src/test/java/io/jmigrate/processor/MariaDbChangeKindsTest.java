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

  /** The same where the session reads a backslash as itself (NO_BACKSLASH_ESCAPES): one spelling runs in both modes. */
  @org.junit.jupiter.api.Test
  void awkwardTextRoundTripsWithNoBackslashEscapes() throws Exception {
    try (Connection db = newDatabase("nbe")) {
      io.jmigrate.testing.Sql.exec(db, "SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')");
      awkwardTextRoundTrips(db);
    }
  }
}
