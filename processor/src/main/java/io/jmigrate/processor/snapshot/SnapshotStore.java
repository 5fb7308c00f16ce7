package io.jmigrate.processor.snapshot;

import io.jmigrate.processor.model.Naming;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.processor.diff.Rename;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnProperty;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Names;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.EnumTypeDefinition;
import io.jmigrate.schema.SequenceDefinition;
import io.jmigrate.schema.TableDefinition;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and writes the snapshot as JSON that people read in pull requests: fixed key order,
 * tables sorted by name, columns in declaration order, one line per column, index and foreign
 * key, keys with default values left out ({@code nullable} only when false), two-space
 * indentation, a newline at the end. Equal snapshots give byte-identical text.
 *
 * <p>Format 2 (this one) is format 1 made compact, plus {@code beforeLatest}: the tables the
 * latest migration touched as they were before it, so that deleting that migration steps back
 * (see {@link Snapshot#stepBack()}); plus, on a table's entry and on a column's line,
 * {@code "renamedFrom": "old", "renamedIn": N} for a {@code @RenamedFrom} the models still carry
 * that migration N applied (absent in older files: nothing recorded); and, on a table's entry,
 * {@code "primaryKeyName"} after {@code "primaryKey"} when the key keeps a name of its own (from an
 * adopted database; absent otherwise, so other files are unchanged); and a top-level {@code "sequences"}
 * array after {@code "tables"} (and in {@code beforeLatest} when the latest migration changed them), only
 * when there are sequences, so other files are unchanged; likewise a top-level {@code "enumTypes"} array
 * after it ({@code {"name": "mood", "labels": ["sad", "ok"]}}, labels in their order) and a column's
 * {@code "enumType"} only when there are PostgreSQL enum types; on a table's entry, {@code "checks"} after
 * {@code "foreignKeys"}: {@code [{"name": …, "expression": …}]}, sorted by name, only for a table with check
 * constraints; {@code "collation"} and then {@code "comment"} last on a table's entry
 * when it is not jmigrate's exact one (MariaDB/MySQL; absent otherwise). Format 1 files are read and
 * rewritten as format 2.
 */
public final class SnapshotStore {
  /** Bump when the format changes; older jmigrate versions refuse newer files. */
  public static final int FORMAT_VERSION = 2;
  private static final String GENERATED_BY = "jmigrate: do not edit by hand; the processor rewrites this file";

  private SnapshotStore() {}

  public static String write(Snapshot s) {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"formatVersion\": ").append(FORMAT_VERSION).append(",\n");
    out.append("  \"generatedBy\": ").append(quote(GENERATED_BY)).append(",\n");
    if (s.latestClass() != null) {
      out.append("  \"latestMigration\": {\"version\": ").append(s.latestVersion())
          .append(", \"class\": ").append(quote(s.latestClass())).append("},\n");
    }
    out.append("  \"tables\": ");
    writeTables(out, s.schema().tables(), s.tableClasses(), s.renames(), "  ");
    if (!s.schema().sequences().isEmpty()) { // optional: files without sequences are unchanged
      out.append(",\n  \"sequences\": ");
      writeSequences(out, s.schema().sequences(), "  ");
    }
    if (!s.schema().enumTypes().isEmpty()) { // optional, as sequences
      out.append(",\n  \"enumTypes\": ");
      writeEnumTypes(out, s.schema().enumTypes(), "  ");
    }
    if (!s.generatorRows().isEmpty()) { // optional: files without JPA generator tables are unchanged
      out.append(",\n  \"generatorRows\": {");
      String sep = "\n";
      for (Map.Entry<String, List<String>> e : s.generatorRows().entrySet()) {
        out.append(sep).append("    ").append(quote(e.getKey())).append(": ").append(strings(e.getValue()));
        sep = ",\n";
      }
      out.append("\n  }");
    }
    Snapshot.StepBack back = s.beforeLatest();
    if (back != null) {
      out.append(",\n  \"beforeLatest\": {\n");
      out.append("    \"version\": ").append(back.version()).append(",\n");
      if (back.className() != null) {
        out.append("    \"class\": ").append(quote(back.className())).append(",\n");
      }
      out.append("    \"replaces\": ").append(strings(back.replaces())).append(",\n");
      out.append("    \"tables\": ");
      writeTables(out, back.tables(), back.tableClasses(), back.renames(), "    ");
      if (back.sequences() != null) { // only when the latest migration changed the sequences
        out.append(",\n    \"sequences\": ");
        writeSequences(out, back.sequences(), "    ");
      }
      if (back.enumTypes() != null) { // only when the latest migration changed the enum types
        out.append(",\n    \"enumTypes\": ");
        writeEnumTypes(out, back.enumTypes(), "    ");
      }
      out.append("\n  }");
    }
    return out.append("\n}\n").toString();
  }

  private static void writeTables(StringBuilder out, Collection<TableDefinition> tables, Map<String, String> classes,
      Map<Rename, Integer> renames, String indent) {
    Map<String, Map<String, Map.Entry<Rename, Integer>>> byTable = new TreeMap<>(); // table → column ("" for the table) → rename
    renames.entrySet().forEach(e -> byTable.computeIfAbsent(e.getKey().table(), k -> new TreeMap<>())
        .put(e.getKey().ofTable() ? "" : e.getKey().column(), e));
    if (tables.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[");
    String sep = "\n";
    for (TableDefinition t : tables) {
      out.append(sep);
      writeTable(out, t, classes.get(t.name()), byTable.getOrDefault(t.name(), Map.of()), indent + "  ");
      sep = ",\n";
    }
    out.append("\n").append(indent).append("]");
  }

  private static void writeTable(StringBuilder out, TableDefinition t, String modelClass,
      Map<String, Map.Entry<Rename, Integer>> renames, String indent) {
    String in = indent + "  ";
    out.append(indent).append("{\n");
    out.append(in).append("\"name\": ").append(quote(t.name()));
    if (modelClass != null) {
      out.append(",\n").append(in).append("\"model\": ").append(quote(modelClass));
    }
    Map.Entry<Rename, Integer> renamed = renames.get("");
    if (renamed != null) {
      out.append(",\n").append(in).append(renamed(renamed));
    }
    out.append(",\n").append(in).append("\"columns\": [");
    lines(out, t.columns().stream().map(c -> column(c, renames.get(c.name()))).toList(), in);
    if (!t.primaryKey().isEmpty()) {
      out.append(",\n").append(in).append("\"primaryKey\": ").append(strings(t.primaryKey()));
      if (t.primaryKeyName() != null) { // optional: only a name kept from an adopted database
        out.append(",\n").append(in).append("\"primaryKeyName\": ").append(quote(t.primaryKeyName()));
      }
    }
    if (!t.indexes().isEmpty()) {
      out.append(",\n").append(in).append("\"indexes\": [");
      lines(out, t.indexes().stream().map(SnapshotStore::index).toList(), in);
    }
    if (!t.foreignKeys().isEmpty()) {
      out.append(",\n").append(in).append("\"foreignKeys\": [");
      lines(out, t.foreignKeys().stream().map(SnapshotStore::foreignKey).toList(), in);
    }
    if (!t.checks().isEmpty()) { // optional: absent in older files and for tables without checks
      out.append(",\n").append(in).append("\"checks\": [");
      lines(out, t.checks().stream().map(k -> "{\"name\": " + quote(k.name()) + ", \"expression\": "
          + quote(k.expression()) + "}").toList(), in);
    }
    if (t.collation() != null) { // optional: absent for jmigrate's exact collation, so other files are unchanged
      out.append(",\n").append(in).append("\"collation\": ").append(quote(t.collation()));
    }
    if (t.comment() != null) { // optional: absent for a table without a comment, so other files are unchanged
      out.append(",\n").append(in).append("\"comment\": ").append(quote(t.comment()));
    }
    out.append("\n").append(indent).append("}");
  }

  /** {@code [{"name": "owner_seq", "start": 100, "increment": 50}, …]}: sorted by name, start and increment only when not 1. */
  private static void writeSequences(StringBuilder out, Collection<SequenceDefinition> sequences, String indent) {
    if (sequences.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[");
    lines(out, sequences.stream().map(q -> "{\"name\": " + quote(q.name())
        + (q.start() == 1 ? "" : ", \"start\": " + q.start())
        + (q.increment() == 1 ? "" : ", \"increment\": " + q.increment()) + "}").toList(), indent);
  }

  private static void writeEnumTypes(StringBuilder out, Collection<EnumTypeDefinition> types, String indent) {
    if (types.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[");
    lines(out, types.stream().map(e -> "{\"name\": " + quote(e.name()) + ", \"labels\": ["
        + String.join(", ", e.labels().stream().map(SnapshotStore::quote).toList()) + "]}").toList(), indent);
  }

  private static List<EnumTypeDefinition> readEnumTypes(JsonObject o, String where) throws SnapshotException {
    List<EnumTypeDefinition> out = new ArrayList<>();
    for (JsonElement e : array(o, "enumTypes", where)) {
      JsonObject t = object(e, "an enum type");
      List<String> labels = new ArrayList<>();
      for (JsonElement l : array(t, "labels", "an enum type")) {
        labels.add(l.getAsString());
      }
      out.add(new EnumTypeDefinition(identifier(t, "name", "an enum type"), labels));
    }
    return out;
  }

  private static List<SequenceDefinition> readSequences(JsonObject o, String where) throws SnapshotException {
    List<SequenceDefinition> out = new ArrayList<>();
    for (JsonElement e : array(o, "sequences", where)) {
      JsonObject q = object(e, "a sequence");
      out.add(new SequenceDefinition(identifier(q, "name", "a sequence"),
          q.has("start") ? q.get("start").getAsLong() : 1, q.has("increment") ? q.get("increment").getAsLong() : 1));
    }
    return out;
  }

  /** The items of an array, one per line, and the closing bracket. */
  private static void lines(StringBuilder out, List<String> items, String indent) {
    for (int i = 0; i < items.size(); i++) {
      out.append("\n").append(indent).append("  ").append(items.get(i)).append(i + 1 < items.size() ? "," : "");
    }
    out.append("\n").append(indent).append("]");
  }

  /** {@code "renamedFrom": "old", "renamedIn": N}. */
  private static String renamed(Map.Entry<Rename, Integer> r) {
    return "\"renamedFrom\": " + quote(r.getKey().from()) + ", \"renamedIn\": " + r.getValue();
  }

  /** One line per column: name, type, then each {@link ColumnProperty}'s keys when set. */
  private static String column(ColumnDefinition c, Map.Entry<Rename, Integer> renamed) {
    StringBuilder s = new StringBuilder("{\"name\": ").append(quote(c.name()))
        .append(", \"type\": ").append(quote(c.type().name()));
    for (ColumnProperty p : ColumnProperty.values()) {
      p.snapshot(c, (key, value) -> s.append(", ").append(quote(key)).append(": ").append(json(value)));
    }
    if (renamed != null) {
      s.append(", ").append(renamed(renamed));
    }
    return s.append('}').toString();
  }

  /** A property's value: a number, a boolean, a string, or an object of strings (sorted by the definition). */
  private static String json(Object value) {
    if (value instanceof Map<?, ?> m) {
      StringBuilder s = new StringBuilder("{");
      m.forEach((k, v) -> s.append(s.length() == 1 ? "" : ", ").append(quote(k.toString())).append(": ")
          .append(json(v)));
      return s.append('}').toString();
    }
    return value instanceof String v ? quote(v) : value.toString();
  }

  private static String index(IndexDefinition i) {
    return "{\"name\": " + quote(i.name()) + ", \"columns\": " + strings(i.columns())
        + (i.unique() ? ", \"unique\": true" : "") + "}";
  }

  private static String foreignKey(ForeignKeyDefinition f) {
    StringBuilder s = new StringBuilder("{\"name\": ").append(quote(f.name()))
        .append(", \"columns\": ").append(strings(f.columns()))
        .append(", \"refTable\": ").append(quote(f.refTable()))
        .append(", \"refColumns\": ").append(strings(f.refColumns()));
    if (f.onDelete() != ReferentialAction.NO_ACTION) {
      s.append(", \"onDelete\": ").append(quote(f.onDelete().name()));
    }
    if (f.onUpdate() != ReferentialAction.NO_ACTION) {
      s.append(", \"onUpdate\": ").append(quote(f.onUpdate().name()));
    }
    return s.append('}').toString();
  }

  private static String strings(List<String> values) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
    }
    return s.append(']').toString();
  }

  /** A JSON string: quotes, backslashes and control characters escaped, everything else as is (UTF-8 file). */
  static String quote(String v) {
    StringBuilder s = new StringBuilder(v.length() + 2).append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  /**
   * Only the header (format version, latest migration, the step back), read as a stream without
   * building the tables; null when it is not a header this version writes (the full read then
   * says why, or upgrades it).
   */
  public static Snapshot readHeader(String json) {
    try (JsonReader r = new JsonReader(new StringReader(json))) {
      int format = -1;
      int version = 0;
      String latestClass = null;
      Snapshot.StepBack back = null;
      Map<Rename, Integer> renames = new TreeMap<>();
      Map<String, List<String>> generatorRows = new TreeMap<>();
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        if (name.equals("formatVersion")) {
          format = r.nextInt();
        } else if (name.equals("latestMigration")) {
          r.beginObject();
          while (r.hasNext()) {
            String key = r.nextName();
            if (key.equals("version")) {
              version = r.nextInt();
            } else if (key.equals("class")) {
              latestClass = r.nextString();
            } else {
              r.skipValue();
            }
          }
          r.endObject();
        } else if (name.equals("beforeLatest")) {
          back = readStepBack(object(JsonParser.parseReader(r), "beforeLatest"));
        } else if (name.equals("generatorRows")) {
          r.beginObject();
          while (r.hasNext()) {
            String table = r.nextName();
            List<String> segments = new ArrayList<>();
            r.beginArray();
            while (r.hasNext()) {
              segments.add(r.nextString());
            }
            r.endArray();
            generatorRows.put(table, segments);
          }
          r.endObject();
        } else if (name.equals("tables")) {
          scanRenames(r, renames); // the tables: scanned for their recorded renames, not built
        } else {
          r.skipValue();
        }
      }
      return format == FORMAT_VERSION
          ? new Snapshot(Schema.empty(), Map.of(), renames, version, latestClass, back, generatorRows) : null;
    } catch (IOException | RuntimeException | SnapshotException e) {
      return null;
    }
  }

  /** The recorded renames of the tables array, read as a stream. */
  private static void scanRenames(JsonReader r, Map<Rename, Integer> renames) throws IOException {
    r.beginArray();
    while (r.hasNext()) {
      String table = null;
      String from = null;
      int in = 0;
      List<String[]> columns = new ArrayList<>(); // name, from, in
      r.beginObject();
      while (r.hasNext()) {
        String key = r.nextName();
        switch (key) {
          case "name" -> table = r.nextString();
          case "renamedFrom" -> from = r.nextString();
          case "renamedIn" -> in = r.nextInt();
          case "columns" -> {
            r.beginArray();
            while (r.hasNext()) {
              String[] c = new String[3];
              r.beginObject();
              while (r.hasNext()) {
                switch (r.nextName()) {
                  case "name" -> c[0] = r.nextString();
                  case "renamedFrom" -> c[1] = r.nextString();
                  case "renamedIn" -> c[2] = r.nextString();
                  default -> r.skipValue();
                }
              }
              r.endObject();
              if (c[1] != null) {
                columns.add(c);
              }
            }
            r.endArray();
          }
          default -> r.skipValue();
        }
      }
      r.endObject();
      if (from != null) {
        renames.put(Rename.table(table, from), in);
      }
      for (String[] c : columns) {
        renames.put(Rename.column(table, c[0], c[1]), Integer.parseInt(c[2]));
      }
    }
    r.endArray();
  }

  /** Parses and validates a snapshot of any format this version reads; every defect is a {@link SnapshotException} that says what is wrong. */
  public static Snapshot read(String json) throws SnapshotException {
    JsonObject root;
    try {
      JsonElement e = JsonParser.parseString(json);
      if (!e.isJsonObject()) {
        throw new SnapshotException("the snapshot is not a JSON object");
      }
      root = e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new SnapshotException("the snapshot is not valid JSON (" + e.getMessage() + ")");
    }
    try {
      int format = integer(root, "formatVersion", "the snapshot");
      if (format > FORMAT_VERSION) {
        throw new SnapshotException("the snapshot has formatVersion " + format + ", written by a newer jmigrate "
            + "(this one reads up to " + FORMAT_VERSION + "); upgrade jmigrate-processor");
      }
      if (format < 1) {
        throw new SnapshotException("the snapshot has an invalid formatVersion " + format);
      }
      int latestVersion = 0;
      String latestClass = null;
      if (root.has("latestMigration")) {
        JsonObject latest = object(root.get("latestMigration"), "latestMigration");
        latestVersion = integer(latest, "version", "latestMigration");
        latestClass = string(latest, "class", "latestMigration");
      }
      Map<String, String> classes = new TreeMap<>();
      Map<Rename, Integer> renames = new TreeMap<>();
      Schema schema = Schema.of(readTables(root, "the snapshot", classes, renames),
          root.has("sequences") ? readSequences(root, "the snapshot") : List.of());
      if (root.has("enumTypes")) {
        for (EnumTypeDefinition e : readEnumTypes(root, "the snapshot")) {
          schema = schema.withEnumType(e);
        }
      }
      checkReferences(schema);
      Snapshot.StepBack back = root.has("beforeLatest") ? readStepBack(object(root.get("beforeLatest"), "beforeLatest")) : null;
      Map<String, List<String>> generatorRows = new TreeMap<>();
      if (root.has("generatorRows")) {
        for (Map.Entry<String, JsonElement> e : object(root.get("generatorRows"), "generatorRows").entrySet()) {
          List<String> segments = new ArrayList<>();
          for (JsonElement segment : e.getValue().getAsJsonArray()) {
            segments.add(segment.getAsString());
          }
          generatorRows.put(e.getKey(), segments);
        }
      }
      return new Snapshot(schema, classes, renames, latestVersion, latestClass, back, generatorRows);
    } catch (IllegalStateException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      throw new SnapshotException("the snapshot is invalid: " + e.getMessage());
    }
  }

  private static Snapshot.StepBack readStepBack(JsonObject b) throws SnapshotException {
    Map<String, String> classes = new TreeMap<>();
    Map<Rename, Integer> renames = new TreeMap<>();
    List<TableDefinition> tables = readTables(b, "beforeLatest", classes, renames);
    return new Snapshot.StepBack(integer(b, "version", "beforeLatest"),
        b.has("class") ? string(b, "class", "beforeLatest") : null, strings(b, "replaces"), tables, classes, renames,
        b.has("sequences") ? readSequences(b, "beforeLatest") : null, b.has("enumTypes") ? readEnumTypes(b, "beforeLatest") : null);
  }

  private static List<TableDefinition> readTables(JsonObject o, String where, Map<String, String> classes,
      Map<Rename, Integer> renames) throws SnapshotException {
    List<TableDefinition> tables = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonElement te : array(o, "tables", where)) {
      JsonObject t = object(te, "a table");
      String name = identifier(t, "name", "a table");
      if (!names.add(name)) {
        throw new SnapshotException(where + " lists the table " + name + " twice");
      }
      if (t.has("model")) {
        classes.put(name, string(t, "model", name));
      }
      if (t.has("renamedFrom")) {
        renames.put(Rename.table(name, identifier(t, "renamedFrom", name)), integer(t, "renamedIn", name));
      }
      tables.add(readTable(name, t, renames));
    }
    return tables;
  }

  private static TableDefinition readTable(String name, JsonObject t, Map<Rename, Integer> renames) throws SnapshotException {
    List<ColumnDefinition> columns = new ArrayList<>();
    Set<String> columnNames = new HashSet<>();
    for (JsonElement ce : array(t, "columns", "table " + name)) {
      JsonObject c = object(ce, "a column of " + name);
      String where = "column of " + name;
      String cn = identifier(c, "name", where);
      if (!columnNames.add(cn)) {
        throw new SnapshotException("table " + name + " lists the column " + cn + " twice");
      }
      String typeName = string(c, "type", name + "." + cn);
      ColumnType type;
      try {
        type = ColumnType.valueOf(typeName);
      } catch (IllegalArgumentException e) {
        throw new SnapshotException("column " + name + "." + cn + " has the unknown type " + typeName);
      }
      ColumnDefinition col = ColumnDefinition.of(cn, type);
      Map<String, Object> keys = keys(c);
      for (ColumnProperty p : ColumnProperty.values()) {
        col = p.read(col, keys);
      }
      if (c.has("renamedFrom")) {
        renames.put(Rename.column(name, cn, identifier(c, "renamedFrom", name + "." + cn)),
            integer(c, "renamedIn", name + "." + cn));
      }
      columns.add(col);
    }
    if (columns.isEmpty()) {
      throw new SnapshotException("table " + name + " has no columns");
    }
    List<String> pk = strings(t, "primaryKey");
    for (String k : pk) {
      if (!columnNames.contains(k)) {
        throw new SnapshotException("the primary key of " + name + " names the unknown column " + k);
      }
    }
    List<IndexDefinition> indexes = new ArrayList<>();
    if (t.has("indexes")) {
      for (JsonElement ie : array(t, "indexes", name)) {
        JsonObject i = object(ie, "an index of " + name);
        List<String> cols = strings(i, "columns");
        for (String k : cols) {
          if (!columnNames.contains(k)) {
            throw new SnapshotException("an index of " + name + " names the unknown column " + k);
          }
        }
        indexes.add(new IndexDefinition(identifier(i, "name", "index of " + name), cols,
            i.has("unique") && i.get("unique").getAsBoolean()));
      }
    }
    List<ForeignKeyDefinition> fks = new ArrayList<>();
    if (t.has("foreignKeys")) {
      for (JsonElement fe : array(t, "foreignKeys", name)) {
        JsonObject f = object(fe, "a foreign key of " + name);
        fks.add(new ForeignKeyDefinition(identifier(f, "name", "foreign key of " + name), strings(f, "columns"),
            identifier(f, "refTable", "foreign key of " + name), strings(f, "refColumns"),
            f.has("onDelete") ? ReferentialAction.valueOf(f.get("onDelete").getAsString()) : ReferentialAction.NO_ACTION,
            f.has("onUpdate") ? ReferentialAction.valueOf(f.get("onUpdate").getAsString()) : ReferentialAction.NO_ACTION));
      }
    }
    String pkName = t.has("primaryKeyName") ? identifier(t, "primaryKeyName", "the primary key of " + name) : null;
    List<io.jmigrate.schema.CheckDefinition> checks = new ArrayList<>();
    if (t.has("checks")) {
      for (JsonElement ke : array(t, "checks", name)) {
        JsonObject k = object(ke, "a check of " + name);
        checks.add(new io.jmigrate.schema.CheckDefinition(identifier(k, "name", "check of " + name),
            string(k, "expression", "check of " + name)));
      }
    }
    String collation = t.has("collation") ? t.get("collation").getAsString() : null;
    String comment = t.has("comment") ? t.get("comment").getAsString() : null;
    return new TableDefinition(name, columns, pk, indexes, fks, pkName, collation, checks, comment);
  }

  private static void checkReferences(Schema schema) throws SnapshotException {
    for (TableDefinition t : schema.tables()) {
      for (ForeignKeyDefinition f : t.foreignKeys()) {
        TableDefinition ref = schema.find(f.refTable()).orElse(null);
        if (ref == null) {
          throw new SnapshotException("foreign key " + f.name() + " of " + t.name()
              + " references the table " + f.refTable() + ", which the snapshot does not have");
        }
        for (String c : f.refColumns()) {
          if (ref.column(c).isEmpty()) {
            throw new SnapshotException("foreign key " + f.name() + " references " + ref.name() + "." + c
                + ", which the snapshot does not have");
          }
        }
      }
    }
  }

  private static JsonObject object(JsonElement e, String what) throws SnapshotException {
    if (e == null || !e.isJsonObject()) {
      throw new SnapshotException(what + " is not a JSON object");
    }
    return e.getAsJsonObject();
  }

  private static JsonArray array(JsonObject o, String key, String where) throws SnapshotException {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonArray()) {
      throw new SnapshotException(where + " has no \"" + key + "\" array");
    }
    return e.getAsJsonArray();
  }

  private static String string(JsonObject o, String key, String where) throws SnapshotException {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new SnapshotException(where + " has no \"" + key + "\" string");
    }
    return e.getAsString();
  }

  private static String identifier(JsonObject o, String key, String where) throws SnapshotException {
    String s = string(o, key, where);
    if (!Naming.isValidIdentifier(s)) {
      throw new SnapshotException(where + " has the invalid name \"" + s + "\"");
    }
    return s;
  }

  private static int integer(JsonObject o, String key, String where) throws SnapshotException {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new SnapshotException(where + " has no \"" + key + "\" number");
    }
    return e.getAsInt();
  }

  /** A column's keys as {@link ColumnProperty#read} takes them: numbers, booleans, strings and objects of strings. */
  private static Map<String, Object> keys(JsonObject c) {
    Map<String, Object> keys = new java.util.HashMap<>();
    for (var e : c.entrySet()) {
      JsonElement v = e.getValue();
      if (v.isJsonObject()) {
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        v.getAsJsonObject().entrySet().forEach(x -> strings.put(x.getKey(), x.getValue().getAsString()));
        keys.put(e.getKey(), strings);
      } else if (v.isJsonPrimitive()) {
        var p = v.getAsJsonPrimitive();
        keys.put(e.getKey(), p.isBoolean() ? (Object) p.getAsBoolean() : p.isNumber() ? (Object) p.getAsInt() : p.getAsString());
      }
    }
    return keys;
  }

  private static List<String> strings(JsonObject o, String key) {
    List<String> out = new ArrayList<>();
    if (o.has(key)) {
      for (JsonElement e : o.get(key).getAsJsonArray()) {
        out.add(e.getAsString());
      }
    }
    return out;
  }
}
