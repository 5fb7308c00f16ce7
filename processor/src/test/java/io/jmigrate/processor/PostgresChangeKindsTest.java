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

  /** The same where the session reads backslashes in strings as escapes (standard_conforming_strings off). */
  @org.junit.jupiter.api.Test
  void awkwardTextRoundTripsWithoutStandardConformingStrings() throws Exception {
    try (Connection db = newDatabase("nonstandard")) {
      io.jmigrate.testing.Sql.exec(db, "SET standard_conforming_strings = off");
      awkwardTextRoundTrips(db);
    }
  }
}
