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
 * PostgreSQL's catalog beyond JDBC: generated columns ({@code GENERATED ALWAYS AS (…) STORED}, read into
 * the model by inspect, compared by validate), identities {@code GENERATED ALWAYS}, column collations (a text column's is read into the model by inspect and
 * compared by validate; column and table comments are the model's), {@code DEFERRABLE}
 * foreign keys, indexes with a descending column, {@code INCLUDE} columns or another method than B-tree (left out); triggers,
 * functions, domains, enum types, check and exclusion constraints; partitions; UNIQUE constraints.
 */
class PostgresCatalog implements LiveCatalog {
  private static final List<String> ATTRIBUTES = List.of(
        "SELECT table_name, 'column ' || table_name || '.' || column_name, 'generated',"
            + " 'GENERATED ALWAYS AS (' || generation_expression || ') STORED', 't' FROM information_schema.columns"
            + " WHERE table_schema = current_schema() AND is_generated = 'ALWAYS'",
        "SELECT table_name, 'column ' || table_name || '.' || column_name, 'identity', 'GENERATED ALWAYS AS IDENTITY', 'f'"
            + " FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'"
            + " AND identity_generation = 'ALWAYS'",
        "SELECT table_name, 'column ' || table_name || '.' || column_name, 'collation', collation_name, 'f'"
            + " FROM information_schema.columns WHERE table_schema = current_schema() AND collation_name IS NOT NULL",
        "SELECT t.relname, 'foreign key ' || t.relname || '.' || k.conname, 'deferrable', CASE WHEN k.condeferred"
            + " THEN 'DEFERRABLE INITIALLY DEFERRED' ELSE 'DEFERRABLE INITIALLY IMMEDIATE' END, 'f' FROM pg_constraint k"
            + " JOIN pg_class t ON t.oid = k.conrelid WHERE k.contype = 'f' AND k.condeferrable"
            + " AND k.connamespace = current_schema()::regnamespace",
        "SELECT t.relname, 'index ' || i.relname, 'definition', pg_get_indexdef(i.oid), 't' FROM pg_index x"
            + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema()"
            + " AND (x.indnkeyatts < x.indnatts OR EXISTS (SELECT 1 FROM unnest(x.indoption::int2[]) o WHERE (o & 1) = 1)"
            // GIN, GiST, BRIN, hash: a model's index is a B-tree
            + " OR i.relam <> (SELECT oid FROM pg_am WHERE amname = 'btree'))");

  private static final List<ObjectKind> OBJECTS = List.of(
        new ObjectKind("trigger", "SELECT DISTINCT event_object_table || '.' || trigger_name FROM information_schema.triggers"
            + " WHERE trigger_schema = current_schema() ORDER BY 1", KEPT),
        new ObjectKind("function", "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' FROM pg_proc p"
            + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY 1", KEPT),
        new ObjectKind("domain", "SELECT domain_name FROM information_schema.domains WHERE domain_schema = current_schema()"
            + " ORDER BY 1", KEPT + " (a column of it is reported with its table)"),
        new ObjectKind("enum type", "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE t.typtype = 'e' AND n.nspname = current_schema() ORDER BY 1", KEPT
            + " (a column of it is reported with its table)"),
        // check constraints are modelled (catalog.LiveChecks): every one of a table is named here
        new ObjectKind("exclusion constraint", "SELECT conrelid::regclass || '.' || conname FROM pg_constraint"
            + " WHERE contype = 'x' AND connamespace = current_schema()::regnamespace ORDER BY 1", KEPT));

  private final PostgresDialect dialect;

  PostgresCatalog(PostgresDialect dialect) {
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

  /** {@code format_type}: the type as a definition writes it, with its modifiers ({@code numeric(5,2)[]}). */
  @Override
  public java.util.Map<String, String> nativeTypes(Connection c, String table) throws SQLException {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    try (PreparedStatement s = c.prepareStatement(MARK + "SELECT a.attname, format_type(a.atttypid, a.atttypmod)"
        + " FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
        + " WHERE n.nspname = current_schema() AND t.relname = ? AND a.attnum > 0 AND NOT a.attisdropped")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  /**
   * The database reads the model's spelling ({@code to_regtype}: {@code smallint[]}, {@code int2[]} and
   * {@code _int2} are one type, a domain is its own) and compares it with the column's type, modifiers aside.
   */
  @Override
  public boolean sameType(Connection c, String table, String column, String sqlType, String liveTypeName)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(MARK + "SELECT to_regtype(?) = a.atttypid FROM pg_attribute a"
        + " JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
        + " WHERE n.nspname = current_schema() AND t.relname = ? AND a.attname = ? AND NOT a.attisdropped")) {
      s.setString(1, sqlType);
      s.setString(2, table);
      s.setString(3, column);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  @Override
  public String partitionsQuery() {
    return "SELECT c.relname || ' ' || p.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_class p ON p.oid = i.inhparent"
        + " WHERE c.relispartition AND n.nspname = current_schema() ORDER BY 1";
  }

  @Override
  public String partitionedTablesQuery() {
    return "SELECT c.relname FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'p' AND n.nspname = current_schema()";
  }

  @Override
  public String uniqueConstraintsQuery() {
    return "SELECT conrelid::regclass || '.' || conname FROM pg_constraint WHERE contype = 'u'"
        + " AND connamespace = current_schema()::regnamespace";
  }

  @Override
  public String strips(LiveAttribute a, String column, String s) {
    String qt = Pattern.quote(dialect.quote(a.table()));
    if (column != null && a.attribute().equals("collation") && !s.contains(" COLLATE ")
        && Pattern.compile("(?is)^ALTER TABLE " + qt + "\\s.*ALTER COLUMN " + Pattern.quote(dialect.quote(column))
            + "\\s+(SET DATA\\s+)?TYPE\\b").matcher(s).find()) {
      return "ALTER COLUMN … TYPE gives the column its new type's default collation";
    }
    String fk = a.object().startsWith("foreign key ") ? a.object().substring(a.object().indexOf('.') + 1) : null;
    if (fk != null && Pattern.compile("(?is)^ALTER TABLE " + qt + "\\s.*DROP CONSTRAINT " + Pattern.quote(dialect.quote(fk)))
        .matcher(s).find()) {
      return "the foreign key is dropped and created again from the model, which does not have it";
    }
    return null;
  }
}
