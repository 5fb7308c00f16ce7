package io.jmigrate.processor;

import io.jmigrate.testing.MariaDb;
import java.sql.Connection;

class MariaDbChinookTest extends ChinookRoundTripContract {
  @Override
  Connection newDatabase() throws Exception {
    return MariaDb.newDatabase();
  }

  @Override
  String script() {
    return "Chinook_MySql.sql.gz";
  }

  @Override
  boolean skip(String statement) {
    return statement.startsWith("DROP DATABASE") || statement.startsWith("CREATE DATABASE") || statement.startsWith("USE ");
  }

  @Override
  String name(String camelCase) {
    return camelCase;
  }

  @Override
  String albumArtistForeignKey() {
    return "FK_AlbumArtistId";
  }
}
