package io.jmigrate.processor.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The widening table, pair by pair (the README's "Widening and narrowing" section says the same). */
class WideningTest {
  /** Rows: from; columns: to, in {@link ColumnType} order; unbounded DECIMAL and STRING; ENUM of one type. Y = widens. */
  static final String[] MATRIX = {
      //         I B S b D R d s D T t z U X C L H J A N G E T N
      "INTEGER      Y Y . . Y . Y Y . . . . . . . . . . . . . . Y .",
      "BIGINT       . Y . . . . Y Y . . . . . . . . . . . . . . Y .",
      "SMALLINT     Y Y Y . Y Y Y Y . . . . . . . . . . . . . . Y .",
      "BOOLEAN      . . . Y . . . Y . . . . . . . . . . . . . . Y .",
      "DOUBLE       . . . . Y . Y Y . . . . . . . . . . . . . . Y .",
      "REAL         . . . . Y Y Y Y . . . . . . . . . . . . . . Y .",
      "DECIMAL      . . . . . . Y Y . . . . . . . . . . . . . . Y .",
      "STRING       . . . . . . . Y . . . . . . . . . . . . . . Y .",
      "DATE         . . . . . . . Y Y . . . . . . . . . . . . . Y .",
      "TIME         . . . . . . . Y . Y . . . . . . . . . . . . Y .",
      "TIMESTAMP    . . . . . . . Y . . Y . . . . . . . . . . . Y .",
      "TIMESTAMP_TZ . . . . . . . Y . . . Y . . . . . . . . . . Y .",
      "UUID         . . . . . . . Y . . . . Y . . . . . . . . . Y .",
      "BINARY       . . . . . . . . . . . . . Y . . . . . . . . . .",
      "CLOB         . . . . . . . . . . . . . . Y . . . . . . . . .",
      "BLOB         . . . . . . . . . . . . . . . Y . . . . . . . .",
      "CHAR         . . . . . . . Y . . . . . . . . Y . . . . . Y .",
      "JSON         . . . . . . . Y . . . . . . . . . Y . . . . Y .",
      "STRING_ARRAY . . . . . . . . . . . . . . . . . . Y . . . . .",
      "INTEGER_ARRAY . . . . . . . . . . . . . . . . . . Y Y Y . . .",
      "BIGINT_ARRAY . . . . . . . . . . . . . . . . . . Y . Y . . .",
      "ENUM         . . . . . . . Y . . . . . . . . . . . . . Y . .",
      "LONG_TEXT    . . . . . . . Y . . . . . . . . . . . . . . Y .",
      "NATIVE       . . . . . . . . . . . . . . . . . . . . . . . Y",

  };

  static Stream<Arguments> everyPairOfTypes() {
    List<Arguments> out = new ArrayList<>();
    for (String row : MATRIX) {
      String[] cells = row.trim().split("\\s+");
      ColumnType from = ColumnType.valueOf(cells[0]);
      for (ColumnType to : ColumnType.values()) {
        out.add(Arguments.of(from, to, cells[1 + to.ordinal()].equals("Y")));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("everyPairOfTypes")
  void everyPairOfTypes(ColumnType from, ColumnType to, boolean widens) {
    assertEquals(ColumnType.values().length, MATRIX.length);
    assertEquals(widens, Widening.widens(ColumnDefinition.of("c", from), ColumnDefinition.of("c", to)));
  }

  /** A type jmigrate does not model ({@code @Column(sqlType)}) keeps its values only as the same type. */
  @org.junit.jupiter.api.Test
  void aTypeAsWrittenWidensIntoItselfOnly() {
    ColumnDefinition tsvector = ColumnDefinition.of("c", ColumnType.STRING).sqlType("tsvector");
    assertEquals(true, Widening.widens(tsvector, ColumnDefinition.of("c", ColumnType.NATIVE).sqlType("tsvector")));
    assertEquals(false, Widening.widens(tsvector, ColumnDefinition.of("c", ColumnType.NATIVE).sqlType("text")));
    assertEquals(false, Widening.widens(tsvector, ColumnDefinition.of("c", ColumnType.STRING)));
    assertEquals(false, Widening.widens(ColumnDefinition.of("c", ColumnType.INTEGER), ColumnDefinition.of("c", ColumnType.NATIVE)
        .sqlType("year")));
  }

  /** A PostgreSQL label is at most 63 bytes; into an enum type only from the same type (no text is sure to be a label). */
  @org.junit.jupiter.api.Test
  void anEnumTypeWidensIntoItselfAndLongEnoughText() {
    ColumnDefinition mood = ColumnDefinition.of("c", ColumnType.ENUM).enumType("mood");
    assertEquals(true, Widening.widens(mood, ColumnDefinition.of("c", ColumnType.ENUM).enumType("mood")));
    assertEquals(false, Widening.widens(mood, ColumnDefinition.of("c", ColumnType.ENUM).enumType("feeling")));
    assertEquals(true, Widening.widens(mood, ColumnDefinition.of("c", ColumnType.STRING).length(63)));
    assertEquals(false, Widening.widens(mood, ColumnDefinition.of("c", ColumnType.STRING).length(20)));
    assertEquals(false, Widening.widens(ColumnDefinition.of("c", ColumnType.STRING).length(5), mood));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
      "CLOB(255), CLOB(1000), true",
      "LONG_TEXT(255), LONG_TEXT, true",
      "LONG_TEXT, LONG_TEXT(255), false", // MariaDB's LONGTEXT to TINYTEXT cuts values
      "STRING(255), LONG_TEXT(255), true",
      "STRING(1000), LONG_TEXT(255), false",
      "STRING, LONG_TEXT(100000), false",
      "LONG_TEXT(255), STRING(255), true",
      "LONG_TEXT, STRING(10000), false",
      "CLOB(1000), CLOB(255), false", // MariaDB's TEXT to TINYTEXT cuts values
      "CLOB(1000), CLOB, true",
      "BLOB, BLOB(100000), false",
      "DECIMAL(10|2), DECIMAL(12|2), true",
      "DECIMAL(10|2), DECIMAL(11|3), true",
      "DECIMAL(10|2), DECIMAL(10|3), false", // one integer digit fewer
      "DECIMAL(10|2), DECIMAL(12|1), false", // one fraction digit fewer
      "DECIMAL(10|2), DECIMAL(9|2), false",
      "DECIMAL(10|2), DECIMAL, true",
      "DECIMAL, DECIMAL(38|10), false",
      "INTEGER, DECIMAL(10|0), true",
      "INTEGER, DECIMAL(9|0), false",
      "INTEGER, DECIMAL(12|2), true",
      "INTEGER, DECIMAL(11|2), false",
      "SMALLINT, DECIMAL(5|0), true",
      "SMALLINT, DECIMAL(4|0), false",
      "BIGINT, DECIMAL(19|0), true",
      "BIGINT, DECIMAL(18|0), false",
      "DOUBLE, DECIMAL(38|10), false",
      "REAL, DECIMAL(38|20), false",
      "DECIMAL(9|0), INTEGER, true",
      "DECIMAL(10|0), INTEGER, false",
      "DECIMAL(9|1), INTEGER, false",
      "DECIMAL(4|0), SMALLINT, true",
      "DECIMAL(5|0), SMALLINT, false",
      "DECIMAL(18|0), BIGINT, true",
      "DECIMAL(19|0), BIGINT, false",
      "DECIMAL(15|0), DOUBLE, true",
      "DECIMAL(16|0), DOUBLE, false",
      "DECIMAL(3|1), DOUBLE, false", // 0.1 has no exact binary form
      "DECIMAL(7|0), REAL, true",
      "DECIMAL(8|0), REAL, false",
      "STRING(20), STRING(20), true",
      "STRING(20), STRING(30), true",
      "STRING(20), STRING(19), false",
      "STRING(20), STRING, true",
      "STRING, STRING(4000), false",
      "BOOLEAN, STRING(5), true",
      "BOOLEAN, STRING(4), false",
      "SMALLINT, STRING(6), true",
      "SMALLINT, STRING(5), false",
      "INTEGER, STRING(11), true",
      "INTEGER, STRING(10), false",
      "BIGINT, STRING(20), true",
      "BIGINT, STRING(19), false",
      "REAL, STRING(15), true",
      "REAL, STRING(14), false",
      "DOUBLE, STRING(24), true",
      "DOUBLE, STRING(23), false",
      "DECIMAL(10|2), STRING(12), true", // -99999999.99
      "DECIMAL(10|2), STRING(11), false",
      "DECIMAL(3|3), STRING(6), true", // -0.999
      "DECIMAL(3|3), STRING(5), false",
      "DECIMAL(5|0), STRING(6), true", // -99999
      "DECIMAL, STRING(1000), false",
      "UUID, STRING(36), true",
      "UUID, STRING(35), false",
      "DATE, STRING(100), false",
      "TIMESTAMP_TZ, STRING, true",
      "BINARY, STRING, false",
      "STRING, CLOB, false", // PostgreSQL's text to an oid is not the same value
      "CLOB, STRING, false",
      "BINARY, BLOB, false",
      "CHAR(3), CHAR(3), true",
      "CHAR(3), CHAR(5), true",
      "CHAR(3), CHAR(2), false",
      "CHAR(3), STRING(3), true", // PostgreSQL's cast drops the padding, which CHAR does not count
      "CHAR(3), STRING(2), false",
      "STRING(3), CHAR(3), false", // 'ab' would read back as 'ab ' (padded)
      "STRING, JSON, false", // not every text is a JSON document
      "JSON, STRING(4000), false",
      "UUID, CHAR(36), false",
      "STRING_ARRAY(20), STRING_ARRAY(40), true", // as their elements
      "STRING_ARRAY(20), STRING_ARRAY(10), false",
      "STRING_ARRAY, STRING_ARRAY(255), false",
      "BIGINT_ARRAY, INTEGER_ARRAY, false",
      "INTEGER_ARRAY, STRING_ARRAY(11), true", // element by element, as INTEGER into STRING
      "INTEGER_ARRAY, STRING_ARRAY(10), false",
      "STRING_ARRAY, STRING, false", // an array's text form differs per database (PostgreSQL's {a,b}, MariaDB's JSON)
      "STRING, STRING_ARRAY, false",
  })
  void lengthsPrecisionsAndScales(String from, String to, boolean widens) {
    assertEquals(widens, Widening.widens(column(from), column(to)));
  }

  /** {@code DECIMAL(10|2)}, {@code STRING(20)}, {@code INTEGER} (| for the comma, which CSV takes). */
  static ColumnDefinition column(String spec) {
    int open = spec.indexOf('(');
    if (open < 0) {
      return ColumnDefinition.of("c", ColumnType.valueOf(spec));
    }
    ColumnType type = ColumnType.valueOf(spec.substring(0, open));
    String[] args = spec.substring(open + 1, spec.length() - 1).split("\\|");
    ColumnDefinition c = ColumnDefinition.of("c", type);
    return args.length == 1 ? c.length(Integer.parseInt(args[0]))
        : c.precision(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
  }

  // ---- numbers, checked against their extreme values ----

  /** Numeric shapes: the integer and float types, and decimals of representative precision and scale. */
  static List<ColumnDefinition> numericShapes() {
    java.util.Set<ColumnDefinition> out = new java.util.LinkedHashSet<>();
    for (ColumnType t : List.of(ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.REAL, ColumnType.DOUBLE)) {
      out.add(ColumnDefinition.of("c", t));
    }
    out.add(ColumnDefinition.of("c", ColumnType.DECIMAL));
    for (int p : new int[] {1, 4, 5, 7, 8, 9, 10, 12, 15, 16, 18, 19, 20, 38}) {
      for (int s : new int[] {0, 1, 2, p}) {
        if (s <= p) {
          out.add(ColumnDefinition.of("c", ColumnType.DECIMAL).precision(p, s));
        }
      }
    }
    return List.copyOf(out);
  }

  static Stream<Arguments> numericPairs() {
    List<Arguments> out = new ArrayList<>();
    for (ColumnDefinition from : numericShapes()) {
      for (ColumnDefinition to : numericShapes()) {
        out.add(Arguments.of(Widening.describe(from), Widening.describe(to), from, to));
      }
    }
    return out.stream();
  }

  /**
   * An independent oracle: the values of a numeric shape that are hardest to hold (its largest
   * magnitudes, finest fractions and finest binary values) must all fit exactly when, and only
   * when, the table says the change widens.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("numericPairs")
  void numbersAgreeWithTheirExtremeValues(String fromName, String toName, ColumnDefinition from, ColumnDefinition to) {
    boolean allFit = extremes(from).stream().allMatch(v -> holds(to, v));
    assertEquals(allFit, Widening.widens(from, to), "extremes of " + fromName + ": " + extremes(from));
  }

  static List<BigDecimal> extremes(ColumnDefinition c) {
    switch (c.type()) {
      case SMALLINT:
        return List.of(BigDecimal.valueOf(Short.MIN_VALUE), BigDecimal.valueOf(Short.MAX_VALUE));
      case INTEGER:
        return List.of(BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE));
      case BIGINT:
        return List.of(BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE));
      case REAL:
        return List.of(new BigDecimal(Float.MAX_VALUE), new BigDecimal(Float.MIN_VALUE), new BigDecimal(0.1f),
            new BigDecimal(16777217f - 2));
      case DOUBLE:
        return List.of(new BigDecimal(Double.MAX_VALUE), new BigDecimal(Double.MIN_VALUE), new BigDecimal(0.1),
            new BigDecimal((double) (1L << 53) - 1));
      default:
        if (c.precision() == 0) {
          return List.of(BigDecimal.TEN.pow(1000), BigDecimal.ONE.movePointLeft(1000), new BigDecimal("0.1"));
        }
        BigDecimal max = new BigDecimal(BigInteger.TEN.pow(c.precision()).subtract(BigInteger.ONE), c.scale());
        return List.of(max, max.negate(), BigDecimal.ONE.movePointLeft(c.scale()));
    }
  }

  /** Whether a column of shape {@code c} holds {@code v} exactly. */
  static boolean holds(ColumnDefinition c, BigDecimal v) {
    BigDecimal x = v.stripTrailingZeros();
    switch (c.type()) {
      case SMALLINT:
        return isIntegral(x) && x.abs().compareTo(BigDecimal.valueOf(32768)) <= 0
            && x.compareTo(BigDecimal.valueOf(Short.MAX_VALUE)) <= 0;
      case INTEGER:
        return isIntegral(x) && x.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
            && x.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
      case BIGINT:
        return isIntegral(x) && x.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
            && x.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
      case REAL:
        return x.abs().compareTo(new BigDecimal(Float.MAX_VALUE)) <= 0 && new BigDecimal(x.floatValue()).compareTo(x) == 0;
      case DOUBLE:
        return x.abs().compareTo(new BigDecimal(Double.MAX_VALUE)) <= 0 && new BigDecimal(x.doubleValue()).compareTo(x) == 0;
      default:
        if (c.precision() == 0) {
          return true;
        }
        int scale = Math.max(x.scale(), 0);
        int integerDigits = Math.max(x.precision() - x.scale(), 0);
        return scale <= c.scale() && integerDigits <= c.precision() - c.scale();
    }
  }

  static boolean isIntegral(BigDecimal x) {
    return x.scale() <= 0;
  }
}
