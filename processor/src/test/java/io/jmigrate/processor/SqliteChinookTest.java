package io.jmigrate.processor;

import java.sql.Connection;

class SqliteChinookTest extends ChinookRoundTripContract {
  @Override
  Connection newDatabase() throws Exception {
    return Db.sqlite(dir.resolve("chinook.db"));
  }

  @Override
  String script() {
    return "Chinook_Sqlite.sql.gz";
  }

  @Override
  boolean skip(String statement) {
    return false;
  }

  @Override
  String name(String camelCase) {
    return camelCase;
  }

  /** SQLite's keys are unnamed; every key change rebuilds the table, so the model's default name serves. */
  @Override
  String albumArtistForeignKey() {
    return "fk_album_artistid";
  }
}
