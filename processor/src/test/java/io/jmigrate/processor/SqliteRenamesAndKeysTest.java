package io.jmigrate.processor;

import java.sql.Connection;
import java.sql.SQLException;

class SqliteRenamesAndKeysTest extends RenamesAndKeysContract {
  @Override
  Connection newDatabase(String name) throws Exception {
    return Db.sqlite(ChangeKindsContract.file(dir.resolve("db"), name + ".db"));
  }

  @Override
  void enforceForeignKeys(Connection db) throws SQLException {
    Db.exec(db, "PRAGMA foreign_keys = ON");
  }
}
