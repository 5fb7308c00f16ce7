package io.jmigrate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema value: sorted by name, immutable, equal by content, renames reaching every reference. */
class SchemaTest {
  private static TableDefinition table(String name) {
    return TableDefinition.of(name, ColumnDefinition.of("id", ColumnType.BIGINT)).primaryKey("id");
  }

  @Test
  void tablesAreSortedByNameAndOldSchemasAreUnchanged() {
    Schema a = Schema.empty().with(table("zeta")).with(table("alpha"));
    Schema b = a.with(table("mid")).without("zeta");
    assertEquals(List.of("alpha", "zeta"), a.tables().stream().map(TableDefinition::name).toList());
    assertEquals(List.of("alpha", "mid"), b.tables().stream().map(TableDefinition::name).toList());
    assertEquals(Schema.of(List.of(table("mid"), table("alpha"))), b);
    assertEquals(Schema.of(List.of(table("mid"), table("alpha"))).hashCode(), b.hashCode());
    assertNotEquals(a, b);
    assertThrows(IllegalArgumentException.class, () -> Schema.of(List.of(table("x"), table("x"))));
    assertThrows(UnsupportedOperationException.class, () -> a.tables().clear());
  }

  @Test
  void renamingATableRenamesTheForeignKeysThatReferenceIt() {
    Schema s = Schema.empty().with(table("parent"))
        .with(table("child").withColumn(ColumnDefinition.of("parent_id", ColumnType.BIGINT))
            .foreignKey(ForeignKeyDefinition.of("fk_child_parent", "parent_id", "parent", "id")))
        .with(table("other"));
    Schema r = s.renameTable("parent", "mother");
    assertFalse(r.has("parent"));
    assertEquals(List.of("child", "mother", "other"), r.tables().stream().map(TableDefinition::name).toList());
    assertEquals("mother", r.table("child").findForeignKey("fk_child_parent").orElseThrow().refTable());
    assertEquals(s.table("other"), r.table("other"));
    Schema c = r.renameColumn("mother", "id", "key");
    assertEquals(List.of("key"), c.table("mother").primaryKey());
    assertEquals("key", c.table("child").findForeignKey("fk_child_parent").orElseThrow().refColumns().get(0));
    assertEquals("parent", s.table("child").findForeignKey("fk_child_parent").orElseThrow().refTable()); // unchanged
  }

  @Test
  void sequencesLiveBesideTheTables() {
    Schema s = Schema.empty().with(table("a"));
    assertEquals(s, s.withSequence(sequence("seq")).withoutSequence("seq"));
    Schema q = s.withSequence(sequence("seq"));
    assertEquals(List.of("seq"), q.sequences().stream().map(SequenceDefinition::name).toList());
    assertNotEquals(s, q);
    assertEquals(q, Schema.of(List.of(table("a")), List.of(sequence("seq"))));
  }

  private static SequenceDefinition sequence(String name) {
    return SequenceDefinition.of(name);
  }

  @Test
  void theFoldingFingerprintIsTheFingerprint() {
    java.util.Map<TableDefinition, byte[]> seen = new java.util.IdentityHashMap<>();
    Schema s = Schema.empty();
    assertEquals(SchemaFingerprint.of(s), SchemaFingerprint.of(s, seen));
    for (int i = 0; i < 60; i++) {
      s = s.with(table("t" + (i * 7919 % 61)).withColumn(ColumnDefinition.of("c" + i, ColumnType.STRING).length(i + 1)));
      if (i % 5 == 0) {
        s = s.without("t" + (i * 13 % 61));
      }
      if (i % 7 == 0) {
        s = s.withSequence(SequenceDefinition.of("q" + i).start(i));
      }
      if (i % 11 == 0 && s.has("t" + i)) {
        s = s.renameTable("t" + i, "r" + i).renameColumn("r" + i, "id", "key");
      }
      assertEquals(SchemaFingerprint.of(s), SchemaFingerprint.of(s, seen), "step " + i);
    }
  }
}
