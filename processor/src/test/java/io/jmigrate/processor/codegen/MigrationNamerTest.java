package io.jmigrate.processor.codegen;

import static io.jmigrate.migration.Operations.addColumn;
import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.java;
import static io.jmigrate.migration.Operations.renameColumn;
import static io.jmigrate.migration.Operations.renameTable;
import static io.jmigrate.migration.Operations.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Operation;
import io.jmigrate.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** A first change longer than the whole sentence is named (cut short), never "; and 3 more changes (3 in all)". */
  @Test
  void aFirstChangeTooLongForTheSentenceIsStillNamed() {
    String first = "backfill " + "x".repeat(200);
    String d = MigrationNamer.description(List.of(step(first), step("b"), step("c")));
    assertEquals(first.substring(0, 177) + "...; and 2 more changes (3 in all)", d);
    assertEquals(first.substring(0, 177) + "...", MigrationNamer.description(List.of(step(first))));
    String exactly = "y".repeat(180);
    assertEquals(exactly, MigrationNamer.description(List.of(step(exactly))));
    assertEquals("y".repeat(177) + "...", MigrationNamer.description(List.of(step(exactly + "y"))));
  }

  /** The second change fits when the sentence reaches 180 characters exactly, and is left out one past it. */
  @Test
  void theCutIsAtTheLimit() {
    assertEquals("a".repeat(100) + "; " + "b".repeat(80),
        MigrationNamer.description(List.of(step("a".repeat(100)), step("b".repeat(80)))));
    assertEquals("a".repeat(100) + "; and 1 more change (2 in all)",
        MigrationNamer.description(List.of(step("a".repeat(100)), step("b".repeat(81)))));
  }

  /** For every length of change and every count, the listed changes and the "N more" add up to the total. */
  @Test
  void theCountsAddUpAtEveryBoundary() {
    Pattern more = Pattern.compile("; and (\\d+) more changes? \\((\\d+) in all\\)$");
    for (int length = 1; length <= 200; length++) {
      for (int count = 1; count <= 6; count++) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          ops.add(step(Character.toString('a' + i).repeat(length)));
        }
        String d = MigrationNamer.description(ops);
        assertFalse(d.startsWith(";") || d.isEmpty(), d);
        Matcher m = more.matcher(d);
        boolean cut = m.find();
        int listed = (cut ? d.substring(0, m.start()) : d).split("; ").length;
        int left = cut ? Integer.parseInt(m.group(1)) : 0;
        if (cut) {
          assertEquals(count, Integer.parseInt(m.group(2)), d);
          assertTrue(left >= 1, d);
          assertEquals(left == 1, d.contains(" 1 more change ("), d);
        }
        assertEquals(count, listed + left, length + " x " + count + ": " + d);
      }
    }
  }

  private static Operation step(String description) {
    return java(description, c -> { });
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
