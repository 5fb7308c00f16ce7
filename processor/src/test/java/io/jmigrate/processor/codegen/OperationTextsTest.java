package io.jmigrate.processor.codegen;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.migration.Checksum;
import io.jmigrate.migration.Operation;
import io.jmigrate.processor.snapshot.Snapshot;
import io.jmigrate.processor.snapshot.SnapshotStore;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import io.jmigrate.schema.TableDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every text an operation has (its Java in a generated migration, checksum line, short description, class-name
 * word, review line and old definition), and every text of the definitions it carries (the snapshot and the
 * schema fingerprint), for one operation of each kind with every column property set. Pinned in
 * {@code codegen/operation-texts.txt}, written before the operations' texts moved onto the operations, so the
 * move changed no byte. {@code -Djmigrate.texts.update=true} rewrites the file after a deliberate change.
 */
class OperationTextsTest {
  private static final Path PINNED = Path.of("src/test/resources/codegen/operation-texts.txt");

  static ColumnDefinition[] columns() {
    return new ColumnDefinition[] {
        column("id", BIGINT).notNull().identity(),
        column("email", STRING).length(200).notNull().defaultValue("it's"),
        column("price", DECIMAL).precision(12, 2).defaultSql("0"),
        column("at", TIMESTAMP_TZ).notNull().defaultSql("CURRENT_TIMESTAMP").defaultSql("mariadb", "NOW(6)")
            .defaultSql("sqlite", "(datetime('now'))").asUtcDatetime(),
        column("note", CLOB).length(70000),
        column("code", CHAR).length(3).defaultValue("a\\b\"c\nd"),
    };
  }

  static Schema before() {
    TableDefinition owner = table("owner", column("id", BIGINT).notNull().identity(), column("name", STRING).length(40))
        .primaryKey("id").index(uniqueIndex("ux_owner_name", "name"));
    TableDefinition pet = table("pet", columns()).primaryKey("id").primaryKeyName("pet_pk")
        .index(index("ix_pet_email", "email", "code"))
        .foreignKey(foreignKey("fk_pet_owner").columns("id").references("owner", "id").onDelete(ReferentialAction.CASCADE)
            .onUpdate(ReferentialAction.SET_NULL));
    return Schema.empty().with(owner).with(pet).withSequence(sequence("pet_seq").start(100).increment(50))
        .withEnumType(enumType("mood", "sad", "it's ok"));
  }

  static List<Operation> operations() {
    return List.of(
        createTable(table("toy", columns()).primaryKey("id", "email").index(index("ix_toy_price", "price"))
            .foreignKey(foreignKey("fk_toy_owner", "id", "owner", "id"))),
        dropTable("pet"),
        renameTable("pet", "animal"),
        addColumn("pet", column("age", INTEGER).notNull().defaultValue("0")),
        addColumn("pet", columns()[3].name("born")),
        dropColumn("pet", "email"),
        dropColumn("pet", "price"),
        renameColumn("pet", "email", "mail"),
        alterColumn("pet", column("email", STRING).length(20)),
        alterColumn("pet", column("price", DOUBLE).notNull()),
        setPrimaryKey("pet", "id", "email"),
        setPrimaryKey("owner"),
        addIndex("pet", uniqueIndex("ux_pet_code", "code")),
        addIndex("owner", index("ix_owner_id", "id")),
        dropIndex("pet", "ix_pet_email"),
        renameIndex("pet", "ix_pet_email", "ix_pet_mail"),
        addForeignKey("pet", foreignKey("fk_pet_owner2", List.of("id"), "owner", List.of("id"))),
        addForeignKey("owner", foreignKey("fk_owner_pet").columns("id").references("pet", "id")
            .onDelete(ReferentialAction.RESTRICT)),
        dropForeignKey("pet", "fk_pet_owner"),
        sql("UPDATE pet SET name = 'x'\nWHERE id = 1"),
        sql("INSERT INTO t VALUES (1)", "DELETE FROM t WHERE id = 1"),
        sql(Map.of("sqlite", "SELECT 1", "postgresql", "SELECT 2")),
        sql(Map.of("sqlite", "SELECT 1", "h2", "SELECT 3"), Map.of("sqlite", "SELECT 4", "h2", "SELECT 5")),
        createSequence(sequence("toy_seq")),
        createSequence(sequence("big_seq").start(5_000_000_000L).increment(3_000_000_000L)),
        dropSequence("pet_seq"),
        renameSequence("pet_seq", "animal_seq"),
        alterSequence(sequence("pet_seq").start(7).increment(2)),
        createEnumType(enumType("size", "S", "M", "L")),
        dropEnumType("mood"),
        addEnumValue("mood", "happy"),
        addEnumValueBefore("mood", "awful", "sad"),
        addEnumValueAfter("mood", "meh", "sad"),
        renameEnumValue("mood", "it's ok", "fine"),
        createTable(table("box", column("id", BIGINT).notNull(), column("size", INTEGER)).primaryKey("id")
            .check(check("ck_box_size", "size > 0"))),
        addCheck("pet", check("ck_pet_age", "age >= 0")),
        dropCheck("pet", "ck_pet_age"));
  }

