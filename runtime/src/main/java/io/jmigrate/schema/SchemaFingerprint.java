package io.jmigrate.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A short hash of a schema, recorded in each generated migration as the schema after it, so that
 * the snapshot the processor diffs against and the schema the runtime folds from the migrations'
 * {@code up()} can be checked against each other.
 *
 * <p>Contract (format 1, pinned by tests): SHA-256 of the canonical text below, as the first 16
 * lower-case hex digits, prefixed {@code "1:"}. The canonical text ignores what carries no meaning:
 * column order (an added column is appended by ALTER TABLE but declared anywhere in the model),
 * and the order of tables, indexes and foreign keys. Never change it without raising the format.
 */
public final class SchemaFingerprint {
  public static final String FORMAT = "1";

  private SchemaFingerprint() {}

  public static String of(Schema schema) {
    return FORMAT + ":" + hex(sha256(canonicalText(schema))).substring(0, 16);
  }

  /**
   * As {@link #of(Schema)}, reusing the canonical bytes of every table already met in
   * {@code seen} (by identity: the schemas of one fold share their unchanged tables), so that
   * fingerprinting each step of a long history hashes, but no longer re-renders, the whole schema.
   */
  public static String of(Schema schema, Map<TableDefinition, byte[]> seen) {
    MessageDigest sha = sha256();
    for (TableDefinition t : schema.tables()) { // sorted by name
      byte[] text = seen.get(t);
      if (text == null) {
        StringBuilder s = new StringBuilder();
        table(s, t);
        text = s.toString().getBytes(StandardCharsets.UTF_8);
        seen.put(t, text);
      }
      sha.update(text);
    }
    StringBuilder s = new StringBuilder();
    sequences(s, schema);
    sha.update(s.toString().getBytes(StandardCharsets.UTF_8));
    return FORMAT + ":" + hex(sha.digest()).substring(0, 16);
  }

  /** The text the fingerprint hashes; public so that a mismatch can be explained line by line. */
  public static String canonicalText(Schema schema) {
    StringBuilder s = new StringBuilder();
    for (TableDefinition t : schema.tables()) { // sorted by name
      table(s, t);
    }
    sequences(s, schema);
    return s.toString();
  }

  private static void table(StringBuilder s, TableDefinition t) {
    s.append("table ").append(t.name()).append('\n');
    List<ColumnDefinition> columns = new ArrayList<>(t.columns());
    columns.sort(Comparator.comparing(ColumnDefinition::name));
    for (ColumnDefinition c : columns) {
      s.append("  column ").append(column(c)).append('\n');
    }
    if (!t.primaryKey().isEmpty()) {
      s.append("  primary key (").append(String.join(",", t.primaryKey())).append(")\n");
      if (t.primaryKeyName() != null) { // only when kept from an adopted database: older schemas keep their text
        s.append("  primary key name ").append(t.primaryKeyName()).append('\n');
      }
    }
    if (t.collation() != null) { // only tables that name one: older schemas keep their text
      s.append("  collation ").append(t.collation()).append('\n');
    }
    if (t.comment() != null) { // only tables that have one: older schemas keep their text
      s.append("  comment ").append(quote(t.comment())).append('\n');
    }
    for (IndexDefinition i : t.indexes()) { // sorted by name
      s.append("  ").append(i.unique() ? "unique index " : "index ").append(i.name())
          .append(" (").append(String.join(",", i.columns())).append(")\n");
    }
    for (ForeignKeyDefinition f : t.foreignKeys()) { // sorted by name
      s.append("  foreign key ").append(f.name()).append(" (").append(String.join(",", f.columns()))
          .append(") references ").append(f.refTable()).append(" (").append(String.join(",", f.refColumns()))
          .append(") on delete ").append(f.onDelete().name()).append(" on update ").append(f.onUpdate().name())
          .append('\n');
    }
    for (CheckDefinition k : t.checks()) { // sorted by name; only tables with checks have these lines
      s.append("  check ").append(k.name()).append(" (").append(k.expression()).append(")\n");
    }
  }

  private static void sequences(StringBuilder s, Schema schema) {
    // Added after format 1 was fixed: only schemas with sequences have these lines, so every older
    // fingerprint is unchanged.
    for (SequenceDefinition q : schema.sequences()) { // sorted by name
      s.append("sequence ").append(q.name()).append(" start=").append(q.start()).append(" increment=")
          .append(q.increment()).append('\n');
    }
    for (EnumTypeDefinition e : schema.enumTypes()) { // likewise only schemas with enum types
      s.append("enum type ").append(e.name());
      e.labels().forEach(l -> s.append(' ').append(quote(l)));
      s.append('\n');
    }
  }

  private static String column(ColumnDefinition c) {
    StringBuilder s = new StringBuilder(c.name()).append(' ').append(c.type().name());
    for (ColumnProperty p : ColumnProperty.values()) {
      s.append(p.fingerprint(c));
    }
    return s.toString();
  }

  static String quote(String v) {
    return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  private static byte[] sha256(String text) {
    return sha256().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return s.toString();
  }
}
