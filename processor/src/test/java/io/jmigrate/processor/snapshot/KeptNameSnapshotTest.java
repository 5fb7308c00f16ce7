package io.jmigrate.processor.snapshot;

import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.table;
import static io.jmigrate.schema.ColumnType.INTEGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional {@code "primaryKeyName"} key: written only when given, read back, absent in older files. */
class KeptNameSnapshotTest {
  static final TableDefinition ALBUM = table("album", column("id", INTEGER).notNull()).primaryKey("id");

  @Test
  void theKeyIsWrittenOnlyWhenGivenAndReadBack() throws Exception {
    Snapshot kept = new Snapshot(Schema.of(List.of(ALBUM.primaryKeyName("album_pkey"))), Map.of(), 1, "V0001_X");
    String text = SnapshotStore.write(kept);
    assertEquals("""
        {
          "formatVersion": 2,
          "generatedBy": "jmigrate: do not edit by hand; the processor rewrites this file",
          "latestMigration": {"version": 1, "class": "V0001_X"},
          "tables": [
            {
              "name": "album",
              "columns": [
                {"name": "id", "type": "INTEGER", "nullable": false}
              ],
              "primaryKey": ["id"],
              "primaryKeyName": "album_pkey"
            }
          ]
        }
        """, text);
    assertEquals(kept.schema(), SnapshotStore.read(text).schema());

    String plain = SnapshotStore.write(new Snapshot(Schema.of(List.of(ALBUM)), Map.of(), 1, "V0001_X"));
    assertFalse(plain.contains("primaryKeyName"), plain);
    assertEquals(null, SnapshotStore.read(plain).schema().table("album").primaryKeyName());
  }
}
