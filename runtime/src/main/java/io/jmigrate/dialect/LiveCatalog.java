package io.jmigrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What a dialect reads from its database's catalog beyond JDBC's metadata, for {@code validate},
 * {@code inspect} and the check that refuses a migration that would strip something the model does
 * not describe ({@link Dialect#liveCatalog()}). Each method's default is "nothing of the kind", so a
 * dialect says only what its database has.
 */
public interface LiveCatalog {
  /** A dialect whose catalog holds nothing beyond JDBC's metadata. */
  LiveCatalog NONE = new LiveCatalog() {};

  /** Marks these catalog reads in a statement log, apart from a migration's own statements. */
  String MARK = "/* jmigrate: kept attributes */ ";

  /** What the report says of an object that no model describes and no migration touches. */
  String KEPT = "left in the database as it is; no model describes it and no migration touches it";

  /**
   * A kind of object a model cannot describe (triggers, functions, domains, check constraints…), listed
   * by {@code inspect} and left where it is.
   *
   * @param query returns one text column, the object's name (qualified by its table where it has one)
   * @param what what the report says about it (e.g. {@link #KEPT})
   */
  record ObjectKind(String kind, String query, String what) {}

  /** What the live tables of the current schema have beyond the model's values, in any order. */
  default List<LiveAttribute> attributes(Connection c) throws SQLException {
    return List.of();
  }

  /** The kinds of object a model cannot describe, each with the query that lists them. */
  default List<ObjectKind> objects() {
    return List.of();
  }

  /**
   * The query listing partitions, one {@code partition parent} per row, or null where the database
   * has none: tables of their own in the catalog, but parts of their parent, which the model describes.
   */
  default String partitionsQuery() {
    return null;
  }

  /** The query listing partitioned tables (the parents), one name per row, or null. */
  default String partitionedTablesQuery() {
    return null;
  }

  /**
   * The column types of {@code table} as its definition declares them, by column, where the driver
   * reports them otherwise (SQLite's {@code NUMERIC(10,2)} as size 12); empty to take JDBC's.
   */
  default Map<String, String> declaredTypes(Connection c, String table) throws SQLException {
    return Map.of();
  }

  /**
   * The column types of {@code table} as a definition would write them ({@code year}, {@code smallint[]},
   * {@code numeric(5,2)[]}, MariaDB's {@code char(10)}, {@code int(10) unsigned}), by column: what
   * {@code inspect} writes as {@code @Column(sqlType)} for a type jmigrate does not model; empty to take
   * JDBC's type name as it is.
   */
  default Map<String, String> nativeTypes(Connection c, String table) throws SQLException {
    return Map.of();
  }

  /**
   * Whether the live column {@code table.column}, whose JDBC type name is {@code liveTypeName}, has the
   * type a model writes as {@code sqlType} ({@code @Column(sqlType)}): by default the names compared
   * without case, quotes, a schema, modifiers in parentheses or spaces ({@code CHAR(10)} is {@code CHAR}),
   * an array's {@code x[]} as {@code _x}. A dialect that can ask its database which type a spelling names
   * (PostgreSQL: {@code smallint[]} is {@code _int2}) does so.
   */
  default boolean sameType(Connection c, String table, String column, String sqlType, String liveTypeName)
      throws SQLException {
    return typeName(sqlType).equals(typeName(liveTypeName));
  }

  /** A type's name as {@link #sameType} compares it by default: {@code "public"."Year"(4)[]} is {@code _year}. */
  private static String typeName(String spelled) {
    String t = spelled == null ? "" : spelled.toLowerCase(java.util.Locale.ROOT).replace("\"", "");
    boolean array = t.trim().endsWith("[]");
    t = t.replace("[]", "").replaceAll("\\([^)]*\\)", " ").trim().replaceAll("\\s+", " ");
    int dot = t.lastIndexOf('.');
    t = dot >= 0 ? t.substring(dot + 1) : t;
    return array ? "_" + t : t;
  }

  /**
   * How {@code statement}, one of a migration's, would strip {@code kept} from the live table (a
   * MariaDB MODIFY COLUMN restating the column without its comment), or null when it keeps it.
   *
   * @param column the column {@code kept} belongs to, or null
   */
  default String strips(LiveAttribute kept, String column, String statement) {
    return null;
  }

  /**
   * The query listing unique constraints ({@code table.name}) that JDBC reports as unique indexes,
   * which a model keeps as indexes but the database drops only as constraints; null where there are none.
   */
  default String uniqueConstraintsQuery() {
    return null;
  }

  /**
   * Whether {@code index} (lower case) is one the database made for a foreign key named as in
   * {@code foreignKeys} (lower case) under a name of its own choosing, beyond the key's own name.
   */
  default boolean madeForForeignKey(String index, java.util.Set<String> foreignKeys) {
    return false;
  }

  /**
   * The named table checks that this database keeps in a table's definition text rather than in a catalog table
   * (SQLite: {@code CONSTRAINT name CHECK (…)} in its {@code CREATE TABLE}): table to (name, unquoted, to the
   * expression as written), read by {@code catalog.LiveChecks}.
   */
  default Map<String, Map<String, String>> namedChecks(Connection c) throws SQLException {
    return Map.of();
  }

  /** Whether the catalog reports a foreign key's default action, NO ACTION, as RESTRICT. */
  default boolean reportsNoActionAsRestrict() {
    return false;
  }

  /** Whether a change to a table rebuilds it from the model, so that an index the model lacks is not recreated. */
  default boolean rebuildsTables() {
    return false;
  }
}
