package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.strings;

import io.jmigrate.testing.Postgres;
import java.sql.Connection;
import java.sql.SQLException;

/** The change kinds on a real PostgreSQL: native ALTERs, transactional DDL. */
class PostgresChangeKindsTest extends ChangeKindsContract {
  @Override
  Connection newDatabase(String name) throws Exception {
    return Postgres.newDatabase();
  }

  /** Columns, constraints and indexes from PostgreSQL's catalog, in a stable order. */
  @Override
  String catalog(Connection c) throws SQLException {
    StringBuilder s = new StringBuilder();
    for (String row : strings(c, """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
          || coalesce('(' || character_maximum_length || ')', '')
          || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')
          || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-') || ' identity=' || is_identity
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> 'jmigrate_history'
        ORDER BY table_name, column_name""")) {
      s.append(row).append('\n');
    }
    for (String row : strings(c, """
        SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'jmigrate_history'
        ORDER BY 1""")) {
      s.append(row).append('\n');
    }
    for (String row : strings(c, """
        SELECT 'index ' || indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> 'jmigrate_history' ORDER BY 1""")) {
      s.append(row).append('\n');
    }
    return s.toString();
  }
}
