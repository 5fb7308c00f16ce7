package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.Postgres;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's types table, claim by claim: one model with a field of every supported Java
 * type, compiled by the real javac with the processor, migrated onto a real SQLite file and a
 * real PostgreSQL; each column has the documented SQL type and nullability, a row of values
 * written through plain JDBC reads back equal, and validate reports no drift.
 */
class TypesClaimsTest {
  static final String MODEL = """
      package com.acme.model;

      import io.jmigrate.*;
      import java.math.BigDecimal;
import java.math.MathContext;
      import java.time.*;
      import java.util.UUID;

      @Table
      public class Everything {
        @Id UUID id;
        byte[] data;
        Instant happenedAt;
        OffsetDateTime scheduledAt;
        LocalTime opensAt;
        LocalDateTime createdAt;
        LocalDate born;
        short rank;
        Short level;
        float ratio;
        Float factor;
        int count;
        Integer qty;
        long big;
        Long total;
        double score;
        Double weight;
        boolean active;
        Boolean flag;
        Status status;
        @Column(precision = 10, scale = 2) BigDecimal price;
        BigDecimal amount;
        @Column(precision = 20, scale = 2) BigDecimal balance;
        @Column(length = 20) String code;
        String note;
      }
      """;
  static final String STATUS = "package com.acme.model;\npublic enum Status { DRAFT, PUBLISHED }\n";

  /** Column → the type and NOT NULL the README's table promises on SQLite. */
  static final Map<String, String> SQLITE_TYPES = new TreeMap<>(Map.ofEntries(
      Map.entry("id", "UUID notnull"), Map.entry("data", "BLOB"), Map.entry("happened_at", "TIMESTAMPTZ"),
      Map.entry("scheduled_at", "TIMESTAMPTZ"), Map.entry("opens_at", "TIME"), Map.entry("created_at", "TIMESTAMP"),
      Map.entry("born", "DATE"), Map.entry("rank", "SMALLINT notnull"), Map.entry("level", "SMALLINT"),
      Map.entry("ratio", "REAL notnull"), Map.entry("factor", "REAL"), Map.entry("count", "INTEGER notnull"),
      Map.entry("qty", "INTEGER"), Map.entry("big", "BIGINT notnull"), Map.entry("total", "BIGINT"),
      Map.entry("score", "DOUBLE notnull"), Map.entry("weight", "DOUBLE"), Map.entry("active", "BOOLEAN notnull"),
      Map.entry("flag", "BOOLEAN"), Map.entry("status", "TEXT"), Map.entry("price", "DECIMAL(10,2)"),
      Map.entry("amount", "NUMERIC"), Map.entry("balance", "DECIMAL(20,2)"), Map.entry("code", "VARCHAR(20)"),
      Map.entry("note", "TEXT")));

  /** The same on PostgreSQL, as information_schema spells it. */
  static final Map<String, String> POSTGRES_TYPES = new TreeMap<>(Map.ofEntries(
      Map.entry("id", "uuid notnull"), Map.entry("data", "bytea"), Map.entry("happened_at", "timestamp with time zone"),
      Map.entry("scheduled_at", "timestamp with time zone"), Map.entry("opens_at", "time without time zone"),
      Map.entry("created_at", "timestamp without time zone"), Map.entry("born", "date"),
      Map.entry("rank", "smallint notnull"), Map.entry("level", "smallint"), Map.entry("ratio", "real notnull"),
      Map.entry("factor", "real"), Map.entry("count", "integer notnull"), Map.entry("qty", "integer"),
      Map.entry("big", "bigint notnull"), Map.entry("total", "bigint"), Map.entry("score", "double precision notnull"),
      Map.entry("weight", "double precision"), Map.entry("active", "boolean notnull"), Map.entry("flag", "boolean"),
      Map.entry("status", "text"), Map.entry("price", "numeric(10,2)"), Map.entry("amount", "numeric"),
      Map.entry("balance", "numeric(20,2)"),
      Map.entry("code", "character varying(20)"), Map.entry("note", "text")));

