package io.jmigrate.processor.diff;

import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;

/**
 * Whether a change of a column's type keeps every value exactly: a widening needs no
 * confirmation, anything else needs {@code @Narrow}. Only the type and its length, precision and
 * scale count (nullability and defaults are judged elsewhere). The same table is in the README
 * ("Widening and narrowing"); keep the two together.
 *
 * <p>The values of a type are those its Java type can hold (a {@code BigDecimal} has no NaN).
 * Exact means the new column holds the same value: the same number (not one rounded to the
 * nearest float), or, for text, the database's text form of the value, in full.
 */
public final class Widening {
  private Widening() {}

  /** Decimal digits of the largest magnitude of each integer type (32768, 2147483648, 9223372036854775808). */
  private static int digits(ColumnType integer) {
    switch (integer) {
      case SMALLINT:
        return 5;
      case INTEGER:
        return 10;
      default:
        return 19;
    }
  }

  /** Bits of magnitude: an integer type fits a binary float whose significand has at least as many. */
  private static int bits(ColumnType t) {
    switch (t) {
      case SMALLINT:
        return 15;
      case INTEGER:
        return 31;
      case BIGINT:
        return 63;
      case REAL:
        return 24;
      default:
        return 53; // DOUBLE
    }
  }

  /** The largest p such that every DECIMAL(p,0) fits the integer type: 10^p - 1 within its range. */
  private static int decimalDigitsThatFit(ColumnType t) {
    switch (t) {
      case SMALLINT:
        return 4; // 9999 <= 32767
      case INTEGER:
        return 9; // 999999999 <= 2147483647
      case BIGINT:
        return 18;
      case REAL:
        return 7; // 9999999 < 2^24
      default:
        return 15; // DOUBLE: 10^15 - 1 < 2^53
    }
  }

  private static boolean isFloat(ColumnType t) {
    return t == ColumnType.REAL || t == ColumnType.DOUBLE;
  }

  /** Whether a column defined as {@code to} holds every value of one defined as {@code from}, exactly. */
  public static boolean widens(ColumnDefinition from, ColumnDefinition to) {
    ColumnType a = from.type();
    ColumnType b = to.type();
    if (a == ColumnType.NATIVE || b == ColumnType.NATIVE) {
      // A type jmigrate does not model holds what the database says: only the same type keeps the values.
      return a == b && java.util.Objects.equals(from.sqlType(), to.sqlType());
    }
    if (a == ColumnType.ENUM || b == ColumnType.ENUM) {
      // A label is at most 63 bytes (PostgreSQL's NAMEDATALEN); into an enum type only from the same type.
      return a == b ? java.util.Objects.equals(from.enumType(), to.enumType())
          : b == ColumnType.STRING && (to.length() == 0 || to.length() >= 63);
    }
    if (b == ColumnType.STRING) {
      if (a == ColumnType.STRING) {
        return to.length() == 0 || (from.length() > 0 && to.length() >= from.length());
      }
      int needed = textLength(from);
      return needed >= 0 && (to.length() == 0 || (needed > 0 && to.length() >= needed));
    }
    if (b == ColumnType.LONG_TEXT) {
      // Long text is unbounded but where its length chooses MariaDB's TINYTEXT … LONGTEXT, as a CLOB's does.
      int needed = a == ColumnType.LONG_TEXT || a == ColumnType.STRING ? from.length() : textLength(from);
      return needed >= 0 && (to.length() == 0 || (needed > 0 && to.length() >= needed));
    }
    if (b == ColumnType.CHAR) {
      // Into fixed-length text only from a shorter or equal CHAR: any other value would read back padded.
      return a == ColumnType.CHAR && Math.max(to.length(), 1) >= Math.max(from.length(), 1);
    }
    if (a.element() != null || b.element() != null) {
      // Arrays widen as their elements do, into arrays only (PostgreSQL casts element by element).
      return a.element() != null && b.element() != null
          && widens(from.type(a.element()), to.type(b.element()));
    }
    if (a == b && (a == ColumnType.CLOB || a == ColumnType.BLOB)) {
      // The length chooses MariaDB's TINYTEXT … LONGTEXT: a smaller one may cut values there.
      return to.length() == 0 || (from.length() > 0 && to.length() >= from.length());
    }
    if (a == b && a != ColumnType.DECIMAL) {
      return true;
    }
    if (b == ColumnType.DECIMAL) {
      boolean unbounded = to.precision() == 0;
      if (a == ColumnType.DECIMAL) {
        return unbounded || (from.precision() > 0 && to.scale() >= from.scale()
            && to.precision() - to.scale() >= from.precision() - from.scale());
      }
      if (a.isInteger()) {
        return unbounded || to.precision() - to.scale() >= digits(a);
      }
      // Every finite binary float has an exact (finite) decimal expansion, but no bounded scale holds them all.
      return isFloat(a) && unbounded;
    }
    if (b.isInteger() || isFloat(b)) {
      if (a.isInteger()) {
        return bits(a) <= bits(b);
      }
      if (a == ColumnType.REAL) {
        return b == ColumnType.DOUBLE;
      }
      if (a == ColumnType.DECIMAL) {
        return from.precision() > 0 && from.scale() == 0 && from.precision() <= decimalDigitsThatFit(b);
      }
    }
    return false; // a change of kind (boolean, number, date, time, UUID, bytes) keeps no value as it was
  }

  /**
   * The length of the longest text form of a value of {@code c}'s type (PostgreSQL's cast to
   * text; SQLite does not enforce lengths), 0 when unbounded, -1 when no text column holds the
   * values exactly on every database.
   */
  static int textLength(ColumnDefinition c) {
    switch (c.type()) {
      case BOOLEAN:
        return 5; // "false" (SQLite stores 0 and 1)
      case SMALLINT:
        return 6; // "-32768"
      case INTEGER:
        return 11; // "-2147483648"
      case BIGINT:
        return 20; // "-9223372036854775808"
      case REAL:
        return 15; // shortest exact form, 9 digits: "-1.17549435e-38"
      case DOUBLE:
        return 24; // shortest exact form, 17 digits: "-2.2250738585072014e-308"
      case DECIMAL:
        if (c.precision() == 0) {
          return 0;
        }
        // sign, the integer digits (at least "0"), and the point and every digit of the scale
        return 1 + Math.max(c.precision() - c.scale(), 1) + (c.scale() > 0 ? 1 + c.scale() : 0);
      case UUID:
        return 36;
      case STRING:
      case LONG_TEXT:
        return c.length();
      case CHAR:
        return Math.max(c.length(), 1); // PostgreSQL's cast drops the padding, which CHAR does not count
      case JSON:
        return 0; // a document of any length
      case DATE:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMP_TZ:
        return 0; // the form follows the session's DateStyle and TimeZone: only unbounded text is safe
      default:
        return -1; // BINARY: PostgreSQL writes hex, SQLite keeps the bytes, so no text is the same value
    }
  }

  /** The type as the user wrote it, e.g. {@code STRING(20)} or {@code DECIMAL(10,2)}. */
  public static String describe(ColumnDefinition c) {
    String s = c.toString();
    return s.substring(c.name().length() + 1).replace(" NULL", "").replace(" NOT", "");
  }
}
