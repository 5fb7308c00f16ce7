package io.jmigrate.migration;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.ForeignKey.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins checksum format 1: the values below were computed by the code as released (checksum =
 * CRC32 of Operation.toString()), before the canonical form moved into {@link Checksum}. A
 * database migrated by that code stores these numbers; if one changes here, every deployed
 * history with that migration stops validating.
 */
class ChecksumContractTest {
  static final class M extends Migration {
    private final List<Operation> ops;

    M(int version, Operation... ops) {
      super(version, "m" + version);
      this.ops = List.of(ops);
    }

    @Override
    public List<Operation> up() {
      return ops;
    }
  }

  /** Every operation, and every column, index and foreign key feature the canonical text spells. */
  static final List<Migration> KNOWN = List.of(
      new M(1,
          createTable(table("author",
              column("id", BIGINT).notNull().identity(),
              column("name", STRING).length(100).notNull(),
              column("price", DECIMAL).precision(10, 2).defaultValue("0.00"),
              column("note", STRING).defaultValue("it's"),
              column("created", TIMESTAMP_TZ).notNull().defaultSql("CURRENT_TIMESTAMP"))
              .primaryKey("id")
              .index(uniqueIndex("ux_author_name", "name"))
              .index(index("ix_author_price", "price", "note"))),
          createTable(table("book",
              column("id", BIGINT).notNull(),
              column("author_id", BIGINT),
              column("flag", BOOLEAN).defaultValue("true"))
              .primaryKey("id")
              .foreignKey(foreignKey("fk_book_author_id", "author_id", "author", "id")
                  .onDelete(Action.CASCADE).onUpdate(Action.SET_NULL)))),
      new M(2,
          addColumn("book", column("isbn", STRING).length(13)),
          renameColumn("book", "isbn", "code"),
          alterColumn("book", column("code", STRING).length(20).notNull().defaultValue("x")),
          dropColumn("book", "flag"),
          renameTable("book", "volume"),
          setPrimaryKey("volume", "id", "code"),
          addIndex("volume", index("ix_volume_code", "code")),
          dropIndex("volume", "ix_volume_code"),
          dropForeignKey("volume", "fk_book_author_id"),
          addForeignKey("volume", foreignKey("fk_volume_author", List.of("author_id"), "author", List.of("id"))),
          dropTable("volume")),
      new M(3,
          sql("UPDATE author SET note = 'a'"),
          sql("CREATE VIEW v AS SELECT 1", "DROP VIEW v"),
          java("backfill", c -> {}),
          java("reversible backfill", c -> {}, c -> {})));

  @Test
  void knownMigrationsKeepTheirChecksums() {
    assertEquals(List.of(733925322, 437384508, 892209273), KNOWN.stream().map(Migration::checksum).toList());
  }

  /** Added after format 1 was pinned: a line of its own, which no older migration contains. */
  @Test
  void renameIndexHasItsOwnLine() {
    Migration m = new M(4, renameIndex("volume", "ix_book_code", "ix_volume_code"));
    assertEquals("rename index volume.ix_book_code to ix_volume_code", Checksum.text(m.up().get(0)));
    assertEquals(785158707, m.checksum(), "CRC32 of that line and a newline");
  }

  /** Added after format 1 was pinned: the sequence operations' lines, which no older migration contains. */
  @Test
  void sequenceOperationsHaveTheirOwnLines() {
    Migration m = new M(5,
        createSequence(sequence("owner_seq").increment(50)),
        alterSequence(sequence("owner_seq").start(100).increment(10)),
        renameSequence("owner_seq", "person_seq"),
        dropSequence("person_seq"));
    assertEquals(List.of(
        "create sequence owner_seq start 1 increment 50",
        "alter sequence owner_seq start 100 increment 10",
        "rename sequence owner_seq to person_seq",
        "drop sequence person_seq"), m.up().stream().map(Checksum::text).toList());
    assertEquals(1196589484, m.checksum(), "CRC32 of those lines, each with a newline");
  }

  /** Added after format 1 was pinned: a table's checks follow its keys only when it has some; the check operations' own lines. */
  @Test
  void checksHaveTheirOwnLines() {
    Migration m = new M(6,
        createTable(table("purchase", column("id", BIGINT).notNull()).primaryKey("id").check(check("ck_purchase_1", "quantity > 0"))),
        addCheck("purchase", check("ck_purchase_max", "quantity < 1000")),
        dropCheck("purchase", "ck_purchase_max"));
    assertEquals(List.of(
        "create table purchase (id BIGINT NOT NULL, primary key (id)), check ck_purchase_1 (quantity > 0)",
        "add check ck_purchase_max (quantity < 1000) on purchase",
        "drop check ck_purchase_max on purchase"), m.up().stream().map(Checksum::text).toList());
    assertEquals(-1531672923, m.checksum(), "CRC32 of those lines, each with a newline");
  }

  /**
   * Added after format 1 was pinned: a table's collation (MariaDB/MySQL) appears only on tables that name one,
   * and its change has a line of its own; jmigrate's exact collation is spelt by its name there.
   */
  @Test
  void collationHasItsOwnLines() {
    Migration m = new M(6,
        createTable(table("person", column("id", BIGINT).notNull(), column("email", STRING).length(80))
            .collation("database")),
        alterCollation("person", "utf8mb4_unicode_ci"),
        alterCollation("person", null));
    List<String> lines = m.up().stream().map(Checksum::text).toList();
    assertEquals(List.of(
        "create table person (id BIGINT NOT NULL, email STRING(80) NULL) COLLATE database",
        "alter table person collate utf8mb4_unicode_ci",
        "alter table person collate utf8mb4_bin"), lines);
    assertEquals(-1394477002, m.checksum(), "CRC32 of those lines, each with a newline");
    // Naming jmigrate's own collation is leaving it out: the table's line is an older table's line.
    assertEquals("create table person (id BIGINT NOT NULL)", Checksum.text(
        createTable(table("person", column("id", BIGINT).notNull()).collation("utf8mb4_bin"))));
  }

