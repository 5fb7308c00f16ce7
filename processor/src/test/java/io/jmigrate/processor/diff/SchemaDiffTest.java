package io.jmigrate.processor.diff;

import static io.jmigrate.migration.Operations.addForeignKey;
import static io.jmigrate.migration.Operations.alterColumn;
import static io.jmigrate.migration.Operations.dropForeignKey;
import static io.jmigrate.migration.Operations.addIndex;
import static io.jmigrate.migration.Operations.dropIndex;
import static io.jmigrate.migration.Operations.renameColumn;
import static io.jmigrate.migration.Operations.renameIndex;
import static io.jmigrate.migration.Operations.renameTable;
import static io.jmigrate.migration.Operations.setPrimaryKey;
import static io.jmigrate.schema.SchemaFingerprint.canonicalText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Operation;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff and order stages on plain values: given schema A, schema B and the intents, these operations in this order. */
class SchemaDiffTest {
  static ColumnDefinition text(String name) {
    return ColumnDefinition.of(name, ColumnType.STRING);
  }

  static ColumnDefinition id(String name) {
    return ColumnDefinition.of(name, ColumnType.BIGINT).notNull();
  }

  static Schema schema(TableDefinition... tables) {
    return Schema.of(List.of(tables));
  }

  /** The migration's result and its reverse must be the two schemas, as the runtime folds them. */
  static List<Operation> migration(Schema a, Schema b, Intents intents) {
    SchemaDiff.Result r = SchemaDiff.compare(a, b, intents);
    assertEquals(List.of(), r.findings().stream().filter(f -> !f.warning()).toList());
    Schema s = a;
    List<Schema> befores = new ArrayList<>();
    for (Operation op : r.operations()) {
      befores.add(s);
      s = op.applyTo(s);
    }
    // Column order carries no meaning (a rename keeps a column's place): compare as the fingerprint does.
    assertEquals(canonicalText(b), canonicalText(s), "up gives the new schema");
    for (int i = r.operations().size() - 1; i >= 0; i--) {
      s = r.operations().get(i).reverse(befores.get(i)).applyTo(s);
    }
    assertEquals(canonicalText(a), canonicalText(s), "down gives the old schema");
    return r.operations();
  }

  /** Found by the evolution property test on PostgreSQL (seed -4912018968739314347). */
  @Test
  void aNewTablesKeyToItsOwnUniqueColumnComesAfterTheUniqueIndex() {
    TableDefinition t = TableDefinition.of("t6", id("id"), id("c4"), ColumnDefinition.of("c5", ColumnType.BIGINT))
        .primaryKey("id", "c4")
        .index(IndexDefinition.unique("ux_t6_id", "id"))
        .foreignKey(new ForeignKeyDefinition("fk_t6_c5", List.of("c5"), "t6", List.of("id"),
            io.jmigrate.schema.ReferentialAction.NO_ACTION, io.jmigrate.schema.ReferentialAction.NO_ACTION));
    List<Operation> ops = migration(schema(), schema(t), Intents.none());
    assertEquals(List.of("createTable", "addIndex", "addForeignKey"),
        ops.stream().map(o -> o.getClass().getSimpleName().substring(0, 1).toLowerCase() + o.getClass().getSimpleName().substring(1)).toList());
    assertTrue(((io.jmigrate.migration.Operations.CreateTable) ops.get(0)).table().foreignKeys().isEmpty());
  }

  static TableDefinition indexed(String table, String a, String b) {
    return TableDefinition.of(table, id("id"), text(a), text(b)).primaryKey("id")
        .index(IndexDefinition.of("ix_" + table + "_" + a, a)).index(IndexDefinition.unique("ux_" + table + "_" + b, b));
  }

