package io.jmigrate.processor;

import io.jmigrate.testing.H2;
import java.sql.Connection;

/** Renames and keys on a real in-memory H2: constraints addressed by name, as on PostgreSQL. */
class H2RenamesAndKeysTest extends RenamesAndKeysContract {
  @Override
  Connection newDatabase(String name) throws Exception {
    return H2.mem();
  }
}