  // One row of values, chosen at the edges of each type.
  static final UUID ID = UUID.fromString("123e4567-e89b-42d3-a456-426614174000");
  static final byte[] DATA = {0, 1, (byte) 0xFF, (byte) 0x80, 0x7F, '\'', '\\', 0};
  static final Instant HAPPENED = Instant.parse("2024-03-01T04:45:30.123456Z");
  static final OffsetDateTime SCHEDULED = OffsetDateTime.parse("2024-03-01T10:15:30.654321+05:30");
  static final LocalTime OPENS = LocalTime.parse("23:59:58.5");
  static final LocalDateTime CREATED = LocalDateTime.parse("2024-10-27T02:30:00.000001"); // inside a DST change in Europe
  static final LocalDate BORN = LocalDate.parse("1969-12-31");
  static final BigDecimal PRICE = new BigDecimal("12345678.91");
  static final String CODE = "héllo wörld ✓ 20 chr"; // 20 characters, not all ASCII
  static final String NOTE = "x".repeat(10_000) + " '\" end";

  @TempDir static Path dir;
  static Project.Result build;

  @BeforeAll
  static void compile() throws Exception {
    Project p = new Project(dir.resolve("project"))
        .write("com/acme/model/Everything.java", MODEL)
        .write("com/acme/model/Status.java", STATUS);
    build = p.build().assertOk();
  }

