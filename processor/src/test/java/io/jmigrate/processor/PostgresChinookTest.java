package io.jmigrate.processor;

import io.jmigrate.testing.Postgres;
import java.sql.Connection;

class PostgresChinookTest extends ChinookRoundTripContract {
  @Override
  Connection newDatabase() throws Exception {
    return Postgres.newDatabase();
  }

  @Override
  String script() {
    return "Chinook_PostgreSql.sql.gz";
  }

  @Override
  boolean skip(String statement) {
    return statement.startsWith("DROP DATABASE") || statement.startsWith("CREATE DATABASE") || statement.startsWith("\\c");
  }

  /** Chinook's PostgreSQL script is snake_case. */
  @Override
  String name(String camelCase) {
    return camelCase.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  String albumArtistForeignKey() {
    return "album_artist_id_fkey";
  }
}
