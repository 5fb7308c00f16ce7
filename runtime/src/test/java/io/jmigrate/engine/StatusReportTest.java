package io.jmigrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status as the table and the JSON an operator reads: summary, state, applied-at, duration, disagreements. */
class StatusReportTest {
  @TempDir Path dir;

  final Migrator migrator = new Migrator(Workload.migrations(2)); // versions 1 to 6; 2, 3, 4 have Java steps (no reverse)

  Connection sqlite() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"));
  }

  @Test
  void aTableUnderASummaryLine() throws Exception {
    try (Connection c = sqlite()) {
      migrator.migrateTo(c, 3);
      Status s = migrator.status(c);
      String text = s.toString();
      List<String> lines = text.lines().toList();
      assertEquals("database at version 3 of 6: 3 pending", lines.get(0), text);
      assertEquals("", lines.get(1), text);
      assertTrue(Pattern.matches("\\s+migration\\s+state\\s+applied at\\s+duration", lines.get(2)), text);
      // One row per version, columns aligned: the state starts where the header's does.
      int stateColumn = lines.get(2).indexOf("state");
      assertTrue(Pattern.matches("\\[X] V0001 create t\\s+applied\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+\\d+ ms",
          lines.get(3)), text);
      assertEquals(stateColumn, lines.get(3).indexOf("applied"), text);
      assertTrue(lines.get(4).startsWith("[X] V0002 widen a") && lines.get(4).contains("applied, irreversible"), text);
      assertTrue(Pattern.matches("\\[ ] V0004 rename b, drop c\\s+pending, irreversible", lines.get(6)), text);
      assertEquals(stateColumn, lines.get(6).indexOf("pending"), text);
      assertTrue(Pattern.matches("\\[ ] V0006 add x6\\s+pending", lines.get(8)), text);
      assertEquals(9, lines.size(), text);
      assertEquals(Status.State.APPLIED, s.entries().get(0).state());
      assertTrue(s.entries().get(0).executionMillis() >= 0);
      assertEquals(-1, s.entries().get(5).executionMillis());
      assertEquals(List.of(false, true, true, true, false, false),
          s.entries().stream().map(Status.Entry::irreversible).toList());

      migrator.migrate(c);
      assertEquals("database at version 6 of 6: up to date", migrator.status(c).summary());
    }
  }

  @Test
  void disagreementsAreMarkedAndEverythingElseStillListed() throws Exception {
    try (Connection c = sqlite()) {
      migrator.migrateTo(c, 2);
      Sql.exec(c, "UPDATE jmigrate_history SET checksum = 7 WHERE version = 1");
      Sql.exec(c, "INSERT INTO jmigrate_history (version, description, checksum, execution_ms, success)"
          + " VALUES (3, 'create u [partly applied: steps 1 to 1 of 3 ran and were not reverted]', 0, 0, FALSE)");
      Sql.exec(c, "INSERT INTO jmigrate_history (version, description, checksum, execution_ms, success)"
          + " VALUES (9, 'from the future', 0, 15, TRUE)");
      Status s = migrator.status(c);
      String text = s.toString();
      assertTrue(text.startsWith("database at version 9, ahead of this build (it knows 1 to 6): 3 pending, 1 failed-partial,"
          + " 6 disagreements between the database and this build, marked [!]\n"), text);
      assertTrue(text.contains("[!] V0001 create t"), text);
      assertTrue(text.contains("    ! migration V0001 create t was changed after it was applied"), text);
      assertTrue(Pattern.compile("\\[X] V0002 widen a\\s+applied, irreversible").matcher(text).find(), text);
      assertTrue(Pattern.compile("\\[!] V0003 create u \\[partly applied: steps 1 to 1 of 3 ran and were not reverted]"
          + "\\s+failed-partial, irreversible").matcher(text).find(), text);
      assertTrue(Pattern.compile("\\[!] V0004 rename b, drop c\\s+pending, irreversible\n    ! migration V0004 rename b,"
          + " drop c is pending but the later version 9").matcher(text).find(), text);
      assertTrue(Pattern.compile("\\[!] V0009 from the future\\s+applied .*\\s15 ms\n    ! the database has migration"
          + " V0009").matcher(text).find(), text);
      assertEquals(List.of(1, 2, 3, 4, 5, 6, 9), s.entries().stream().map(Status.Entry::version).toList());
      assertEquals(Status.State.FAILED_PARTIAL, s.entries().get(2).state());
    }
  }

  @Test
  void jsonForScripts() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      migrator.migrateTo(c, 1);
      Sql.exec(c, "UPDATE jmigrate_history SET description = 'say \"hi\"\\path', checksum = 7 WHERE version = 1");
      String json = migrator.status(c).toJson();
      String[] lines = json.split("\n");
      assertEquals("{", lines[0]);
      assertEquals("  \"formatVersion\": 1,", lines[1]);
      assertEquals("  \"currentVersion\": 1,", lines[2]);
      assertEquals("  \"latestVersion\": 6,", lines[3]);
      assertEquals("  \"pending\": 5,", lines[4]);
      assertEquals("  \"failedPartial\": 0,", lines[5]);
      assertEquals("  \"problems\": 1,", lines[6]);
      assertEquals("  \"summary\": \"database at version 1 of 6: 5 pending, 1 disagreement between the database and"
          + " this build, marked [!]\",", lines[7]);
      assertEquals("  \"migrations\": [", lines[8]);
      assertTrue(Pattern.matches("    \\{\"version\": 1, \"description\": \"say \\\\\"hi\\\\\"\\\\\\\\path\", \"state\":"
          + " \"applied\", \"irreversible\": false, \"appliedAt\": \"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d[^\"]*\","
          + " \"durationMs\": \\d+, \"problem\": \"the database's V0001 is a different migration.*the database has V0001 \\\\\"say.*\", \"progress\": null},", lines[9]), lines[9]);
      assertEquals("    {\"version\": 4, \"description\": \"rename b, drop c\", \"state\": \"pending\", \"irreversible\":"
          + " true, \"appliedAt\": null, \"durationMs\": null, \"problem\": null, \"progress\": null},", lines[12]);
      assertEquals("  ]", lines[15]);
      assertEquals("}", lines[16]);
    }
  }
}
