package io.jmigrate.processor.snapshot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.jmigrate.ForeignKey.Action;
import io.jmigrate.schema.Column;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKey;
import io.jmigrate.schema.Index;
import io.jmigrate.schema.Names;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.Table;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and writes the snapshot as JSON that people read in pull requests: fixed key order,
 * tables sorted by name, columns in declaration order, keys with default values left out,
 * two-space indentation, a newline at the end. Equal snapshots give byte-identical text.
 */
public final class SnapshotStore {
  /** Bump when the format changes; older jmigrate versions refuse newer files. */
  public static final int FORMAT_VERSION = 1;

  private SnapshotStore() {}

  public static String write(Snapshot s) {
    try {
      StringWriter out = new StringWriter();
      JsonWriter w = new JsonWriter(out);
      w.setIndent("  ");
      w.beginObject();
      w.name("formatVersion").value(FORMAT_VERSION);
      w.name("generatedBy").value("jmigrate: do not edit by hand; the processor rewrites this file");
      if (s.latestClass() != null) {
        w.name("latestMigration").beginObject();
        w.name("version").value(s.latestVersion());
        w.name("class").value(s.latestClass());
        w.endObject();
      }
      w.name("tables").beginArray();
      for (Table t : s.schema().tables()) {
        writeTable(w, t, s.tableClasses().get(t.name()));
      }
      w.endArray();
      w.endObject();
      w.flush();
      return out + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringWriter does not fail
    }
  }

  private static void writeTable(JsonWriter w, Table t, String modelClass) throws IOException {
    w.beginObject();
    w.name("name").value(t.name());
    if (modelClass != null) {
      w.name("model").value(modelClass);
    }
    w.name("columns").beginArray();
    for (Column c : t.columns()) {
      w.beginObject();
      w.name("name").value(c.name());
      w.name("type").value(c.type().name());
      if (c.length() > 0) {
        w.name("length").value(c.length());
      }
      if (c.precision() > 0) {
        w.name("precision").value(c.precision());
        w.name("scale").value(c.scale());
      }
      w.name("nullable").value(c.nullable());
      if (c.defaultValue() != null) {
        w.name("defaultValue").value(c.defaultValue());
      }
      if (c.defaultSql() != null) {
        w.name("defaultSql").value(c.defaultSql());
      }
      if (c.generated()) {
        w.name("generated").value(true);
      }
      w.endObject();
    }
    w.endArray();
    if (!t.primaryKey().isEmpty()) {
      writeStrings(w.name("primaryKey"), t.primaryKey());
    }
    if (!t.indexes().isEmpty()) {
      w.name("indexes").beginArray();
      for (Index i : t.indexes()) {
        w.beginObject();
        w.name("name").value(i.name());
        writeStrings(w.name("columns"), i.columns());
        if (i.unique()) {
          w.name("unique").value(true);
        }
        w.endObject();
      }
      w.endArray();
    }
    if (!t.foreignKeys().isEmpty()) {
      w.name("foreignKeys").beginArray();
      for (ForeignKey f : t.foreignKeys()) {
        w.beginObject();
        w.name("name").value(f.name());
        writeStrings(w.name("columns"), f.columns());
        w.name("refTable").value(f.refTable());
        writeStrings(w.name("refColumns"), f.refColumns());
        if (f.onDelete() != Action.NO_ACTION) {
          w.name("onDelete").value(f.onDelete().name());
        }
        if (f.onUpdate() != Action.NO_ACTION) {
          w.name("onUpdate").value(f.onUpdate().name());
        }
        w.endObject();
      }
      w.endArray();
    }
    w.endObject();
  }

  private static void writeStrings(JsonWriter w, List<String> values) throws IOException {
    w.beginArray();
    for (String v : values) {
      w.value(v);
    }
    w.endArray();
  }

