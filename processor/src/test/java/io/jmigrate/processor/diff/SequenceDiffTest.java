package io.jmigrate.processor.diff;

import static io.jmigrate.migration.Operations.alterSequence;
import static io.jmigrate.migration.Operations.createSequence;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.dropSequence;
import static io.jmigrate.migration.Operations.renameSequence;
import static io.jmigrate.migration.Operations.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Operation;
import io.jmigrate.processor.snapshot.Snapshot;
import io.jmigrate.processor.snapshot.SnapshotStore;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import io.jmigrate.schema.SequenceDefinition;
import io.jmigrate.schema.TableDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sequences through the diff, the order, the reverse, the fingerprint and the snapshot, on plain values. */
class SequenceDiffTest {
  static final TableDefinition OWNER = TableDefinition.of("owner", ColumnDefinition.of("id", ColumnType.BIGINT).notNull())
      .primaryKey("id");
  static final SequenceDefinition OWNER_SEQ = SequenceDefinition.of("owner_seq").increment(50);

  @Test
  void aNewSequenceIsCreatedBeforeTheTablesAndDroppedInReverse() {
    Schema next = Schema.of(List.of(OWNER), List.of(OWNER_SEQ));
    List<Operation> ops = SchemaDiff.compare(Schema.empty(), next, Intents.none()).operations();
    assertEquals(List.of(createSequence(OWNER_SEQ), createTable(OWNER)), ops);
    assertEquals(dropSequence("owner_seq"), ops.get(0).reverse(Schema.empty()));
  }

  @Test
  void startAndIncrementAreAlteredAndTheReverseRestoresThem() {
    Schema old = Schema.of(List.of(OWNER), List.of(OWNER_SEQ));
    SequenceDefinition changed = OWNER_SEQ.start(100).increment(20);
    Schema next = Schema.of(List.of(OWNER), List.of(changed));
    List<Operation> ops = SchemaDiff.compare(old, next, Intents.none()).operations();
    assertEquals(List.of(alterSequence(changed)), ops);
    assertEquals(alterSequence(OWNER_SEQ), ops.get(0).reverse(old));
    assertEquals(next, ops.get(0).applyTo(old));
  }

  @Test
  void aRenameOnlyByRenamedFromElseDropAndCreateWithAWarning() {
    Schema old = Schema.of(List.of(OWNER), List.of(OWNER_SEQ));
    Schema next = Schema.of(List.of(OWNER), List.of(OWNER_SEQ.rename("person_seq")));
    SchemaDiff.Result renamed = SchemaDiff.compare(old, next, Intents.none().renameSequence("owner_seq", "person_seq"));
    assertEquals(List.of(renameSequence("owner_seq", "person_seq")), renamed.operations());
    assertEquals(List.of(), renamed.findings());
    assertEquals(renameSequence("person_seq", "owner_seq"), renamed.operations().get(0).reverse(old));

    SchemaDiff.Result guessed = SchemaDiff.compare(old, next, Intents.none());
    assertEquals(List.of(createSequence(OWNER_SEQ.rename("person_seq")), dropSequence("owner_seq")), guessed.operations());
    assertEquals(1, guessed.findings().size());
    assertTrue(guessed.findings().get(0).warning());
    assertTrue(guessed.findings().get(0).message().startsWith("the sequence person_seq is new and owner_seq is dropped"),
        guessed.findings().get(0).message());
  }

  /** Schemas without sequences keep their fingerprint text; with them, lines of their own at the end. */
  @Test
  void fingerprintLinesOnlyForSequences() {
    Schema without = Schema.of(List.of(OWNER));
    Schema with = Schema.of(List.of(OWNER), List.of(OWNER_SEQ));
    assertEquals(SchemaFingerprint.canonicalText(without) + "sequence owner_seq start=1 increment=50\n",
        SchemaFingerprint.canonicalText(with));
  }

  @Test
  void theSnapshotReadsBackWhatItWrites() throws Exception {
    Schema with = Schema.of(List.of(OWNER), List.of(OWNER_SEQ, SequenceDefinition.of("a_seq").start(7)));
    Snapshot s = new Snapshot(with, Map.of("owner", "com.acme.Owner"), 1, "com.acme.V0001_Init");
    String text = SnapshotStore.write(s);
    assertTrue(text.contains("""
          "sequences": [
            {"name": "a_seq", "start": 7},
            {"name": "owner_seq", "increment": 50}
          ]
        }
        """), text);
    assertEquals(with, SnapshotStore.read(text).schema());
    String withoutKey = text.substring(0, text.indexOf(",\n  \"sequences\"")) + "\n}\n";
    Snapshot plain = new Snapshot(Schema.of(List.of(OWNER)), Map.of("owner", "com.acme.Owner"), 1, "com.acme.V0001_Init");
    assertEquals(SnapshotStore.write(plain), withoutKey, "a schema without sequences: the file as before");
  }

  /** Deleting the latest migration steps the sequences back too. */
  @Test
  void stepBackRestoresTheSequences() throws Exception {
    Snapshot v1 = new Snapshot(Schema.of(List.of(OWNER), List.of(OWNER_SEQ)), Map.of("owner", "com.acme.Owner"), 1, "V1");
    Schema v2schema = Schema.of(List.of(OWNER), List.of(OWNER_SEQ.increment(10)));
    Snapshot v2 = Snapshot.after(v1, v2schema, Map.of("owner", "com.acme.Owner"), Map.of(), 2, "V2");
    Snapshot read = SnapshotStore.read(SnapshotStore.write(v2));
    assertEquals(v1.schema(), read.stepBack().schema());
  }
}
