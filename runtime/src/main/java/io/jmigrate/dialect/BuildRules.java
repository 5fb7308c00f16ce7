package io.jmigrate.dialect;

import io.jmigrate.schema.ColumnType;

/**
 * What a dialect's database cannot hold, which the build checks for every target dialect
 * ({@code -Ajmigrate.dialects}) so that a model one of them refuses is a javac error, not a failure
 * at deploy ({@link Dialect#buildRules()}). Each default is "no such limit".
 */
public interface BuildRules {
  /** A database with none of these limits. */
  BuildRules NONE = new BuildRules() {};

  /** How a limit's message names the database(s) the rules are for ({@code MariaDB and MySQL}). */
  default String databases() {
    return null;
  }

  /** Whether two table or column names that differ only in case are one name there (SQLite, MariaDB). */
  default boolean namesIgnoreCase() {
    return false;
  }

  /**
   * Whether an unquoted name keeps its capitals there (MariaDB's table names on Linux) where other
   * databases fold it, so that a name Hibernate writes unquoted with capitals serves no two alike.
   */
  default boolean keepsUnquotedCapitals() {
    return false;
  }

  /** Whether a generated column may be VIRTUAL there, computed when read (PostgreSQL's are stored only). */
  default boolean hasVirtualGeneratedColumns() {
    return true;
  }

  /** Whether array columns exist there (SQLite has none). */
  default boolean hasArrays() {
    return true;
  }

  /**
   * Whether named enum types ({@code CREATE TYPE … AS ENUM}) exist there: PostgreSQL's, so a dialect says
   * so when it has them (unlike the limits here, the default is none).
   */
  default boolean hasEnumTypes() {
    return false;
  }

  /** The longest fixed-length CHAR, in characters; 0 for no limit. */
  default int maxFixedLength() {
    return 0;
  }

  /** The longest VARCHAR, in characters; 0 for no limit. */
  default int maxVarcharLength() {
    return 0;
  }

  /** Whether an unbounded text column's default keeps only characters of the Basic Multilingual Plane. */
  default boolean textDefaultsInBmpOnly() {
    return false;
  }

  /** The widest key or index, in bytes, all its columns together; 0 for no limit checked. */
  default int maxKeyBytes() {
    return 0;
  }

  /** The longest string a key or index may hold, in characters; 0 for no limit. */
  default int maxKeyedLength() {
    return 0;
  }

  /** The bytes a column of this shape takes in a key, for {@link #maxKeyBytes}. */
  default int keyBytes(ColumnType type, int length, int precision, int scale) {
    return 0;
  }

  /** Whether large values (LOBs, JSON, arrays, byte arrays) may be keyed or indexed as they are. */
  default boolean keysLargeValues() {
    return true;
  }

  /** Whether a column may have a collation of its own there ({@code @Column(collation)}); H2 has only the database's. */
  default boolean hasColumnCollations() {
    return true;
  }

  /**
   * The only collation names a column may have there, upper case, where the database has a fixed few built in
   * (SQLite's {@code BINARY}, {@code NOCASE}, {@code RTRIM}); null where its names are not checked at build time.
   */
  default java.util.Set<String> columnCollations() {
    return null;
  }
}