  /**
   * Only the header (format version and latest migration), read as a stream without building
   * the tables; null when it is not a header this version reads (the full read then says why).
   */
  public static Snapshot readHeader(String json) {
    try (JsonReader r = new JsonReader(new StringReader(json))) {
      int format = -1;
      int version = 0;
      String latestClass = null;
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
        } else if (name.equals("tables")) {
          break;
        } else {
          r.skipValue();
        }
      }
      return format == FORMAT_VERSION ? new Snapshot(Schema.empty(), Map.of(), version, latestClass) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Parses and validates a snapshot; every defect is a {@link SnapshotException} that says what is wrong. */
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
      List<Table> tables = new ArrayList<>();
      Map<String, String> classes = new TreeMap<>();
      for (JsonElement te : array(root, "tables", "the snapshot")) {
        JsonObject t = object(te, "a table");
        String name = identifier(t, "name", "a table");
        if (t.has("model")) {
          classes.put(name, string(t, "model", name));
        }
        tables.add(readTable(name, t));
      }
      Set<String> names = new HashSet<>();
      for (Table t : tables) {
        if (!names.add(t.name())) {
          throw new SnapshotException("the snapshot lists the table " + t.name() + " twice");
        }
      }
      Schema schema = Schema.of(tables);
      checkReferences(schema);
      return new Snapshot(schema, classes, latestVersion, latestClass);
    } catch (IllegalStateException | UnsupportedOperationException | IllegalArgumentException e) {
      throw new SnapshotException("the snapshot is invalid: " + e.getMessage());
    }
  }

  private static Table readTable(String name, JsonObject t) throws SnapshotException {
    List<Column> columns = new ArrayList<>();
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
      Column col = Column.of(cn, type)
          .length(optInt(c, "length"))
          .precision(optInt(c, "precision"), optInt(c, "scale"))
          .nullable(!c.has("nullable") || c.get("nullable").getAsBoolean());
      if (c.has("defaultValue")) {
        col = col.defaultValue(c.get("defaultValue").getAsString());
      }
      if (c.has("defaultSql")) {
        col = col.defaultSql(c.get("defaultSql").getAsString());
      }
      if (c.has("generated") && c.get("generated").getAsBoolean()) {
        col = col.identity();
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
    List<Index> indexes = new ArrayList<>();
    if (t.has("indexes")) {
      for (JsonElement ie : array(t, "indexes", name)) {
        JsonObject i = object(ie, "an index of " + name);
        List<String> cols = strings(i, "columns");
        for (String k : cols) {
          if (!columnNames.contains(k)) {
            throw new SnapshotException("an index of " + name + " names the unknown column " + k);
          }
        }
        indexes.add(new Index(identifier(i, "name", "index of " + name), cols,
            i.has("unique") && i.get("unique").getAsBoolean()));
      }
    }
    List<ForeignKey> fks = new ArrayList<>();
    if (t.has("foreignKeys")) {
      for (JsonElement fe : array(t, "foreignKeys", name)) {
        JsonObject f = object(fe, "a foreign key of " + name);
        fks.add(new ForeignKey(identifier(f, "name", "foreign key of " + name), strings(f, "columns"),
            identifier(f, "refTable", "foreign key of " + name), strings(f, "refColumns"),
            f.has("onDelete") ? Action.valueOf(f.get("onDelete").getAsString()) : Action.NO_ACTION,
            f.has("onUpdate") ? Action.valueOf(f.get("onUpdate").getAsString()) : Action.NO_ACTION));
      }
    }
    return new Table(name, columns, pk, indexes, fks);
  }

  private static void checkReferences(Schema schema) throws SnapshotException {
    for (Table t : schema.tables()) {
      for (ForeignKey f : t.foreignKeys()) {
        Table ref = schema.find(f.refTable()).orElse(null);
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
    if (!Names.isValidIdentifier(s)) {
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

  private static int optInt(JsonObject o, String key) {
    return o.has(key) ? o.get(key).getAsInt() : 0;
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
