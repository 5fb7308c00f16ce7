package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.LiveAttribute;
import io.jmigrate.dialect.LiveCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * H2's catalog beyond JDBC: generated columns (left out), identities {@code GENERATED ALWAYS} (its
 * ALTER COLUMN forms change one thing each and keep the rest; column comments are the model's); triggers, routines,
 * domains, check constraints.
 */
final class H2Catalog implements LiveCatalog {
  private static final List<String> ATTRIBUTES = List.of(
        "SELECT TABLE_NAME, 'column ' || TABLE_NAME || '.' || COLUMN_NAME, 'generated', 'GENERATED ALWAYS AS ('"
            + " || GENERATION_EXPRESSION || ')', 't' FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
            + " AND IS_GENERATED = 'ALWAYS'",
        "SELECT TABLE_NAME, 'column ' || TABLE_NAME || '.' || COLUMN_NAME, 'identity', 'GENERATED ALWAYS AS IDENTITY', 'f'"
            + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND IS_IDENTITY = 'YES'"
            + " AND IDENTITY_GENERATION = 'ALWAYS'");

  private static final List<ObjectKind> OBJECTS = List.of(
        new ObjectKind("trigger", "SELECT EVENT_OBJECT_TABLE || '.' || TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS"
            + " WHERE TRIGGER_SCHEMA = CURRENT_SCHEMA ORDER BY 1", KEPT),
        new ObjectKind("routine", "SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = CURRENT_SCHEMA"
            + " ORDER BY 1", KEPT),
        new ObjectKind("domain", "SELECT DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = CURRENT_SCHEMA"
            + " ORDER BY 1", KEPT)
        // check constraints are modelled (catalog.LiveChecks)
        );

  @Override
  public List<LiveAttribute> attributes(Connection c) throws SQLException {
    return AttributeQueries.run(c, ATTRIBUTES);
  }

  @Override
  public List<ObjectKind> objects() {
    return OBJECTS;
  }

  /** H2 names a key's index after it, or CONSTRAINT_INDEX_n for a key it named itself. */
  @Override
  public boolean madeForForeignKey(String index, Set<String> foreignKeys) {
    int at = index.lastIndexOf("_index_");
    return (at > 0 && foreignKeys.contains(index.substring(0, at))) || index.matches("constraint_index_[0-9a-f]+");
  }

  @Override
  public boolean reportsNoActionAsRestrict() {
    return true;
  }
}