  @Test
  void anIndexIsRenamedWithItsColumnAndTable() {
    assertEquals(List.of(renameColumn("t", "a", "c"), renameIndex("t", "ix_t_a", "ix_t_c")),
        migration(schema(indexed("t", "a", "b")), schema(indexed("t", "c", "b")), Intents.none().renameColumn("t", "a", "c")));
    assertEquals(List.of(renameTable("t", "u"), renameIndex("u", "ix_t_a", "ix_u_a"), renameIndex("u", "ux_t_b", "ux_u_b")),
        migration(schema(indexed("t", "a", "b")), schema(indexed("u", "a", "b")), Intents.none().renameTable("t", "u")));
  }

  @Test
  void indexesOfSwappedColumnsSwapThroughATemporaryName() {
    TableDefinition t = TableDefinition.of("t", id("id"), text("a"), text("b")).primaryKey("id")
        .index(IndexDefinition.of("ix_t_a", "a")).index(IndexDefinition.of("ix_t_b", "b"));
    List<Operation> ops = migration(schema(t), schema(t), Intents.none().renameColumn("t", "b", "a").renameColumn("t", "a", "b"));
    assertEquals(List.of(renameColumn("t", "a", "_jm_tmp_a"), renameColumn("t", "b", "a"), renameColumn("t", "_jm_tmp_a", "b"),
        renameIndex("t", "ix_t_a", "_jm_tmp_ix_t_a"), renameIndex("t", "ix_t_b", "ix_t_a"), renameIndex("t", "_jm_tmp_ix_t_a", "ix_t_b")), ops);
  }

  @Test
  void anIndexWhoseNewNameStaysTakenOrWhoseNameAloneChangedIsReplaced() {
    // a is renamed to c while the index named ix_t_c (on b) is dropped: ix_t_c is taken until the drop, so a drop and an add.
    Schema a = schema(TableDefinition.of("t", id("id"), text("a"), text("b")).primaryKey("id")
        .index(IndexDefinition.of("ix_t_a", "a")).index(IndexDefinition.of("ix_t_c", "b")));
    Schema b = schema(TableDefinition.of("t", id("id"), text("c"), text("b")).primaryKey("id").index(IndexDefinition.of("ix_t_c", "c")));
    List<Operation> ops = migration(a, b, Intents.none().renameColumn("t", "a", "c"));
    assertTrue(ops.stream().noneMatch(o -> o instanceof io.jmigrate.migration.Operations.RenameIndex), ops.toString());
    // No rename in the build: a new name for the same columns replaces the index, as the model says.
    Schema named = schema(TableDefinition.of("t", id("id"), text("a"), text("b")).primaryKey("id")
        .index(IndexDefinition.of("ix_a", "a")).index(IndexDefinition.unique("ux_t_b", "b")));
    assertEquals(List.of(dropIndex("t", "ix_t_a"), addIndex("t", IndexDefinition.of("ix_a", "a"))),
        migration(schema(indexed("t", "a", "b")), named, Intents.none()));
  }

  @Test
  void swappedColumnsGoThroughATemporaryName() {
    Schema a = schema(TableDefinition.of("t", id("id"), text("a"), ColumnDefinition.of("b", ColumnType.INTEGER)).primaryKey("id"));
    Schema b = schema(TableDefinition.of("t", id("id"), ColumnDefinition.of("a", ColumnType.INTEGER), text("b")).primaryKey("id"));
    List<Operation> ops = migration(a, b, Intents.none().renameColumn("t", "b", "a").renameColumn("t", "a", "b"));
    assertEquals(List.of(renameColumn("t", "a", "_jm_tmp_a"), renameColumn("t", "b", "a"),
        renameColumn("t", "_jm_tmp_a", "b")), ops);
    SchemaDiff.Result r = SchemaDiff.compare(a, b, Intents.none().renameColumn("t", "b", "a").renameColumn("t", "a", "b"));
    assertEquals(List.of(), r.findings());
    assertEquals(java.util.Set.of(Rename.column("t", "a", "b"), Rename.column("t", "b", "a")), r.appliedNow());
    assertEquals(java.util.Map.of(Rename.column("t", "a", "b"), 2, Rename.column("t", "b", "a"), 2), r.recorded(2));
  }

