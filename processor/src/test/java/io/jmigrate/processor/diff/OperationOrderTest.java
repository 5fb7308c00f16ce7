package io.jmigrate.processor.diff;

import static io.jmigrate.migration.Operations.addColumn;
import static io.jmigrate.migration.Operations.addForeignKey;
import static io.jmigrate.migration.Operations.addIndex;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.dropForeignKey;
import static io.jmigrate.migration.Operations.dropIndex;
import static io.jmigrate.migration.Operations.dropTable;
import static io.jmigrate.migration.Operations.renameColumn;
import static io.jmigrate.migration.Operations.setPrimaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.migration.Operation;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order stage alone: these operations, in any order, come out in this one. */
class OperationOrderTest {
  static ColumnDefinition id(String name) {
    return ColumnDefinition.of(name, ColumnType.BIGINT).notNull();
  }

  static TableDefinition table(String name, String... references) {
    TableDefinition t = TableDefinition.of(name, id("id")).primaryKey("id");
    for (String r : references) {
      t = t.withColumn(id(r + "_id")).foreignKey(ForeignKeyDefinition.of("fk_" + name + "_" + r + "_id", r + "_id", r, "id"));
    }
    return t;
  }

  @Test
  void referencedTablesAreCreatedFirst() {
    TableDefinition a = table("a", "b");
    TableDefinition b = table("b", "c");
    TableDefinition c = table("c");
    assertEquals(List.of(createTable(c), createTable(b), createTable(a)),
        OperationOrder.sort(Schema.empty(), List.of(createTable(a), createTable(b), createTable(c))));
  }

  @Test
  void aLargeFirstMigrationIsSortedQuickly() {
    List<Operation> given = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) { // t0000 references t0001, which references t0002, ...
      given.add(createTable(i == 2999 ? table(String.format("t%04d", i)) : table(String.format("t%04d", i), String.format("t%04d", i + 1))));
      given.add(addIndex(String.format("t%04d", i), IndexDefinition.of(String.format("ix_t%04d", i), "id")));
    }
    long start = System.nanoTime();
    List<Operation> sorted = OperationOrder.sort(Schema.empty(), given);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(createTable(table("t2999")), sorted.get(0));
    assertEquals(addIndex("t0000", IndexDefinition.of("ix_t0000", "id")), sorted.get(sorted.size() - 1));
    org.junit.jupiter.api.Assertions.assertTrue(millis < 5000, millis + " ms");
  }

  @Test
  void aCycleOfNewTablesGetsItsForeignKeyAfterBothTables() {
    TableDefinition a = table("a", "b");
    TableDefinition b = table("b", "a");
    TableDefinition self = table("s", "s");
    ForeignKeyDefinition ab = a.foreignKeys().get(0);
    assertEquals(List.of(createTable(self), createTable(a.withoutForeignKey(ab.name())), createTable(b), addForeignKey("a", ab)),
        OperationOrder.sort(Schema.empty(), List.of(createTable(self), createTable(b), createTable(a))));
  }

  @Test
  void aNewTableComesWithItsIndexes() {
    TableDefinition a = table("a", "b");
    TableDefinition b = table("b");
    IndexDefinition ia = IndexDefinition.of("ix_a_b_id", "b_id");
    IndexDefinition ib = IndexDefinition.of("ix_b_id", "id");
    assertEquals(List.of(createTable(b), addIndex("b", ib), createTable(a), addIndex("a", ia)),
        OperationOrder.sort(Schema.empty(), List.of(createTable(a), addIndex("a", ia), createTable(b), addIndex("b", ib))));
  }

  @Test
  void referencingTablesAreDroppedFirstAndACycleLosesAKeyFirst() {
    Schema s = Schema.of(List.of(table("a"), table("b", "a"), table("c", "b")));
    assertEquals(List.of(dropTable("c"), dropTable("b"), dropTable("a")),
        OperationOrder.sort(s, List.of(dropTable("a"), dropTable("b"), dropTable("c"))));

    Schema cycle = Schema.of(List.of(table("a", "b"), table("b", "a")));
    assertEquals(List.of(dropForeignKey("a", "fk_a_b_id"), dropTable("b"), dropTable("a")),
        OperationOrder.sort(cycle, List.of(dropTable("a"), dropTable("b"))));
  }

  @Test
  void droppedTablesAreFoundUnderTheirNamesAfterTheRenames() {
    Schema s = Schema.of(List.of(table("a"), table("b", "a")));
    // b is renamed to z first; z (which references a) must still go before a.
    assertEquals(List.of(io.jmigrate.migration.Operations.renameTable("b", "z"), dropTable("z"), dropTable("a")),
        OperationOrder.sort(s, List.of(dropTable("a"), dropTable("z"), io.jmigrate.migration.Operations.renameTable("b", "z"))));
  }

  @Test
  void aForeignKeyWaitsForTheKeyItReferences() {
    Schema s = Schema.of(List.of(table("account"), table("person")));
    ForeignKeyDefinition fk = ForeignKeyDefinition.of("fk_account_person_code", "person_code", "person", "code");
    ColumnDefinition code = ColumnDefinition.of("code", ColumnType.STRING).notNull().defaultValue("x");
    ColumnDefinition personCode = ColumnDefinition.of("person_code", ColumnType.STRING);
    List<Operation> given = List.of(addForeignKey("account", fk), addColumn("account", personCode),
        setPrimaryKey("person", "code"), addColumn("person", code));
    assertEquals(List.of(addColumn("account", personCode), addColumn("person", code), setPrimaryKey("person", "code"),
        addForeignKey("account", fk)), OperationOrder.sort(s, given));
  }

  @Test
  void aNewTableReferencingANewUniqueColumnWaitsForIt() {
    Schema s = Schema.of(List.of(table("z")));
    ColumnDefinition code = ColumnDefinition.of("code", ColumnType.STRING).notNull().defaultValue("x");
    IndexDefinition unique = IndexDefinition.unique("ux_z_code", "code");
    TableDefinition a = TableDefinition.of("a", id("id"), ColumnDefinition.of("z_code", ColumnType.STRING)).primaryKey("id")
        .foreignKey(ForeignKeyDefinition.of("fk_a_z_code", "z_code", "z", "code"));
    assertEquals(List.of(addColumn("z", code), addIndex("z", unique), createTable(a)),
        OperationOrder.sort(s, List.of(createTable(a), addIndex("z", unique), addColumn("z", code))));
  }

  @Test
  void withoutDependenciesTheOrderIsTheReadableOne() {
    Schema s = Schema.of(List.of(table("a").index(IndexDefinition.of("ix_a", "id")), table("b")));
    List<Operation> given = List.of(dropTable("b"), addColumn("a", ColumnDefinition.of("x", ColumnType.STRING)),
        dropIndex("a", "ix_a"), createTable(table("c")), renameColumn("a", "id", "key"));
    assertEquals(List.of(renameColumn("a", "id", "key"), dropIndex("a", "ix_a"), createTable(table("c")),
        addColumn("a", ColumnDefinition.of("x", ColumnType.STRING)), dropTable("b")), OperationOrder.sort(s, given));
  }
}
