package io.jmigrate.processor;

import java.sql.Connection;
import java.sql.SQLException;

/** The change kinds on SQLite: most of them are table rebuilds. */
class SqliteChangeKindsTest extends ChangeKindsContract {
  @Override
  Connection newDatabase(String name) throws Exception {
    Connection c = Db.sqlite(file(dir.resolve("db"), name + ".db"));
    Db.exec(c, "PRAGMA foreign_keys = ON");
    return c;
  }

  @Override
  String catalog(Connection c) throws SQLException {
    return Db.catalog(c);
  }
}