  @Test
  void aChainOfColumnRenamesRunsFromItsFreeEnd() {
    Schema a = schema(TableDefinition.of("t", id("id"), text("a"), text("b")).primaryKey("id"));
    Schema b = schema(TableDefinition.of("t", id("id"), text("b"), text("c")).primaryKey("id"));
    List<Operation> ops = migration(a, b, Intents.none().renameColumn("t", "a", "b").renameColumn("t", "b", "c"));
    assertEquals(List.of(renameColumn("t", "b", "c"), renameColumn("t", "a", "b")), ops);
  }

  @Test
  void aRotationOfThreeColumnsUsesOneTemporaryName() {
    ColumnDefinition x = text("x");
    ColumnDefinition y = ColumnDefinition.of("y", ColumnType.INTEGER);
    ColumnDefinition z = ColumnDefinition.of("z", ColumnType.BIGINT);
    Schema a = schema(TableDefinition.of("t", x, y, z));
    Schema b = schema(TableDefinition.of("t", z.name("x"), x.name("y"), y.name("z")));
    List<Operation> ops = migration(a, b,
        Intents.none().renameColumn("t", "x", "y").renameColumn("t", "y", "z").renameColumn("t", "z", "x"));
    assertEquals(List.of(renameColumn("t", "x", "_jm_tmp_x"), renameColumn("t", "z", "x"), renameColumn("t", "y", "z"),
        renameColumn("t", "_jm_tmp_x", "y")), ops);
  }

  @Test
  void aSwapOfSameDefinedColumnsIsGeneratedWhenNotYetApplied() {
    Schema s = schema(TableDefinition.of("t", text("a"), text("b")));
    assertEquals(List.of(renameColumn("t", "a", "_jm_tmp_a"), renameColumn("t", "b", "a"), renameColumn("t", "_jm_tmp_a", "b")),
        migration(s, s, Intents.none().renameColumn("t", "b", "a").renameColumn("t", "a", "b")));
  }

  @Test
  void aSwapOfSameDefinedTablesIsGeneratedWhenNotYetApplied() {
    Schema s = schema(TableDefinition.of("p", text("x")), TableDefinition.of("q", text("x")));
    assertEquals(List.of(renameTable("p", "_jm_tmp_p"), renameTable("q", "p"), renameTable("_jm_tmp_p", "q")),
        migration(s, s, Intents.none().renameTable("p", "q").renameTable("q", "p")));
  }

  @Test
  void renamesAnEarlierMigrationAppliedAreLeftOverWithAWarningEachAndStayRecorded() {
    Schema s = schema(TableDefinition.of("t", text("a"), text("b")));
    Intents swap = Intents.none().renameColumn("t", "b", "a").renameColumn("t", "a", "b")
        .applied(Rename.column("t", "a", "b"), 2).applied(Rename.column("t", "b", "a"), 2);
    SchemaDiff.Result r = SchemaDiff.compare(s, s, swap);
    assertEquals(List.of(), r.operations());
    assertEquals(List.of(Subject.renamedFrom(Rename.column("t", "a", "b")), Subject.renamedFrom(Rename.column("t", "b", "a"))),
        r.findings().stream().map(Finding::subject).toList());
    assertTrue(r.findings().stream().allMatch(f -> f.warning() && f.message().contains("already applied by V0002; remove it")),
        r.toString());
    assertEquals(swap.applied(), r.recorded(3), "still recorded, under the version that applied them");

    // Only one of them applied: the other one is a plain rename still to do (b is free once a is gone).
    Schema chainDone = schema(TableDefinition.of("t", text("b"), text("c")));
    SchemaDiff.Result chain = SchemaDiff.compare(chainDone, chainDone, Intents.none().renameColumn("t", "a", "b")
        .renameColumn("t", "b", "c").applied(Rename.column("t", "b", "a"), 4).applied(Rename.column("t", "c", "b"), 4));
    assertEquals(List.of(), chain.operations());
    assertEquals(2, chain.findings().size());
  }