  @Test
  void sqliteCreatesWritesReadsBackAndValidatesEveryType() throws Exception {
    Migrator m = build.migrator();
    try (Connection c = Db.sqlite(dir.resolve("types.db"))) {
      assertEquals(1, m.migrate(c).size());
      TreeMap<String, String> types = new TreeMap<>();
      for (List<Object> r : Db.rows(c, "SELECT name, type, \"notnull\" FROM pragma_table_info('everything')")) {
        types.put((String) r.get(0), r.get(1) + (((Number) r.get(2)).intValue() == 1 ? " notnull" : ""));
      }
      assertEquals(SQLITE_TYPES, types);
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());

      // SQLite has no date, time or UUID values: an application binds their ISO text.
      try (PreparedStatement ps = c.prepareStatement(insert())) {
        int i = 0;
        ps.setString(++i, ID.toString());
        ps.setBytes(++i, DATA);
        ps.setString(++i, HAPPENED.toString());
        ps.setString(++i, SCHEDULED.toString());
        ps.setString(++i, OPENS.toString());
        ps.setString(++i, CREATED.toString());
        ps.setString(++i, BORN.toString());
        bindNumbersAndText(ps, i);
        ps.executeUpdate();
      }
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM everything")) {
        assertTrue(rs.next());
        assertEquals(ID, UUID.fromString(rs.getString("id")));
        assertArrayEquals(DATA, rs.getBytes("data"));
        assertEquals(HAPPENED, Instant.parse(rs.getString("happened_at")));
        assertEquals(SCHEDULED, OffsetDateTime.parse(rs.getString("scheduled_at")));
        assertEquals(OPENS, LocalTime.parse(rs.getString("opens_at")));
        assertEquals(CREATED, LocalDateTime.parse(rs.getString("created_at")));
        assertEquals(BORN, LocalDate.parse(rs.getString("born")));
        assertNumbersAndText(rs);
      }
      // The declared types give the values their storage classes: nothing numeric became text or the reverse.
      assertEquals(List.of("text|blob|text|text|text|text|text|integer|real|integer|real|integer|text|numeric"),
          strings(c, "SELECT typeof(id) || '|' || typeof(data) || '|' || typeof(happened_at) || '|' || typeof(scheduled_at)"
              + " || '|' || typeof(opens_at) || '|' || typeof(created_at) || '|' || typeof(born) || '|' || typeof(rank)"
              + " || '|' || typeof(ratio) || '|' || typeof(big) || '|' || typeof(score) || '|' || typeof(active)"
              + " || '|' || typeof(status) || '|' || CASE WHEN typeof(price) IN ('real', 'integer') THEN 'numeric' END"
              + " FROM everything"));
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
    }
  }

  @Test
  void postgresCreatesWritesReadsBackAndValidatesEveryType() throws Exception {
    Migrator m = build.migrator();
    try (Connection c = Postgres.newDatabase()) {
      assertEquals(1, m.migrate(c).size());
      TreeMap<String, String> types = new TreeMap<>();
      for (List<Object> r : Db.rows(c, """
          SELECT column_name, data_type || coalesce('(' || character_maximum_length || ')', '')
            || CASE WHEN data_type = 'numeric' AND numeric_precision IS NOT NULL
                    THEN '(' || numeric_precision || ',' || numeric_scale || ')' ELSE '' END,
            is_nullable
          FROM information_schema.columns WHERE table_name = 'everything'""")) {
        types.put((String) r.get(0), r.get(1) + ("NO".equals(r.get(2)) ? " notnull" : ""));
      }
      assertEquals(POSTGRES_TYPES, types);
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());

      // Write and read in a session far from UTC: TIMESTAMPTZ keeps the instant, TIMESTAMP the wall-clock value.
      exec(c, "SET TIME ZONE 'Pacific/Auckland'");
      try (PreparedStatement ps = c.prepareStatement(insert())) {
        int i = 0;
        ps.setObject(++i, ID);
        ps.setBytes(++i, DATA);
        ps.setObject(++i, HAPPENED.atOffset(ZoneOffset.UTC));
        ps.setObject(++i, SCHEDULED);
        ps.setObject(++i, OPENS);
        ps.setObject(++i, CREATED);
        ps.setObject(++i, BORN);
        bindNumbersAndText(ps, i);
        ps.executeUpdate();
      }
      exec(c, "SET TIME ZONE 'America/Los_Angeles'");
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM everything")) {
        assertTrue(rs.next());
        assertEquals(ID, rs.getObject("id", UUID.class));
        assertArrayEquals(DATA, rs.getBytes("data"));
        assertEquals(HAPPENED, rs.getObject("happened_at", OffsetDateTime.class).toInstant());
        assertEquals(SCHEDULED.toInstant(), rs.getObject("scheduled_at", OffsetDateTime.class).toInstant());
        assertEquals(OPENS, rs.getObject("opens_at", LocalTime.class));
        assertEquals(CREATED, rs.getObject("created_at", LocalDateTime.class));
        assertEquals(BORN, rs.getObject("born", LocalDate.class));
        assertNumbersAndText(rs);
      }
      assertEquals(List.of("2024-03-01 04:45:30.123456|2024-03-01 04:45:30.654321"),
          strings(c, "SELECT (happened_at AT TIME ZONE 'UTC')::text || '|' || (scheduled_at AT TIME ZONE 'UTC')::text"
              + " FROM everything"), "the stored instants, in UTC");
      // VARCHAR(20) is a limit on PostgreSQL.
      SQLException tooLong = assertThrows(SQLException.class,
          () -> exec(c, "UPDATE everything SET code = '" + "y".repeat(21) + "'"));
      assertTrue(tooLong.getMessage().contains("character varying(20)"), tooLong.getMessage());
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
    }
  }

  /**
   * The README's types table: PostgreSQL's NUMERIC keeps every digit; SQLite has no decimal
   * storage (NUMERIC affinity), so it keeps a whole number up to 19 digits exactly (as an integer)
   * and any other value as an 8-byte float: exact to 15 significant digits, maybe to 16 or 17,
   * never beyond.
   * Unbounded and DECIMAL(p,s) alike: SQLite does not look at p and s.
   */
  @Test
  void bigDecimalKeepsEveryDigitOnPostgresAndFifteenSignificantDigitsOnSqlite() throws Exception {
    List<BigDecimal> values = List.of(
        new BigDecimal("12345678901234567890.123456789"), // 29 significant digits
        new BigDecimal("123456789012345678.91"), // 20 digits, fits DECIMAL(20,2)
        new BigDecimal("1234567890.12345"), // 15 significant digits
        new BigDecimal("-0.000000000012345678901234567"), // 17 significant digits after the leading zeros
        new BigDecimal("-0.0000000000123456789012345678"), // 18
        new BigDecimal("9223372036854775807"), // a whole number: 19 digits
        new BigDecimal("0.1"));
    Migrator m = build.migrator();
    try (Connection sqlite = Db.sqlite(dir.resolve("wide.db")); Connection pg = Postgres.newDatabase()) {
      for (Connection c : List.of(pg, sqlite)) {
        m.migrate(c);
        for (int row = 0; row < values.size(); row++) {
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO everything (id, rank, ratio, count, big, score,"
              + " active, amount, balance) VALUES (?, 0, 0, ?, 0, 0, FALSE, ?, ?)")) {
            UUID id = UUID.randomUUID();
            if (c == pg) {
              ps.setObject(1, id);
            } else {
              ps.setString(1, id.toString());
            }
            ps.setInt(2, row);
            ps.setBigDecimal(3, values.get(row));
            BigDecimal balance = values.get(row).setScale(2, java.math.RoundingMode.HALF_EVEN);
            ps.setBigDecimal(4, balance.precision() - balance.scale() <= 18 ? balance : null);
            ps.executeUpdate();
          }
        }
        String db = c.getMetaData().getDatabaseProductName();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT amount, balance FROM everything ORDER BY count")) {
          for (BigDecimal value : values) {
            assertTrue(rs.next());
            BigDecimal amount = rs.getBigDecimal(1);
            BigDecimal balance = rs.getBigDecimal(2);
            BigDecimal twoPlaces = value.setScale(2, java.math.RoundingMode.HALF_EVEN);
            if (c == pg || value.stripTrailingZeros().precision() <= 15 || value.stripTrailingZeros().scale() <= 0) {
              assertEquals(0, value.compareTo(amount), db + " gave back " + amount + " for " + value);
            } else {
              // SQLite: the first 15 significant digits are kept; a double never holds more than 17.
              if (value.stripTrailingZeros().precision() > 17) {
                assertTrue(value.compareTo(amount) != 0, db + " gave back " + amount + " for " + value);
              }
              assertEquals(value.round(new MathContext(15)), amount.round(new MathContext(15)),
                  db + " gave back " + amount + " for " + value);
            }
            if (balance != null && (c == pg || twoPlaces.stripTrailingZeros().precision() <= 15)) {
              assertEquals(0, twoPlaces.compareTo(balance), db + " gave back " + balance + " for " + twoPlaces);
            } else if (balance != null) {
              if (twoPlaces.stripTrailingZeros().precision() > 17) {
                assertTrue(twoPlaces.compareTo(balance) != 0, db + " gave back " + balance + " for " + twoPlaces);
              }
              assertEquals(twoPlaces.round(new MathContext(15)), balance.round(new MathContext(15)));
            }
          }
        }
      }
    }
  }

  static String insert() {
    return "INSERT INTO everything (id, data, happened_at, scheduled_at, opens_at, created_at, born, rank, level, ratio,"
        + " factor, count, qty, big, total, score, weight, active, flag, status, price, amount, code, note)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  static void bindNumbersAndText(PreparedStatement ps, int i) throws SQLException {
    ps.setShort(++i, Short.MIN_VALUE);
    ps.setShort(++i, Short.MAX_VALUE);
    ps.setFloat(++i, 3.14159f);
    ps.setFloat(++i, -1.0e-30f);
    ps.setInt(++i, Integer.MIN_VALUE);
    ps.setInt(++i, Integer.MAX_VALUE);
    ps.setLong(++i, Long.MIN_VALUE);
    ps.setLong(++i, Long.MAX_VALUE);
    ps.setDouble(++i, 0.1 + 0.2);
    ps.setDouble(++i, -Double.MAX_VALUE);
    ps.setBoolean(++i, true);
    ps.setBoolean(++i, false);
    ps.setString(++i, "PUBLISHED");
    ps.setBigDecimal(++i, PRICE);
    ps.setBigDecimal(++i, new BigDecimal("-0.000123"));
    ps.setString(++i, CODE);
    ps.setString(++i, NOTE);
  }

  static void assertNumbersAndText(ResultSet rs) throws SQLException {
    assertEquals(Short.MIN_VALUE, rs.getShort("rank"));
    assertEquals(Short.MAX_VALUE, rs.getShort("level"));
    assertEquals(3.14159f, rs.getFloat("ratio"));
    assertEquals(-1.0e-30f, rs.getFloat("factor"));
    assertEquals(Integer.MIN_VALUE, rs.getInt("count"));
    assertEquals(Integer.MAX_VALUE, rs.getInt("qty"));
    assertEquals(Long.MIN_VALUE, rs.getLong("big"));
    assertEquals(Long.MAX_VALUE, rs.getLong("total"));
    assertEquals(0.1 + 0.2, rs.getDouble("score"));
    assertEquals(-Double.MAX_VALUE, rs.getDouble("weight"));
    assertEquals(true, rs.getBoolean("active"));
    assertEquals(false, rs.getBoolean("flag"));
    assertEquals("PUBLISHED", rs.getString("status"));
    assertEquals(0, PRICE.compareTo(rs.getBigDecimal("price")), "price " + rs.getBigDecimal("price"));
    assertEquals(0, new BigDecimal("-0.000123").compareTo(rs.getBigDecimal("amount")), "amount " + rs.getBigDecimal("amount"));
    assertEquals(CODE, rs.getString("code"));
    assertEquals(NOTE, rs.getString("note"));
  }
}
