package io.jmigrate.catalog;

import io.jmigrate.schema.ColumnType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a column's type beyond its {@link ColumnType}: the length of text, the precision and
 * scale of a decimal. One reading for what the catalog reports (JDBC's {@code COLUMN_SIZE} and
 * {@code DECIMAL_DIGITS}, or SQLite's declared type text) and for the SQL type a dialect writes, so
 * that {@code inspect} models what {@code validate} later compares, and {@code validate} compares like
 * with like: unbounded text ({@code text}, {@code VARCHAR} without a length, a TEXT type) is length
 * 0, an unconstrained decimal ({@code numeric}, {@code DECFLOAT}) precision 0.
 */
public record TypeShape(int length, int precision, int scale) {
  /** PostgreSQL's largest VARCHAR; larger "lengths" are the drivers' way of saying unbounded. */
  public static final int MAX_VARCHAR = 10_485_760;

  private static final TypeShape NONE = new TypeShape(0, 0, 0);

  /** A type as written: {@code VARCHAR(40)}, {@code NUMERIC(10,2)}, {@code TEXT}, {@code DOUBLE PRECISION}. */
  public static final Pattern WRITTEN = Pattern.compile("([A-Za-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

  /** The shape of a live column of {@code type} whose catalog says {@code typeName}, {@code size}, {@code digits}. */
  public static TypeShape live(ColumnType type, String typeName, int size, int digits) {
    if (type == ColumnType.STRING) {
      return new TypeShape(textual(typeName) || size <= 0 || size > MAX_VARCHAR ? 0 : size, 0, 0);
    }
    if (type == ColumnType.DECIMAL && size > 0 && size < 1000 && !"DECFLOAT".equalsIgnoreCase(typeName)) {
      return new TypeShape(0, size, Math.max(digits, 0));
    }
    return NONE;
  }

  /** The shape of a type as written ({@code VARCHAR(40)}; SQLite's declared types); none when it does not parse. */
  public static TypeShape written(ColumnType type, String sql) {
    Matcher m = WRITTEN.matcher(sql == null ? "" : sql.trim());
    if (!m.matches()) {
      return NONE;
    }
    int size = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    int digits = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return live(type, m.group(1).trim(), size, digits);
  }

  /** Whether length, precision and scale mean anything for a column of this type (text and decimals). */
  public static boolean shaped(ColumnType type) {
    return type == ColumnType.STRING || type == ColumnType.DECIMAL;
  }

  /** TEXT, CLOB, CHARACTER LARGE OBJECT: unbounded whatever size the driver reports. */
  public static boolean textual(String typeName) {
    String t = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    return t.contains("TEXT") || t.contains("CLOB") || t.contains("LARGE OBJECT");
  }

  @Override
  public String toString() {
    return length > 0 ? "(" + length + ")" : precision > 0 ? "(" + precision + "," + scale + ")" : "";
  }
}
