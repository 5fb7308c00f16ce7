package io.jmigrate.migration;

import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.table;
import static io.jmigrate.schema.ColumnType.INTEGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import io.jmigrate.schema.TableDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A kept primary key name ({@code @Table(primaryKeyName)}, from an adopted database) enters the
 * checksum and the fingerprint only when given: every other table keeps its text, so databases and
 * migrations of earlier versions keep validating.
 */
class KeptPrimaryKeyNameTest {
  static final TableDefinition PLAIN = table("album", column("id", INTEGER).notNull()).primaryKey("id");

  @Test
  void onlyAGivenNameChangesTheCanonicalTexts() {
    assertEquals("create table album (id INTEGER NOT NULL, primary key (id))", Checksum.text(createTable(PLAIN)));
    assertEquals("create table album (id INTEGER NOT NULL, constraint album_pkey primary key (id))",
        Checksum.text(createTable(PLAIN.primaryKeyName("album_pkey"))));
    assertEquals("table album\n  column id INTEGER length=0 precision=0,0 not-null\n  primary key (id)\n",
        SchemaFingerprint.canonicalText(Schema.of(List.of(PLAIN))));
    assertNotEquals(SchemaFingerprint.of(Schema.of(List.of(PLAIN))),
        SchemaFingerprint.of(Schema.of(List.of(PLAIN.primaryKeyName("album_pkey")))));
    assertEquals("pk_album", PLAIN.primaryKeyConstraint());
    assertEquals("album_pkey", PLAIN.primaryKeyName("album_pkey").primaryKeyConstraint());
    assertEquals("album_pkey", PLAIN.primaryKeyName("album_pkey").rename("record").withColumn(column("x", INTEGER))
        .primaryKeyConstraint(), "the name stays with the table through its changes");
  }
}
