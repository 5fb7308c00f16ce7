package io.jmigrate.inspect;

import java.util.List;
import java.util.Map;

/**
 * The catalog queries, per dialect, for what a model cannot describe: triggers, functions, domains,
 * enum types, MariaDB's column checks and SQLite's unnamed ones (named table checks are modelled), partitions. Each query returns one text column, the object's name
 * (qualified by its table where it has one); inspect lists them in its report, and leaves them where
 * they are. Views, and tables of unsupported types, are found through JDBC's own metadata.
 */
final class DatabaseObjects {
  private DatabaseObjects() {}

  /** A kind of object, the query that lists it, and what the report says about it. */
  record Kind(String kind, String query, String what) {}

  static final String KEPT = "left in the database as it is; no model describes it and no migration touches it";

  private static final Map<String, List<Kind>> BY_DIALECT = Map.of(
      "postgresql", List.of(
          new Kind("trigger", "SELECT DISTINCT event_object_table || '.' || trigger_name FROM information_schema.triggers"
              + " WHERE trigger_schema = current_schema() ORDER BY 1", KEPT),
          new Kind("function", "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' FROM pg_proc p"
              + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
              + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY 1", KEPT),
          new Kind("domain", "SELECT domain_name FROM information_schema.domains WHERE domain_schema = current_schema()"
              + " ORDER BY 1", KEPT + " (a column of it is reported with its table)"),
          new Kind("enum type", "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
              + " WHERE t.typtype = 'e' AND n.nspname = current_schema() ORDER BY 1", KEPT
              + " (a column of it is reported with its table)"),
          // check constraints are modelled (catalog.LiveChecks): every one of a table is named here
          new Kind("exclusion constraint", "SELECT conrelid::regclass || '.' || conname FROM pg_constraint"
              + " WHERE contype = 'x' AND connamespace = current_schema()::regnamespace ORDER BY 1", KEPT)),
      "sqlite", List.of(
          new Kind("trigger", "SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1",
              "kept: SQLite's table rebuild recreates a table's triggers"),
          new Kind("check constraint", "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%'"
              + " ESCAPE '\\' AND name <> 'jmigrate_history' AND replace(replace(replace(upper(sql), char(10), ' '), char(9), ' '),"
              + " 'CHECK (', 'CHECK(') LIKE '% CHECK(%' ORDER BY 1", "the CREATE TABLE of this table may have CHECK constraints"
              + " without a name or on a column, which the model does not describe (named table checks are modelled):"
              + " a change that rebuilds the table (changing a column or a key) would not recreate them")),
      "mariadb", List.of(
          new Kind("trigger", "SELECT CONCAT(EVENT_OBJECT_TABLE, '.', TRIGGER_NAME) FROM information_schema.TRIGGERS"
              + " WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1", KEPT),
          new Kind("routine", "SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM information_schema.ROUTINES"
              + " WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1", KEPT),
          new Kind("check constraint", "SELECT CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME, ' ', CHECK_CLAUSE)"
              + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND LEVEL = 'Column'"
              // a table's checks are modelled (catalog.LiveChecks); a column's are not, nor the check MariaDB's JSON
              // type adds to its column (JSON is LONGTEXT with it), part of the type
              + " AND CHECK_CLAUSE <> CONCAT('json_valid(`', CONSTRAINT_NAME, '`)') ORDER BY 1",
              "kept by the database; the model does not describe it, so a migration neither checks nor drops it"),
          new Kind("partitioned table", "SELECT DISTINCT TABLE_NAME FROM information_schema.PARTITIONS"
              + " WHERE TABLE_SCHEMA = DATABASE() AND PARTITION_NAME IS NOT NULL ORDER BY 1",
              "its partitioning is not described by the model; a migration that changes the table keeps it")),
      "h2", List.of(
          new Kind("trigger", "SELECT EVENT_OBJECT_TABLE || '.' || TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS"
              + " WHERE TRIGGER_SCHEMA = CURRENT_SCHEMA ORDER BY 1", KEPT),
          new Kind("routine", "SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = CURRENT_SCHEMA"
              + " ORDER BY 1", KEPT),
          new Kind("domain", "SELECT DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = CURRENT_SCHEMA"
              + " ORDER BY 1", KEPT)
          // check constraints are modelled (catalog.LiveChecks)
          ));

  static List<Kind> of(String dialect) {
    return BY_DIALECT.getOrDefault(dialect, List.of());
  }

  /** PostgreSQL's partitions: tables of their own in the catalog, but parts of their parent. */
  static String partitionsQuery(String dialect) {
    return io.jmigrate.catalog.Partitions.query(dialect);
  }
}
