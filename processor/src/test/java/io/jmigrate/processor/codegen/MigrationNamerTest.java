package io.jmigrate.processor.codegen;

import static io.jmigrate.migration.Operations.addColumn;
import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.renameColumn;
import static io.jmigrate.migration.Operations.renameTable;
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

  /** The diff swaps and chains names through a temporary name; the class is named after what was asked for. */
  @Test
  void swapsAndChainsAreNamedByWhatTheyAchieve() {
    assertEquals("V0004_SwapUserNameAndNickname", MigrationNamer.className(4, List.of(
        renameColumn("user", "name", "_jm_tmp_name"),
        renameColumn("user", "nickname", "name"),
        renameColumn("user", "_jm_tmp_name", "nickname"))));
    assertEquals("V0005_SwapCatAndDog", MigrationNamer.className(5, List.of(
        renameTable("dog", "_jm_tmp_dog"), renameTable("cat", "dog"), renameTable("_jm_tmp_dog", "cat"))));
    assertEquals("V0006_RenameUserBToCAndRenameUserAToB", MigrationNamer.className(6, List.of(
        renameColumn("user", "b", "c"), renameColumn("user", "a", "b"))));
    assertEquals("V0007_AddUserEmail", MigrationNamer.className(7, List.of(
        addColumn("user", column("email", ColumnType.STRING)))));
  }
}
