package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Operations;
import io.jmigrate.processor.diff.Rename;
import io.jmigrate.processor.snapshot.Snapshot;
import io.jmigrate.processor.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.jmigrate.schema.Schema;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot format is a contract with every committed schema.json: both formats are pinned
 * here, and a format 1 file (with the migration generated beside it) is read and upgraded.
 */
class SnapshotFormatTest {
  @TempDir Path dir;

  static String fixture(String name) throws IOException {
    try (InputStream in = SnapshotFormatTest.class.getResourceAsStream("/fixtures/format1/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The example app's snapshot in format 2: one line per column, nullable only when false. */
  static final String FORMAT_2 = """
      {
        "formatVersion": 2,
        "generatedBy": "jmigrate: do not edit by hand; the processor rewrites this file",
        "latestMigration": {"version": 1, "class": "io.jmigrate.example.migrations.V0001_CreateUserAndAddress"},
        "tables": [
          {
            "name": "address",
            "model": "io.jmigrate.example.model.Address",
            "columns": [
              {"name": "id", "type": "BIGINT", "nullable": false, "generated": true},
              {"name": "user_id", "type": "BIGINT", "nullable": false},
              {"name": "email_address", "type": "STRING", "nullable": false}
            ],
            "primaryKey": ["id"],
            "foreignKeys": [
              {"name": "fk_address_user_id", "columns": ["user_id"], "refTable": "user", "refColumns": ["id"], "onDelete": "CASCADE"}
            ]
          },
          {
            "name": "user",
            "model": "io.jmigrate.example.model.User",
            "columns": [
              {"name": "id", "type": "BIGINT", "nullable": false, "generated": true},
              {"name": "name", "type": "STRING", "length": 50, "nullable": false},
              {"name": "fullname", "type": "STRING"},
              {"name": "nickname", "type": "STRING", "length": 50}
            ],
            "primaryKey": ["id"]
          }
        ]
      }
      """;

  @Test
  void format1IsReadAndWrittenAsFormat2() throws Exception {
    String v1 = fixture("schema.json");
    assertTrue(v1.contains("\"formatVersion\": 1"));
    Snapshot s = SnapshotStore.read(v1);
    assertEquals(FORMAT_2, SnapshotStore.write(s));
    assertEquals(s, SnapshotStore.read(FORMAT_2));
    assertEquals(FORMAT_2, SnapshotStore.write(SnapshotStore.read(FORMAT_2)), "format 2 is stable");
  }

  @Test
  void theStepBackIsPinnedToo() throws Exception {
    Snapshot v1 = SnapshotStore.read(FORMAT_2);
    Snapshot v2 = Snapshot.after(v1, v1.schema().with(v1.schema().table("user").withoutColumn("nickname")),
        v1.tableClasses(), Map.of(), 2, "io.jmigrate.example.migrations.V0002_DropUserNickname");
    String text = SnapshotStore.write(v2);
    assertTrue(text.endsWith("""
          "beforeLatest": {
            "version": 1,
            "class": "io.jmigrate.example.migrations.V0001_CreateUserAndAddress",
            "replaces": ["user"],
            "tables": [
              {
                "name": "user",
                "model": "io.jmigrate.example.model.User",
                "columns": [
                  {"name": "id", "type": "BIGINT", "nullable": false, "generated": true},
                  {"name": "name", "type": "STRING", "length": 50, "nullable": false},
                  {"name": "fullname", "type": "STRING"},
                  {"name": "nickname", "type": "STRING", "length": 50}
                ],
                "primaryKey": ["id"]
              }
            ]
          }
        }
        """), text);
    Snapshot read = SnapshotStore.read(text);
    assertEquals(v2, read);
    assertEquals(v1.schema(), read.stepBack().schema());
    // The no-change fast path reads only the header and renders the models: that must give the file back.
    Snapshot header = SnapshotStore.readHeader(text);
    assertEquals(v2.beforeLatest(), header.beforeLatest());
    assertEquals(text, SnapshotStore.write(new Snapshot(v2.schema(), v2.tableClasses(), header.renames(),
        header.latestVersion(), header.latestClass(), header.beforeLatest())));
  }

  /**
   * Applied renames are recorded on the column's line and the table's entry, read back (also by
   * the fast path's header read), and forgotten by the step back over the migration that applied them.
   */
  @Test
  void recordedRenamesArePinned() throws Exception {
    Snapshot v1 = SnapshotStore.read(FORMAT_2);
    Schema schema = Operations.renameTable("user", "member").applyTo(
        Operations.renameColumn("user", "fullname", "full_name").applyTo(v1.schema()));
    Map<Rename, Integer> renames = Map.of(Rename.table("member", "user"), 2, Rename.column("member", "full_name", "fullname"), 2);
    Snapshot v2 = Snapshot.after(v1, schema, Map.of("address", "io.jmigrate.example.model.Address",
        "member", "io.jmigrate.example.model.Member"), renames, 2, "io.jmigrate.example.migrations.V0002_RenameUser");
    String text = SnapshotStore.write(v2);
    assertTrue(text.contains("""
              "name": "member",
              "model": "io.jmigrate.example.model.Member",
              "renamedFrom": "user", "renamedIn": 2,
              "columns": [
                {"name": "id", "type": "BIGINT", "nullable": false, "generated": true},
                {"name": "name", "type": "STRING", "length": 50, "nullable": false},
                {"name": "full_name", "type": "STRING", "renamedFrom": "fullname", "renamedIn": 2},
        """), text);
    assertEquals(v2, SnapshotStore.read(text));
    assertEquals(renames, SnapshotStore.readHeader(text).renames());
    assertEquals(Map.of(), SnapshotStore.read(text).stepBack().renames());
    assertEquals(Map.of(), SnapshotStore.read(FORMAT_2).renames(), "a file without them records none");
  }

  /**
   * A project whose migration and snapshot were generated by the previous jmigrate: the old
   * migration (positional foreign key, no fingerprint) keeps compiling and migrating, and the
   * first build upgrades the snapshot without generating anything (check mode writes nothing).
   */
  @Test
  void aProjectOfThePreviousFormatBuildsAndIsUpgraded() throws Exception {
    Project p = new Project(dir)
        .write("io/jmigrate/example/model/User.java", fixture("User.java.txt"))
        .write("io/jmigrate/example/model/Address.java", fixture("Address.java.txt"))
        .write("io/jmigrate/example/migrations/V0001_CreateUserAndAddress.java", fixture("V0001_CreateUserAndAddress.java.txt"));
    Files.createDirectories(p.snapshot.getParent());
    Files.writeString(p.snapshot, fixture("schema.json"));

    p.build("-Ajmigrate.check=true").assertOk();
    assertEquals(fixture("schema.json"), p.snapshotText(), "check mode writes nothing");

    Project.Result r = p.build().assertOk();
    assertEquals(List.of("V0001_CreateUserAndAddress.java"), List.copyOf(p.migrations("io.jmigrate.example.migrations").keySet()));
    assertEquals(FORMAT_2, p.snapshotText());
    try (Connection c = Db.sqlite(dir.resolve("app.db"))) {
      assertEquals(1, r.migrator().migrate(c).size());
    }
    p.build().assertOk();
    assertEquals(FORMAT_2, p.snapshotText());
  }
}