  @Test
  void appliedColumnRenamesFollowTheirTableWhenItIsRenamed() {
    Schema s = schema(TableDefinition.of("t", text("a"), text("b")));
    Schema u = schema(TableDefinition.of("u", text("a"), text("b")));
    Intents intents = Intents.none().renameTable("t", "u").renameColumn("u", "b", "a").renameColumn("u", "a", "b")
        .applied(Rename.column("t", "a", "b"), 2).applied(Rename.column("t", "b", "a"), 2);
    SchemaDiff.Result r = SchemaDiff.compare(s, u, intents);
    assertEquals(List.of(renameTable("t", "u")), r.operations(), "the swap is not done twice");
    assertEquals(java.util.Map.of(Rename.table("u", "t"), 3, Rename.column("u", "a", "b"), 2, Rename.column("u", "b", "a"), 2),
        r.recorded(3));
  }

  @Test
  void swappedTablesAndAChainOfTables() {
    Schema a = schema(TableDefinition.of("p", text("x")), TableDefinition.of("q", text("y")));
    Schema b = schema(TableDefinition.of("p", text("y")), TableDefinition.of("q", text("x")));
    assertEquals(List.of(renameTable("p", "_jm_tmp_p"), renameTable("q", "p"), renameTable("_jm_tmp_p", "q")),
        migration(a, b, Intents.none().renameTable("p", "q").renameTable("q", "p")));

    Schema c = schema(TableDefinition.of("b", text("x")), TableDefinition.of("c", text("y")));
    assertEquals(List.of(renameTable("p", "b"), renameTable("q", "c")),
        migration(a, c, Intents.none().renameTable("p", "b").renameTable("q", "c")));
    Schema d = schema(TableDefinition.of("q", text("x")), TableDefinition.of("r", text("y")));
    assertEquals(List.of(renameTable("q", "r"), renameTable("p", "q")),
        migration(a, d, Intents.none().renameTable("p", "q").renameTable("q", "r")));
  }

  @Test
  void aSwapOfTablesKeepsTheForeignKeysThatFollowThem() {
    TableDefinition p = TableDefinition.of("p", id("id"), text("x")).primaryKey("id");
    TableDefinition q = TableDefinition.of("q", id("id"), text("y")).primaryKey("id");
    TableDefinition r = TableDefinition.of("r", id("id"), id("p_id")).primaryKey("id").foreignKey(ForeignKeyDefinition.of("fk_r_p_id", "p_id", "p", "id"));
    Schema a = schema(p, q, r);
    // The rows of p are now q's: r's key follows its rows (to q), as the databases do.
    Schema b = schema(p.rename("q"), q.rename("p"),
        TableDefinition.of("r", id("id"), id("p_id")).primaryKey("id").foreignKey(ForeignKeyDefinition.of("fk_r_p_id", "p_id", "q", "id")));
    List<Operation> ops = migration(a, b, Intents.none().renameTable("p", "q").renameTable("q", "p"));
    assertEquals(3, ops.size(), ops.toString());
  }

  @Test
  void aRenameDoneByAnEarlierBuildIsLeftAlone() {
    Schema a = schema(TableDefinition.of("a", text("x")), TableDefinition.of("b", text("y")));
    // b was renamed from a long ago, and a new model took the name a since: nothing to do, nothing to say.
    SchemaDiff.Result r = SchemaDiff.compare(a, a, Intents.none().renameTable("a", "b"));
    assertEquals(List.of(), r.operations());
    assertEquals(List.of(), r.findings());
  }

  @Test
  void aRenameFromANameTheSnapshotLacksIsAWarningAtTheModel() {
    Schema a = schema(TableDefinition.of("a", text("x")));
    Schema b = schema(TableDefinition.of("a", text("x")), TableDefinition.of("c", text("y")));
    SchemaDiff.Result r = SchemaDiff.compare(a, b, Intents.none().renameTable("zz", "c"));
    assertEquals(1, r.findings().size());
    assertEquals(Subject.table("c"), r.findings().get(0).subject());
    assertTrue(r.findings().get(0).warning());
  }

