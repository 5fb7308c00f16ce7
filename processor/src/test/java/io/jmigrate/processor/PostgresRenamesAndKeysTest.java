package io.jmigrate.processor;

import io.jmigrate.testing.Postgres;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

class PostgresRenamesAndKeysTest extends RenamesAndKeysContract {
  @Override
  Connection newDatabase(String name) throws Exception {
    return Postgres.newDatabase();
  }

  @Override
  String indexIdentity(Connection db, String index) throws SQLException {
    List<String> id = strings(db, "SELECT oid || ':' || relfilenode FROM pg_class WHERE relkind = 'i' AND relname = '" + index + "'");
    assertEquals(1, id.size(), index + " exists");
    return id.get(0);
  }
}
