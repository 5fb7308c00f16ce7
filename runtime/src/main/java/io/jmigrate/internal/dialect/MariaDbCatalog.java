package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.LiveAttribute;
import io.jmigrate.dialect.LiveCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MariaDB/MySQL's catalog beyond JDBC: {@code ON UPDATE} (column comments are the model's), a column's collation other than
 * its table's (a text column's is read into the model by inspect, compared by validate), generated columns (left out); {@code UNSIGNED} integers are not
 * attributes: inspect models them with their type as written ({@link #nativeTypes}), as no signed Java type holds
 * their values, and an AUTO_INCREMENT on such a column is an attribute. FULLTEXT and SPATIAL indexes (left out: a model's index is a B-tree). Triggers,
 * routines, check constraints, partitioned tables.
 */
final class MariaDbCatalog implements LiveCatalog {
  private static final List<String> ATTRIBUTES = List.of(
        "SELECT TABLE_NAME, CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME), 'on update',"
            + " SUBSTRING(EXTRA, LOCATE('on update', LOWER(EXTRA))), 0 FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND LOWER(EXTRA) LIKE '%on update%'",
        "SELECT c.TABLE_NAME, CONCAT('column ', c.TABLE_NAME, '.', c.COLUMN_NAME), 'collation',"
            + " CONCAT(c.CHARACTER_SET_NAME, ' ', c.COLLATION_NAME), 0 FROM information_schema.COLUMNS c"
            + " JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
            + " WHERE c.TABLE_SCHEMA = DATABASE() AND c.COLLATION_NAME IS NOT NULL AND c.COLLATION_NAME <> t.TABLE_COLLATION",
        "SELECT TABLE_NAME, CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME), 'generated', CONCAT(COLUMN_TYPE,"
            + " ' AS (', GENERATION_EXPRESSION, ') ', IF(UPPER(EXTRA) LIKE '%STORED%', 'STORED', 'VIRTUAL')), 1"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND IS_GENERATED = 'ALWAYS'",
        // AUTO_INCREMENT on a column inspect models by its type as written (an unsigned integer): a model's identity
        // is a signed int or long, so the database keeps it, declared, and validate reports it undeclared
        "SELECT TABLE_NAME, CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME), 'auto_increment', 'AUTO_INCREMENT', 0"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND LOWER(EXTRA) LIKE '%auto_increment%'"
            + " AND (LOWER(COLUMN_TYPE) LIKE '%unsigned%' OR LOWER(COLUMN_TYPE) LIKE '%zerofill%')",
        // FULLTEXT and SPATIAL indexes: a model's index is a B-tree (on TEXT it would narrow the column to VARCHAR)
        "SELECT TABLE_NAME, CONCAT('index ', INDEX_NAME), 'definition', CONCAT(INDEX_TYPE, ' INDEX ', INDEX_NAME, ' (',"
            + " GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ', '), ')'), 1 FROM information_schema.STATISTICS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND INDEX_TYPE IN ('FULLTEXT', 'SPATIAL')"
            + " GROUP BY TABLE_NAME, INDEX_NAME, INDEX_TYPE");

  private static final List<ObjectKind> OBJECTS = List.of(
        new ObjectKind("trigger", "SELECT CONCAT(EVENT_OBJECT_TABLE, '.', TRIGGER_NAME) FROM information_schema.TRIGGERS"
            + " WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1", KEPT),
        new ObjectKind("routine", "SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM information_schema.ROUTINES"
            + " WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1", KEPT),
        new ObjectKind("check constraint", "SELECT CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME, ' ', CHECK_CLAUSE)"
            + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND LEVEL = 'Column'"
            // a table's checks are modelled (catalog.LiveChecks); a column's are not, nor the check MariaDB's JSON
            // type adds to its column (JSON is LONGTEXT with it), part of the type
            + " AND CHECK_CLAUSE <> CONCAT('json_valid(`', CONSTRAINT_NAME, '`)') ORDER BY 1",
            "kept by the database; the model does not describe it, so a migration neither checks nor drops it"),
        new ObjectKind("partitioned table", "SELECT DISTINCT TABLE_NAME FROM information_schema.PARTITIONS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND PARTITION_NAME IS NOT NULL ORDER BY 1",
            "its partitioning is not described by the model; a migration that changes the table keeps it"));

  private final MariaDbDialect dialect;

  MariaDbCatalog(MariaDbDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public List<LiveAttribute> attributes(Connection c) throws SQLException {
    return AttributeQueries.run(c, ATTRIBUTES);
  }

  @Override
  public List<ObjectKind> objects() {
    return OBJECTS;
  }

  /** {@code COLUMN_TYPE}: {@code char(10)}, {@code int(10) unsigned}, {@code enum('a','b')}, {@code inet6}. */
  @Override
  public java.util.Map<String, String> nativeTypes(Connection c, String table) throws SQLException {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    try (PreparedStatement s = c.prepareStatement(MARK + "SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS"
        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  @Override
  public String strips(LiveAttribute a, String column, String s) {
    String qt = Pattern.quote(dialect.quote(a.table()));
    if (column != null && !a.leftOut() && Pattern.compile("(?is)^ALTER TABLE " + qt + "\\s.*\\b(MODIFY|CHANGE)\\s+(COLUMN\\s+)?"
        + Pattern.quote(dialect.quote(column)) + "\\s").matcher(s).find()) {
      return "MODIFY COLUMN restates the whole column from the model, which does not have it";
    }
    return null;
  }

  @Override
  public boolean reportsNoActionAsRestrict() {
    return true;
  }
}
