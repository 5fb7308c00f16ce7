package io.jmigrate.processor.codegen;

import static io.jmigrate.migration.Operations.addColumn;
import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Operation;
import io.jmigrate.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationNamerTest {
  @Test
  void aLongDescriptionSaysHowManyItLeftOutAndTheNumbersAddUp() {
    List<Operation> ops = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      ops.add(createTable(table("thing" + i, column("id", ColumnType.BIGINT))));
    }
    String d = MigrationNamer.description(ops);
    int listed = d.split("; ").length - 1; // the last part is the "and N more" clause
    assertTrue(d.endsWith("; and " + (30 - listed) + " more changes (30 in all)"), d);
    assertTrue(d.startsWith("create table thing1; create table thing2; "), d);
  }

  @Test
  void oneLeftOutIsOneMoreChange() {
    String table = "t".repeat(30);
    List<Operation> ops = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      ops.add(addColumn(table, column("c".repeat(43) + i, ColumnType.STRING))); // 86 characters each
    }
    String d = MigrationNamer.description(ops);
    assertEquals("add column " + table + "." + "c".repeat(43) + "1; add column " + table + "." + "c".repeat(43) + "2"
        + "; and 1 more change (3 in all)", d);
  }
}
