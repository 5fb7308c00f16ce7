package io.jmigrate.processor;

import io.jmigrate.testing.Postgres;
import java.sql.Connection;

class PostgresRenamesAndKeysTest extends RenamesAndKeysContract {
  @Override
  Connection newDatabase(String name) throws Exception {
    return Postgres.newDatabase();
  }
}