  /**
   * Added after format 1 was pinned: a table's comment appears only on tables that have one, and its change has
   * a line of its own.
   */
  @Test
  void tableCommentHasItsOwnLines() {
    Migration m = new M(6,
        createTable(table("person", column("id", BIGINT).notNull()).comment("it's people")),
        alterTableComment("person", "who signed up"),
        alterTableComment("person", null));
    List<String> lines = m.up().stream().map(Checksum::text).toList();
    assertEquals(List.of(
        "create table person (id BIGINT NOT NULL) COMMENT 'it''s people'",
        "comment on table person is 'who signed up'",
        "comment on table person is null"), lines);
    assertEquals(-614029304, m.checksum(), "CRC32 of those lines, each with a newline");
    // No comment (or an empty one) is an older table's line.
    assertEquals("create table person (id BIGINT NOT NULL)", Checksum.text(
        createTable(table("person", column("id", BIGINT).notNull()).comment(""))));
  }

  /**
   * Added after format 1 was pinned: a column's own collation appears only on columns that have one, after its
   * type and enum type, before its comment; a column without one (or an empty one) keeps an older column's line.
   */
  @Test
  void columnCollationHasItsPlaceInTheColumnLine() {
    Migration m = new M(7,
        createTable(table("person", column("id", BIGINT).notNull(),
            column("email", STRING).length(80).collation("NOCASE").comment("login"))),
        alterColumn("person", column("email", STRING).length(120).collation("utf8mb4_unicode_ci")),
        addColumn("person", column("code", CHAR).length(3).notNull().collation("C")));
    List<String> lines = m.up().stream().map(Checksum::text).toList();
    assertEquals(List.of(
        "create table person (id BIGINT NOT NULL, email STRING(80) NULL COLLATE NOCASE COMMENT 'login')",
        "alter column person.email STRING(120) NULL COLLATE utf8mb4_unicode_ci",
        "add column person.code CHAR(3) NOT NULL COLLATE C"), lines);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    lines.forEach(l -> crc.update((l + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals((int) crc.getValue(), m.checksum(), "CRC32 of those lines, each with a newline");
    assertEquals(-1592502623, m.checksum(), "pinned");
    assertEquals("add column person.code CHAR(3) NOT NULL", Checksum.text(
        addColumn("person", column("code", CHAR).length(3).notNull().collation(""))));
  }

  @Test
  void canonicalTextIsSpelledOut() {
    assertEquals("create table book (id BIGINT NOT NULL, author_id BIGINT NULL, flag BOOLEAN NULL DEFAULT 'true',"
        + " primary key (id)), foreign key fk_book_author_id (author_id) references author (id)"
        + " on delete CASCADE on update SET NULL", Checksum.text(KNOWN.get(0).up().get(1)));
    assertEquals("alter column book.code STRING(20) NOT NULL DEFAULT 'x'", Checksum.text(KNOWN.get(1).up().get(2)));
    assertEquals("java [reversible backfill] reversible", Checksum.text(KNOWN.get(2).up().get(3)));
  }

  /** Added after format 1 was pinned: the CHAR(n) and JSON types spell their names; no older line changes. */
  @Test
  void fixedTextAndJsonColumnsHaveTheirOwnSpelling() {
    Migration m = new M(5, addColumn("volume", column("code", CHAR).length(3).notNull().defaultValue("ab")),
        addColumn("volume", column("doc", JSON)));
    assertEquals("add column volume.code CHAR(3) NOT NULL DEFAULT 'ab'", Checksum.text(m.up().get(0)));
    assertEquals("add column volume.doc JSON NULL", Checksum.text(m.up().get(1)));
    assertEquals(-105434669, m.checksum(), "CRC32 of those lines, each with a newline");
  }

  /**
   * Added after format 1 was pinned: a column of a type jmigrate does not model ({@code @Column(sqlType)}) spells
   * its SQL type after NATIVE; no other column's line changes. The number is CRC32 of the two lines as written
   * here, each with a newline (computed apart from this code).
   */
  @Test
  void nativeTypeColumnsSpellTheirSqlType() {
    Migration m = new M(7, addColumn("document", column("body", STRING).sqlType("tsvector")),
        createTable(table("film", column("id", INTEGER).notNull(),
            column("release_year", NATIVE).sqlType(" year ").notNull().defaultSql("2006")).primaryKey("id")));
    assertEquals(List.of(
        "add column document.body NATIVE SQL-TYPE tsvector NULL",
        "create table film (id INTEGER NOT NULL, release_year NATIVE SQL-TYPE year NOT NULL DEFAULT (2006), primary key (id))"),
        m.up().stream().map(Checksum::text).toList());
    assertEquals(46240573, m.checksum(), "CRC32 of those lines, each with a newline");
    assertEquals("table film\n  column id INTEGER length=0 precision=0,0 not-null\n"
        + "  column release_year NATIVE sql-type=\"year\" length=0 precision=0,0 not-null default-sql=\"2006\"\n"
        + "  primary key (id)\n", io.jmigrate.schema.SchemaFingerprint.canonicalText(m.up().get(1).applyTo(
            io.jmigrate.schema.Schema.empty())));
    // Another type drops the SQL type: the column's line is an older column's line.
    assertEquals("add column document.body STRING NULL",
        Checksum.text(addColumn("document", column("body", STRING).sqlType("tsvector").type(STRING))));
  }
}
