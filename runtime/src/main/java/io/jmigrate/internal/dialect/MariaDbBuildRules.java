package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.BuildRules;
import io.jmigrate.schema.ColumnType;

/**
 * MariaDB and MySQL (InnoDB, utf8mb4 at 4 bytes a character, DYNAMIC rows): column names without
 * case, unquoted table names with their capitals (Linux), CHAR up to 255, VARCHAR within the
 * 65535-byte row, a TEXT default in 3-byte UTF-8, keys up to 3072 bytes (768 characters), no LOB,
 * JSON or byte array in a key without a prefix length. Widths measured on 10.11.
 */
final class MariaDbBuildRules implements BuildRules {
  @Override
  public String databases() {
    return "MariaDB and MySQL";
  }

  @Override
  public boolean namesIgnoreCase() {
    return true;
  }

  @Override
  public boolean keepsUnquotedCapitals() {
    return true;
  }

  @Override
  public int maxFixedLength() {
    return 255;
  }

  @Override
  public int maxVarcharLength() {
    return 16383;
  }

  @Override
  public boolean textDefaultsInBmpOnly() {
    return true;
  }

  @Override
  public int maxKeyBytes() {
    return 3072;
  }

  @Override
  public int maxKeyedLength() {
    return 768;
  }

  @Override
  public boolean keysLargeValues() {
    return false;
  }

  /** As MariaDB counts them for the 3072-byte limit, with the types {@link MariaDbDialect} gives. */
  @Override
  public int keyBytes(ColumnType type, int length, int precision, int scale) {
    return switch (type) {
      case STRING -> 4 * (length > 0 ? length : 255); // unbounded: VARCHAR(255) when keyed
      case UUID -> 4 * 36; // CHAR(36)
      case BOOLEAN -> 1;
      case SMALLINT -> 2;
      case DATE -> 3;
      case INTEGER, REAL -> 4;
      case TIME -> 6; // TIME(6)
      case TIMESTAMP_TZ -> 7; // TIMESTAMP(6)
      case BIGINT, DOUBLE, TIMESTAMP -> 8; // DATETIME(6)
      case DECIMAL -> precision > 0 ? decimalBytes(precision - scale) + decimalBytes(scale)
          : decimalBytes(35) + decimalBytes(30); // DECIMAL(65,30)
      case CHAR -> 4 * Math.max(length, 1); // VARCHAR(n) on MariaDB, as Hibernate makes it
      case BINARY, CLOB, LONG_TEXT, BLOB, JSON, STRING_ARRAY, INTEGER_ARRAY, BIGINT_ARRAY, ENUM -> 0; // refused as key columns (ENUM: refused on MariaDB)
      case NATIVE -> 0; // its width is the database's to know: MariaDB itself refuses a key that is too long
    };
  }

  /** MariaDB's packed DECIMAL: 4 bytes per 9 digits, and 0–4 for the rest. */
  private static int decimalBytes(int digits) {
    int[] rest = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
    return digits / 9 * 4 + rest[digits % 9];
  }
}
