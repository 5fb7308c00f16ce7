package io.jmigrate.processor;

import io.jmigrate.testing.H2;
import java.sql.Connection;

/**
 * Chinook has no H2 script; its SQLite script is standard SQL but for the brackets around names
 * (SQL Server's quoting), which become double quotes here. H2 names the script's unnamed foreign
 * keys itself ({@code CONSTRAINT_…}), and inspect keeps those names like any other.
 */
class H2ChinookTest extends ChinookRoundTripContract {
  @Override
  Connection newDatabase() throws Exception {
    return H2.file(dir, "chinook");
  }

  @Override
  String script() {
    return "Chinook_Sqlite.sql.gz";
  }

  @Override
  String adapt(String statement) {
    return statement.replace('[', '"').replace(']', '"');
  }

  @Override
  boolean checksReferencesAtCreate() {
    return true;
  }

  @Override
  boolean skip(String statement) {
    return false;
  }

  @Override
  String name(String camelCase) {
    return camelCase;
  }

  @Override
  String albumArtistForeignKey() {
    return null; // H2 chose it
  }
}