  /** Added after the file was pinned: their lines come after the others', and the "all" lines do not count them. */
  static List<Operation> collationOperations() {
    return List.of(
        createTable(table("tag", column("name", STRING).length(40).notNull()).primaryKey("name").collation("database")),
        alterCollation("owner", "database"),
        alterCollation("owner", "utf8mb4_unicode_ci"),
        alterCollation("owner", null));
  }

  /** Added after the collation's: a table created with a comment, the comment changed and removed. */
  static List<Operation> tableCommentOperations() {
    return List.of(
        createTable(table("note", column("id", BIGINT).notNull()).primaryKey("id").comment("it's a note")),
        alterTableComment("owner", "who owns pets"),
        alterTableComment("owner", null));
  }

  /** Added after the table comment's: a column with a collation of its own added, and one given one. */
  static List<Operation> columnCollationOperations() {
    return List.of(
        addColumn("pet", column("nick", STRING).length(30).collation("NOCASE")),
        alterColumn("pet", column("email", STRING).length(20).collation("C")));
  }

  static String texts() {
    StringBuilder out = new StringBuilder();
    Schema before = before();
    List<Operation> each = new ArrayList<>(operations());
    each.addAll(collationOperations());
    each.addAll(tableCommentOperations());
    each.addAll(columnCollationOperations());
    for (Operation op : each) {
      out.append("== ").append(op.getClass().getSimpleName()).append('\n')
          .append("java: ").append(MigrationWriter.operation(op)).append('\n')
          .append("checksum: ").append(Checksum.text(op)).append('\n')
          .append("summary: ").append(MigrationNamer.summary(op)).append('\n')
          .append("class: ").append(MigrationNamer.className(2, List.of(op))).append('\n')
          .append("line: ").append(ReviewNotes.line(op)).append('\n')
          .append("was: ").append(ReviewNotes.was(op, before)).append('\n');
    }
    out.append("== all\n").append("class: ").append(MigrationNamer.className(3, operations())).append('\n')
        .append("description: ").append(MigrationNamer.description(operations())).append('\n')
        .append("checksum: ").append(Checksum.of(operations())).append('\n');
    Schema after = before.with(table("toy", columns()).primaryKey("id"));
    out.append("== snapshot\n").append(SnapshotStore.write(new Snapshot(after, Map.of(), 1, "V0001_X"))).append('\n');
    out.append("== fingerprint\n").append(SchemaFingerprint.of(after)).append('\n');
    return out.toString();
  }

  @Test
  void everyTextOfEveryOperationIsPinned() throws IOException {
    String texts = texts();
    if (Boolean.getBoolean("jmigrate.texts.update")) {
      Files.writeString(PINNED, texts, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(PINNED, StandardCharsets.UTF_8), texts);
  }

  @Test
  void theSnapshotReadsBackWhatItWrote() throws Exception {
    Schema after = before().with(table("toy", columns()).primaryKey("id"));
    String json = SnapshotStore.write(new Snapshot(after, Map.of(), 1, "V0001_X"));
    assertEquals(after, SnapshotStore.read(json).schema());
  }
}