  @Test
  void aPrimaryKeyChangeDropsAndReAddsTheForeignKeysThatRestOnIt() {
    // account < person alphabetically: table by table, account's foreign key would come first.
    TableDefinition person = TableDefinition.of("person", id("id"), text("code").notNull()).primaryKey("id")
        .index(IndexDefinition.unique("ux_person_id_code", "id", "code"));
    TableDefinition account = TableDefinition.of("account", id("id"), id("person_id")).primaryKey("id")
        .foreignKey(ForeignKeyDefinition.of("fk_account_person_id", "person_id", "person", "id"));
    TableDefinition person2 = TableDefinition.of("person", id("id"), text("code").notNull()).primaryKey("code")
        .index(IndexDefinition.unique("ux_person_id_code", "id", "code")).index(IndexDefinition.unique("ux_person_id", "id"));
    List<Operation> ops = migration(schema(person, account), schema(person2, account), Intents.none());
    ForeignKeyDefinition fk = account.foreignKeys().get(0);
    assertEquals(List.of(dropForeignKey("account", "fk_account_person_id"), setPrimaryKey("person", "code"),
        io.jmigrate.migration.Operations.addIndex("person", IndexDefinition.unique("ux_person_id", "id")),
        addForeignKey("account", fk)), ops);
  }

  @Test
  void aForeignKeyOfADroppedTableOnAChangedKeyIsDroppedFirst() {
    TableDefinition person = TableDefinition.of("person", id("id"), text("code").notNull()).primaryKey("id");
    TableDefinition account = TableDefinition.of("account", id("id"), id("person_id")).primaryKey("id")
        .foreignKey(ForeignKeyDefinition.of("fk_account_person_id", "person_id", "person", "id"));
    TableDefinition person2 = person.withPrimaryKey(List.of("code"));
    List<Operation> ops = migration(schema(person, account), schema(person2), Intents.none().dropTable("account"));
    assertEquals(List.of(dropForeignKey("account", "fk_account_person_id"), setPrimaryKey("person", "code"),
        io.jmigrate.migration.Operations.dropTable("account")), ops);
  }

  @Test
  void aDroppedModelIsNamedByTheClassTheSnapshotRecords() {
    Schema a = schema(TableDefinition.of("tag", text("name")), TableDefinition.of("user", text("name")));
    Schema b = schema(TableDefinition.of("user", text("name")));
    SchemaDiff.Result r = SchemaDiff.compare(a, b, Intents.none().oldModelClass("tag", "com.acme.model.Tag"));
    assertEquals(1, r.findings().size());
    Finding f = r.findings().get(0);
    assertEquals(Subject.table("tag"), f.subject());
    assertTrue(f.message().startsWith("the table tag (model com.acme.model.Tag) is gone from the models"), f.message());
  }

  @Test
  void findingsNameTheirSubjectByValue() {
    Schema a = schema(TableDefinition.of("t", text("a"), text("b"), ColumnDefinition.of("d", ColumnType.DOUBLE)));
    Schema b = schema(TableDefinition.of("t", text("a").length(10), ColumnDefinition.of("d", ColumnType.DECIMAL).precision(10, 2)));
    SchemaDiff.Result r = SchemaDiff.compare(a, b, Intents.none().dropTable("old").dropColumn("t", "zz"));
    assertEquals(java.util.Set.of(Subject.table("t"), Subject.column("t", "a"), Subject.column("t", "d"),
        Subject.dropTable("old"), Subject.dropColumn("t", "zz")),
        r.findings().stream().map(Finding::subject).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void aDoubleBecomesAnUnboundedDecimalWithoutConfirmation() {
    Schema a = schema(TableDefinition.of("t", ColumnDefinition.of("price", ColumnType.DOUBLE)));
    Schema b = schema(TableDefinition.of("t", ColumnDefinition.of("price", ColumnType.DECIMAL)));
    assertEquals(List.of(alterColumn("t", ColumnDefinition.of("price", ColumnType.DECIMAL))), migration(a, b, Intents.none()));
  }
}
