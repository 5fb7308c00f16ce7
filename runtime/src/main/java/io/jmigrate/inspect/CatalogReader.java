package io.jmigrate.inspect;

import io.jmigrate.dialect.LiveAttribute;
import io.jmigrate.catalog.LiveAttributes;
import io.jmigrate.catalog.LiveColumn;
import io.jmigrate.catalog.Partitions;
import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.catalog.TypeShape;
import io.jmigrate.dialect.Dialect;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Names;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.schema.TableDefinition;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a live database's catalog (JDBC metadata, in the connection's current schema, as
 * {@code validate} does) into table definitions, using the dialect's own reading of type names
 * ({@link Dialect#liveType}), so that what inspect writes is what {@code validate} later accepts.
 * Whatever has no model form becomes a {@link Finding}; nothing is dropped without one.
 */
final class CatalogReader {
  private static final String HISTORY = "jmigrate_history";
  private static final String LEASE = "jmigrate_lock";

  private final Connection c;
  private final Dialect d;
  private final DatabaseMetaData meta;
  private final String catalog;
  private final String schema;
  private final List<Finding> findings = new ArrayList<>();
  private List<LiveAttribute> attributes; // what live tables have beyond the model's values, read once

  CatalogReader(Connection c) throws SQLException {
    this.c = c;
    this.d = Dialect.of(c);
    this.meta = c.getMetaData();
    this.catalog = d.currentCatalog(c);
    this.schema = d.currentSchema(c);
  }

  String dialect() {
    return d.name();
  }

  /** The tables (all, or those named in {@code only}) and the findings about everything else. */
  Inspection read(Set<String> only) throws SQLException {
    Map<String, String> partitions = partitions();
    attributes = LiveAttributes.read(c, d);
    TreeSet<String> tables = new TreeSet<>();
    try (ResultSet rs = meta.getTables(catalog, schema, "%", null)) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
        if (d.isSystemTable(name) || name.equals(HISTORY) || name.equalsIgnoreCase(LEASE) || type.contains("SYSTEM")
            || (!only.isEmpty() && !only.contains(name))) {
          continue;
        }
        if (type.equals(Partitions.PARTITIONED_TABLE)) {
          tables.add(name); // the parent is the model; its partitions stay the database's
          partitioned.add(name);
        } else if (type.equals("TABLE") || type.equals("BASE TABLE")) {
          if (partitions.containsKey(name)) {
            findings.add(new Finding(null, "partition " + name, "left out: a partition of " + partitions.get(name)
                + ", which holds its rows; partitioning has no model form, and no migration touches either"));
          } else {
            tables.add(name);
          }
        } else if (type.contains("VIEW")) {
          findings.add(new Finding(null, type.toLowerCase(Locale.ROOT) + " " + name, "left out: views have no model form;"
              + " left in the database as they are (a view over a table that a migration rebuilds or renames may need"
              + " recreating by hand, in an sql step)"));
        } else if (type.contains("TABLE")) {
          findings.add(new Finding(null, type.toLowerCase(Locale.ROOT) + " " + name, "left out: "
              + type.toLowerCase(Locale.ROOT) + "s have no model form; no migration touches it"));
        }
      }
    }
    for (String wanted : only) {
      if (!tables.contains(wanted) && findings.stream().noneMatch(f -> f.object().endsWith(" " + wanted))) {
        throw new IllegalArgumentException("the database has no table " + wanted + " (in its current schema)");
      }
    }
    otherObjects();

    // First the tables that can be models at all, then the keys between them.
    Map<String, TableDraft> drafts = new TreeMap<>();
    for (String name : tables) {
      TableDraft draft = columns(name);
      if (draft.problems.isEmpty()) {
        drafts.put(name, draft);
      } else {
        findings.add(new Finding(null, "table " + name, "left out, with everything on it: " + String.join("; ", draft.problems)
            + ". No model describes it, so no migration touches it"));
      }
    }
    List<InspectedTable> out = new ArrayList<>();
    for (TableDraft draft : drafts.values()) {
      out.add(keys(draft, drafts));
    }
    List<io.jmigrate.schema.EnumTypeDefinition> modelledTypes = modelledEnumTypes(out);
    // A modelled enum type is no object left to the database.
    findings.removeIf(f -> modelledTypes.stream().anyMatch(e -> f.object().equals("enum type " + e.name())));
    return new Inspection(d.name(), out, findings, sequences(), declaration(out), modelledTypes);
  }

  /** The sequences no column owns (modelled since jmigrate has sequences); a failed read is reported. */
  private List<io.jmigrate.schema.SequenceDefinition> sequences() {
    try {
      java.util.Map<String, io.jmigrate.schema.SequenceDefinition> live = d.liveSequences(c);
      return live == null ? List.of() : List.copyOf(live.values());
    } catch (SQLException e) {
      findings.add(new Finding(null, "sequences", "could not be listed (" + e.getMessage() + "); check for them by hand"));
      return List.of();
    }
  }

  private Map<String, io.jmigrate.schema.EnumTypeDefinition> enumTypes; // the live ones, read once

  /** The live enum type a column's type name names (the driver quotes a name that needs it), or null. */
  private io.jmigrate.schema.EnumTypeDefinition enumType(String typeName) {
    if (enumTypes == null) {
      try {
        enumTypes = d.liveEnumTypes(c);
      } catch (SQLException e) {
        enumTypes = Map.of();
        findings.add(new Finding(null, "enum types", "could not be listed (" + e.getMessage() + "); their columns are left out"));
      }
    }
    if (typeName == null) {
      return null;
    }
    String unquoted = typeName.length() > 1 && typeName.startsWith("\"") && typeName.endsWith("\"")
        ? typeName.substring(1, typeName.length() - 1).replace("\"\"", "\"") : typeName;
    return enumTypes.get(unquoted);
  }

  /** Why a model cannot declare the type: its name or a label cannot be written as a Java enum; null when it can. */
  private static String enumTypeProblem(io.jmigrate.schema.EnumTypeDefinition e) {
    if (!validName(e.name())) {
      return "whose name is not a plain identifier";
    }
    for (String label : e.labels()) {
      if (!javax.lang.model.SourceVersion.isName(label)) {
        return "whose label '" + label + "' is not a Java name (a model declares the labels as a Java enum's constants)";
      }
    }
    return null;
  }

  /** The enum types of the modelled tables' columns (the others stay the database's). */
  private List<io.jmigrate.schema.EnumTypeDefinition> modelledEnumTypes(List<InspectedTable> modelled) {
    Set<String> used = new TreeSet<>();
    modelled.forEach(t -> t.table().columns().stream().filter(col -> col.enumType() != null).forEach(col -> used.add(col.enumType())));
    return used.stream().map(enumTypes::get).toList();
  }

  /** Kinds of object a finding may leave to the database as a whole. */
  private static final List<String> WHOLE = List.of("table ", "partition ", "view ", "materialized view ", "foreign table ",
      "trigger ", "function ", "routine ", "domain ", "enum type ", "sequence ", "check constraint ", "exclusion constraint ",
      "index ");

  /**
   * What the database keeps and the models do not describe, for {@link Unmanaged}: every object left out
   * (views, functions, tables, partitions, indexes, …), and the attributes of the modelled tables.
   */
  private Unmanaged declaration(List<InspectedTable> modelled) {
    List<Unmanaged.Entry> entries = new ArrayList<>();
    List<Finding> all = new ArrayList<>(findings);
    modelled.forEach(t -> all.addAll(t.leftOut()));
    for (Finding f : all) {
      String object = f.object();
      if (WHOLE.stream().anyMatch(object::startsWith)) {
        int colon = object.indexOf(": ");
        entries.add(Unmanaged.Entry.object(colon < 0 ? object : object.substring(0, colon)));
      }
    }
    leftOutKeys.forEach(k -> entries.add(Unmanaged.Entry.object(k)));
    Set<String> names = new TreeSet<>();
    modelled.forEach(t -> names.add(t.table().name()));
    for (LiveAttribute a : attributes) {
      if (names.contains(a.table()) && !modelledGenerated.contains(a.object())
          && !(a.attribute().equals("collation") && modelledCollations.contains(a.object()))) {
        entries.add(new Unmanaged.Entry(a.object(), a.attribute(), a.value()));
        if (a.leftOut()) {
          entries.add(Unmanaged.Entry.object(a.object()));
        }
      }
    }
    return new Unmanaged(entries);
  }

  private final Set<String> partitioned = new TreeSet<>();
  private final Set<String> modelledGenerated = new TreeSet<>(); // generated columns read into the model
  private final Set<String> modelledCollations = new TreeSet<>(); // columns whose collation is read into the model

  /**
   * A generated column's expression and storage from a catalog's text of it ({@code GENERATED ALWAYS AS
   * (expr) STORED}, MariaDB's {@code varchar(40) AS (expr) VIRTUAL}, H2's without a storage word, stored
   * here; SQLite's default is VIRTUAL), as a column carrying only those; null when the text has no {@code AS (…)}.
   */
  static ColumnDefinition generation(String text, boolean virtualByDefault) {
    Matcher as = Pattern.compile("(?i)\\bAS\\s*\\(").matcher(text);
    if (!as.find()) {
      return null;
    }
    int depth = 0;
    int start = as.end() - 1;
    for (int i = start; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\'' ) { // skip a string literal
        int close = text.indexOf('\'', i + 1);
        if (close < 0) {
          return null;
        }
        i = close;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')' && --depth == 0) {
        String rest = text.substring(i + 1).toUpperCase(Locale.ROOT);
        boolean stored = rest.contains("STORED") || rest.contains("PERSISTENT")
            || !rest.contains("VIRTUAL") && !virtualByDefault;
        return ColumnDefinition.of("c", ColumnType.STRING).generatedAs(text.substring(start + 1, i).strip(), stored);
      }
    }
    return null;
  }
  private final Set<String> leftOutKeys = new TreeSet<>(); // foreign keys a model cannot declare, as validate names them

  /** A table being read: its columns, and why it cannot be a model (empty when it can). */
  private static final class TableDraft {
    final String name;
    final List<InspectedColumn> columns = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<Finding> leftOut = new ArrayList<>();

    TableDraft(String name) {
      this.name = name;
    }

    ColumnDefinition column(String columnName) {
      return columns.stream().map(InspectedColumn::column).filter(col -> col.name().equals(columnName)).findFirst().orElse(null);
    }
  }

  private TableDraft columns(String table) throws SQLException {
    TableDraft t = new TableDraft(table);
    if (!validName(table)) {
      t.problems.add("its name is not a plain identifier (ASCII letters, digits and underscores, at most 63 characters),"
          + " which jmigrate requires");
    }
    List<LiveColumn> rows = LiveColumn.of(c, d, catalog, schema, table);
    if (partitioned.contains(table)) {
      t.leftOut.add(finding(table, "partitioning of " + table, "kept by the database: the model describes the"
          + " partitioned table as a plain one, and its partitions stay the database's (a fresh database gets a plain"
          + " table). A change to it runs on the parent, which PostgreSQL applies to every partition; one that"
          + " PostgreSQL refuses on a partitioned table (an index built CONCURRENTLY) fails before it changes anything"));
    }
    Set<String> leftOutColumns = new TreeSet<>();
    java.util.Map<String, ColumnDefinition> generatedColumns = new java.util.HashMap<>();
    java.util.Map<String, String> collations = new java.util.HashMap<>(); // columns with a collation of their own
    for (LiveAttribute a : attributes) {
      if (!a.table().equals(table)) {
        continue;
      }
      if (a.attribute().equals("collation") && a.object().startsWith("column ") && d.keepsColumnCollations()) {
        collations.put(a.object().substring(a.object().indexOf('.') + 1), d.collationOf(a.value()));
        continue; // read into the model below (a text column), or kept as before (any other)
      }
      ColumnDefinition generation = a.attribute().equals("generated") && a.object().startsWith("column ")
          ? generation(a.value(), d.name().equals("sqlite")) : null;
      if (generation != null) {
        generatedColumns.put(a.object().substring(a.object().indexOf('.') + 1), generation);
        modelledGenerated.add(a.object());
      } else if (a.leftOut() && a.object().startsWith("column ")) {
        leftOutColumns.add(a.object().substring(a.object().indexOf('.') + 1));
        t.leftOut.add(finding(table, a.object(), "left out: a generated column (" + a.value() + ") has no model form"
            + " (modelled as a plain column or a default it would be wrong on every new database); the database keeps"
            + " computing it, " + Unmanaged.RESOURCE + " declares it, and a change that would rebuild the table without it"
            + " is refused"));
      } else if (a.leftOut()) {
        t.leftOut.add(finding(table, a.object(), "left out: its " + a.attribute() + " (" + a.value() + ") has no model"
            + " form (a model's index is a B-tree of ascending key columns only); it stays in the database and "
            + Unmanaged.RESOURCE + " declares it"));
      } else if (a.attribute().equals("auto_increment")) {
        String column = a.object().substring(a.object().indexOf('.') + 1);
        t.leftOut.add(finding(table, a.object(), "the database generates its values (AUTO_INCREMENT), which jmigrate"
            + " models only on a signed int or long column, not on this column of a type it does not model: the model"
            + " declares a plain column, the database keeps AUTO_INCREMENT, " + Unmanaged.RESOURCE + " declares it,"
            + " validate reports it undeclared, and a migration that would restate the column (MODIFY COLUMN) is refused."
            + " A database made from the migrations has no AUTO_INCREMENT on " + table + "." + column + ": add it there"
            + " with an sql step (ALTER TABLE " + table + " MODIFY " + column + " … NOT NULL AUTO_INCREMENT)"));
      } else {
        t.leftOut.add(finding(table, a.object(), "kept by the database, not in the model: " + a.attribute() + " ("
            + a.value() + "). " + Unmanaged.RESOURCE + " declares it, validate reports it when it differs, and a"
            + " migration whose statements would remove it (MariaDB's MODIFY COLUMN, SQLite's table rebuild) is refused"
            + " before it changes anything"));
      }
    }
    for (LiveColumn r : rows) {
      String name = r.name();
      if (leftOutColumns.contains(name)) {
        continue;
      }
      String typeName = r.typeName();
      String shown = r.shown();
      if (!validName(name)) {
        t.problems.add("the column " + name + " has a name that is not a plain identifier");
        continue;
      }
      io.jmigrate.schema.EnumTypeDefinition enumType = enumType(typeName);
      if (enumType != null) {
        String why = enumTypeProblem(enumType);
        if (why != null) { // the type stays the database's; the column names it as written
          t.columns.add(nativeColumn(t, r, "the enum type " + enumType.name() + " is " + why.replaceFirst("^whose ", "one whose ")));
          continue;
        }
        ColumnDefinition col = ColumnDefinition.of(name, ColumnType.ENUM).enumType(enumType.name()).nullable(r.nullable())
            .comment(r.comment());
        t.columns.add(new InspectedColumn(Defaults.apply(col, r.defaultText()), shown));
        continue;
      }
      ColumnType type = d.liveType(typeName);
      String why = unsupported(type, typeName, r.size());
      if (why != null) { // a type jmigrate does not model: the column names it as the database writes it
        t.columns.add(nativeColumn(t, r, why));
        continue;
      }
      ColumnDefinition col = ColumnDefinition.of(name, type).nullable(r.nullable()).comment(r.comment());
      TypeShape shape = r.shape(d);
      if (type == ColumnType.STRING_ARRAY) {
        // H2 names the element's length in the type (VARCHAR(20) ARRAY) and gives the array's cardinality as its size
        String upperType = typeName.toUpperCase(Locale.ROOT);
        Matcher element = Pattern.compile(".*\\((\\d+)\\) ARRAY").matcher(upperType);
        int n = element.matches() ? Integer.parseInt(element.group(1)) : upperType.endsWith(" ARRAY") ? 0 : r.size();
        col = col.length(n <= 0 || n > TypeShape.MAX_VARCHAR ? 0 : n);
      } else if (type == ColumnType.CHAR) {
        col = col.length(r.size() <= 0 || r.size() > TypeShape.MAX_VARCHAR ? 1 : r.size());
      } else if (type == ColumnType.STRING) {
        col = col.length(shape.length());
      } else if (type == ColumnType.DECIMAL && shape.precision() > 0) {
        col = col.precision(shape.precision(), shape.scale());
      }
      ColumnDefinition generation = generatedColumns.get(name);
      if (generation != null) { // the database computes it: no default, the expression as the database gives it
        col = col.generatedAs(generation.generatedAs(), generation.stored());
      } else if (r.generated()) {
        col = col.identity();
      } else {
        col = Defaults.apply(col, r.defaultText(), d.name().equals("mariadb")); // MariaDB escapes backslashes
      }
      String collation = collations.remove(name);
      if (collation != null && col.type().collates()) {
        col = col.collation(collation);
        modelledCollations.add("column " + table + "." + name);
      }
      t.columns.add(new InspectedColumn(col, shown));
    }
    for (var kept : collations.entrySet()) { // not a text column the model can give a collation to: kept as before
      LiveAttribute a = attributes.stream().filter(x -> x.table().equals(table) && x.attribute().equals("collation")
          && x.object().equals("column " + table + "." + kept.getKey())).findFirst().orElseThrow();
      t.leftOut.add(finding(table, a.object(), "kept by the database, not in the model: collation (" + a.value() + ")."
          + " " + Unmanaged.RESOURCE + " declares it, validate reports it when it differs, and a migration whose"
          + " statements would remove it is refused before it changes anything"));
    }
    if (rows.isEmpty()) {
      t.problems.add("it has no columns");
    }
    return t;
  }

  private Map<String, String> nativeTypes; // of the table being read
  private String nativeTypesOf;

  /**
   * A column of a type jmigrate does not model (a domain, {@code tsvector}, {@code interval}, an array of
   * another element type, MariaDB's {@code CHAR(10)}): {@code @Column(sqlType)} with the type as the database
   * writes it, created as written and compared by name; its default, if any, as the database spells it.
   */
  private InspectedColumn nativeColumn(TableDraft t, LiveColumn r, String why) throws SQLException {
    if (!t.name.equals(nativeTypesOf)) {
      nativeTypes = d.liveCatalog().nativeTypes(c, t.name);
      nativeTypesOf = t.name;
    }
    String sql = nativeTypes.getOrDefault(r.name(), r.shown() != null ? r.shown() : r.typeName());
    ColumnDefinition col = ColumnDefinition.of(r.name(), ColumnType.STRING).sqlType(sql).nullable(r.nullable())
        .comment(r.comment());
    if (r.defaultText() != null && !r.defaultText().isBlank() && !r.defaultText().trim().equalsIgnoreCase("NULL")) {
      col = col.defaultSql(r.defaultText().trim());
    }
    t.leftOut.add(finding(t.name, "column " + t.name + "." + r.name(), "of the type " + sql + " (" + why + "): modelled as"
        + " @Column(sqlType = \"" + sql + "\"), which a migration creates as written and validate compares by name;"
        + " jmigrate never changes its type"));
    return new InspectedColumn(col, r.shown());
  }

  /** Why a live type has no model form here, or null when it has one. */
  private static String unsupported(ColumnType type, String typeName, int size) {
    String upper = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    if (type == null) {
      if (upper.startsWith("_") || upper.endsWith("[]") || upper.startsWith("ARRAY")) {
        return "an array of elements jmigrate has no array type for";
      }
      return "no jmigrate type";
    }
    if (type == ColumnType.UUID && upper.equals("CHAR") && size != 36) {
      return "fixed-length text: jmigrate reads MariaDB's CHAR(36) as a UUID and makes its own CHAR(n) a VARCHAR(n) here,"
          + " as Hibernate does";
    }
    if (upper.contains("UNSIGNED") || upper.contains("ZEROFILL")) {
      return "an unsigned integer, whose largest values no signed Java type holds";
    }
    if (type == ColumnType.BOOLEAN && upper.equals("TINYINT") && size > 1) {
      return "a small integer (jmigrate reads TINYINT(1) as a BOOLEAN)";
    }
    return null;
  }

  private Map<String, Map<String, String>> checks;

  /** The live checks, read once. */
  private Map<String, Map<String, String>> checks() throws SQLException {
    if (checks == null) {
      checks = io.jmigrate.catalog.LiveChecks.read(c, d);
    }
    return checks;
  }

  /** The columns with the key's columns in the key's order, in the places the key's columns had. */
  private static List<ColumnDefinition> keyOrdered(List<ColumnDefinition> columns, List<String> key) {
    Map<String, ColumnDefinition> byName = new java.util.HashMap<>();
    columns.forEach(c -> byName.put(c.name(), c));
    List<ColumnDefinition> out = new ArrayList<>();
    int next = 0;
    for (ColumnDefinition c : columns) {
      out.add(key.contains(c.name()) ? byName.get(key.get(next++)) : c);
    }
    return out;
  }

  /** The schema (or, where schemas are catalogs, the catalog) of a foreign key's referenced table when it is not this one's; else null. */
  private String otherSchema(ResultSet rs) throws SQLException {
    String refSchema = rs.getString("PKTABLE_SCHEM");
    String refCatalog = rs.getString("PKTABLE_CAT");
    if (schema != null && refSchema != null && !refSchema.equalsIgnoreCase(schema)) {
      return refSchema;
    }
    if (schema == null && catalog != null && refCatalog != null && !refCatalog.equalsIgnoreCase(catalog)) {
      return refCatalog;
    }
    return null;
  }

  /** The primary key, foreign keys and indexes of a table whose columns are all models' columns. */
  private InspectedTable keys(TableDraft t, Map<String, TableDraft> modelled) throws SQLException {
    List<Finding> leftOut = new ArrayList<>(t.leftOut);

    TreeMap<Integer, String> pk = new TreeMap<>();
    String pkName = null;
    try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, t.name)) {
      while (rs.next()) {
        pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        pkName = rs.getString("PK_NAME");
      }
    }
    List<String> key = List.copyOf(pk.values());
    List<ColumnDefinition> modelColumns = t.columns.stream().map(InspectedColumn::column).toList();
    List<String> inColumnOrder = modelColumns.stream().map(ColumnDefinition::name).filter(key::contains).toList();
    if (!key.isEmpty() && !inColumnOrder.equals(key)) {
      // A model declares its key in the order of its fields (a partitioned table's key often leads with the
      // partition column, declared later): the key's fields change places, so the key is the table's and
      // baseline and validate accept it; only the column order of a table built afresh differs.
      modelColumns = keyOrdered(modelColumns, key);
      leftOut.add(finding(t.name, "primary key " + key, "the model lists the key's fields in the key's order, "
          + key + ", where the table has them as " + inColumnOrder + " (a table built afresh from the model has"
          + " its columns in the model's order)"));
    }
    TableDefinition table = new TableDefinition(t.name, modelColumns, List.of(), List.of(), List.of())
        .collation(d.liveCollation(c, t.name)).comment(d.liveTableComment(c, t.name));
    if (!key.isEmpty()) {
      table = table.withPrimaryKey(key);
      for (String k : key) { // SQLite reports its rowid alias as nullable; a key column never is
        table = table.replaceColumn(table.column(k).orElseThrow().nullable(false));
      }
      if (!key.isEmpty() && d.addressesKeysByName() && pkName != null && !pkName.equals(d.primaryKeyConstraint(t.name))) {
        if (validName(pkName)) {
          table = table.primaryKeyName(pkName);
        } else {
          leftOut.add(finding(t.name, "primary key name " + pkName, "not a plain identifier: the model names it "
              + d.primaryKeyConstraint(t.name) + " (rename the constraint before baseline)"));
        }
      }
      boolean generatedKey = key.size() == 1 && table.column(key.get(0)).map(ColumnDefinition::generated).orElse(false);
      for (ColumnDefinition col : table.columns()) {
        if (col.generated() && !(generatedKey && key.contains(col.name()) && col.type().isInteger())) {
          table = table.replaceColumn(new ColumnDefinition(col.name(), col.type(), col.length(), col.precision(),
              col.scale(), col.nullable(), null, null, false).comment(col.comment()).collation(col.collation()));
          leftOut.add(finding(t.name, "column " + t.name + "." + col.name(), "the database generates its values (identity"
              + " or auto-increment), which jmigrate models only for a single integer primary key: the model declares"
              + " a plain column, and the database keeps generating them"));
        }
      }
    }

    // Foreign keys: one per name (columns in key order); a key on one column becomes @ForeignKey on its field.
    Map<String, List<String[]>> fks = new LinkedHashMap<>();
    Map<String, int[]> actions = new TreeMap<>();
    int unnamed = 0;
    try (ResultSet rs = meta.getImportedKeys(catalog, schema, t.name)) {
      String current = null;
      while (rs.next()) {
        String name = rs.getString("FK_NAME");
        if (rs.getInt("KEY_SEQ") == 1 || current == null) {
          current = name == null || name.isEmpty() ? "\u0000" + (unnamed++) : name;
        }
        fks.computeIfAbsent(current, k -> new ArrayList<>()).add(new String[] {rs.getString("FKCOLUMN_NAME"),
            rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME"), otherSchema(rs)});
        actions.put(current, new int[] {rs.getInt("DELETE_RULE"), rs.getInt("UPDATE_RULE")});
      }
    }
    Set<String> fkColumns = new TreeSet<>();
    Set<String> keyNames = new TreeSet<>(); // every foreign key's, modelled or not: their indexes are theirs
    fks.keySet().forEach(k -> keyNames.add(k.toLowerCase(Locale.ROOT)));
    for (Map.Entry<String, List<String[]>> e : fks.entrySet()) {
      List<String[]> pairs = e.getValue();
      String name = e.getKey().startsWith("\u0000") ? null : e.getKey();
      String shown = (name == null ? "" : name + " ") + "(" + String.join(", ", pairs.stream().map(p -> p[0]).toList())
          + ") -> " + pairs.get(0)[1];
      String refTable = pairs.get(0)[1];
      String why = null;
      if (pairs.size() > 1) {
        why = "it has " + pairs.size() + " columns; a model declares a foreign key on one field";
      } else if (pairs.get(0)[3] != null) {
        why = "it references " + pairs.get(0)[3] + "." + refTable + ", a table in another schema, which jmigrate does"
            + " not manage (it reads and migrates the connection's schema only); the key is kept as the database has it,"
            + " and a fresh database made from the migrations does not have it";
      } else if (!modelled.containsKey(refTable)) {
        why = "it references " + refTable + ", which inspect did not write a model for"
            + (findings.stream().anyMatch(f -> f.object().equals("table " + refTable)) ? " (see there)" : " (not selected)");
      } else if (!fkColumns.add(pairs.get(0)[0])) {
        why = "its column already has a foreign key; a field declares one";
      } else if (name != null && !validName(name)) {
        why = "its name is not a plain identifier";
      } else {
        ColumnDefinition own = t.column(pairs.get(0)[0]);
        ColumnDefinition ref = modelled.get(refTable).column(pairs.get(0)[2]);
        if (own == null || ref == null || own.type() != ref.type() || !java.util.Objects.equals(own.sqlType(), ref.sqlType())) {
          why = "its column and the referenced one have different types, which a model cannot declare";
        }
      }
      if (why != null) {
        leftOut.add(finding(t.name, "foreign key " + t.name + " " + shown, "left out: " + why
            + ". The constraint stays in the database; " + Unmanaged.RESOURCE + " declares it, so validate accepts it"));
        leftOutKeys.add(Unmanaged.foreignKey(t.name, pairs.stream().map(p -> p[0]).toList(), refTable,
            pairs.stream().map(p -> p[2]).toList()));
        continue;
      }
      String column = pairs.get(0)[0];
      String fkName = name == null || name.equals(Names.constraintName("fk", t.name, List.of(column)))
          ? Names.constraintName("fk", t.name, List.of(column)) : name;
      int[] rules = actions.get(e.getKey());
      table = table.foreignKey(new ForeignKeyDefinition(fkName, List.of(column), refTable, List.of(pairs.get(0)[2]),
          action(rules[0]), action(rules[1])));

    }

    // Indexes: those the database made for a key are the key's; expression and partial ones have no model form.
    Map<String, TreeMap<Integer, String>> indexColumns = new LinkedHashMap<>();
    Map<String, Boolean> unique = new TreeMap<>();
    Set<String> noModelForm = new TreeSet<>();
    try (ResultSet rs = meta.getIndexInfo(catalog, schema, t.name, false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        String column = rs.getString("COLUMN_NAME");
        String filter = rs.getString("FILTER_CONDITION");
        if (column == null || table.column(column).isEmpty() || (filter != null && !filter.isBlank())) {
          noModelForm.add(name);
        }
        indexColumns.computeIfAbsent(name, k -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"), column);
        unique.put(name, !rs.getBoolean("NON_UNIQUE"));
      }
    }
    for (Map.Entry<String, TreeMap<Integer, String>> e : indexColumns.entrySet()) {
      String name = e.getKey();
      List<String> columns = new ArrayList<>(e.getValue().values()); // null for an expression
      boolean isUnique = unique.get(name);
      if (madeForAKey(name, pkName, columns, key, keyNames)) {
        continue;
      }
      if (name.startsWith("sqlite_autoindex_")) {
        leftOut.add(finding(t.name, "unique constraint " + t.name + " " + columns, "left out: declared inside CREATE TABLE,"
            + " SQLite gives it no name a model could keep; it stays until a change rebuilds the table, which does not"
            + " recreate it. Add @Index(columns = …, unique = true) to the model to keep it (a migration then creates"
            + " the index, besides)"));
        continue;
      }
      if (attributes.stream().anyMatch(a -> a.leftOut() && a.object().equals("index " + name))) {
        continue; // reported with the table's other attributes: descending, INCLUDE
      }
      if (noModelForm.contains(name)) {
        leftOut.add(finding(t.name, "index " + name, "left out: an expression or partial index has no model form; it stays"
            + " in the database" + (d.liveCatalog().rebuildsTables() ? " (a change that rebuilds the table does not recreate it)" : "")));
        continue;
      }
      if (!validName(name)) {
        leftOut.add(finding(t.name, "index " + name, "left out: its name is not a plain identifier"));
        continue;
      }
      table = table.index(new IndexDefinition(name, columns, isUnique));
      if (uniqueConstraints().contains(t.name + "." + name)) {
        leftOut.add(finding(t.name, "unique constraint " + name, "kept as a unique index of the same name; PostgreSQL"
            + " drops it only as a constraint, so to drop it later write an sql step (ALTER TABLE … DROP CONSTRAINT)"
            + " instead of removing the @Index"));
      }
    }
    // Named checks, with the expression as the database gives it back (PostgreSQL's and H2's rewritten form).
    for (Map.Entry<String, String> k : checks().getOrDefault(t.name, Map.of()).entrySet()) {
      table = table.check(new io.jmigrate.schema.CheckDefinition(k.getKey(), k.getValue()));
    }
    List<InspectedColumn> columns = new ArrayList<>();
    for (ColumnDefinition c : table.columns()) { // as the key reading left them (a generated non-key column is plain)
      InspectedColumn col = t.columns.stream().filter(x -> x.column().name().equals(c.name())).findFirst().orElseThrow();
      columns.add(new InspectedColumn(c, col.liveType()));
    }
    return new InspectedTable(table, columns, leftOut);
  }

  /**
   * An index the database made for a key, which the model's key brings back by itself: the primary
   * key's (PostgreSQL's {@code album_pkey}, MariaDB's {@code PRIMARY}, H2's {@code PRIMARY_KEY_…}),
   * and on MariaDB and H2 the one a foreign key made, named as (or after) the key (H2:
   * {@code CONSTRAINT_INDEX_…} for a key whose name it chose).
   */
  private boolean madeForAKey(String name, String pkName, List<String> columns, List<String> key, Set<String> fkNames) {
    String lower = name.toLowerCase(Locale.ROOT);
    if ((pkName != null && name.equalsIgnoreCase(pkName)) || lower.equals("primary")
        || (lower.startsWith("primary_key_") && columns.equals(key))
        || (name.startsWith("sqlite_autoindex_") && columns.equals(key))) {
      return true;
    }
    if (fkNames.contains(lower)) {
      return true;
    }
    return d.liveCatalog().madeForForeignKey(lower, fkNames); // H2: CONSTRAINT_INDEX_n, or named after the key
  }

  private Set<String> uniqueConstraints;

  /** PostgreSQL's UNIQUE constraints ({@code table.name}): JDBC lists them as unique indexes. */
  private Set<String> uniqueConstraints() {
    if (uniqueConstraints == null) {
      String query = d.liveCatalog().uniqueConstraintsQuery();
      uniqueConstraints = new TreeSet<>(query != null ? rows(query, "unique constraints") : List.of());
    }
    return uniqueConstraints;
  }

  /** MariaDB/MySQL and H2 report the default, NO ACTION, as RESTRICT: there they are one and the same. */
  private ReferentialAction action(int rule) {
    return io.jmigrate.catalog.LiveForeignKeys.action(d, rule);
  }

  private Map<String, String> partitions() {
    Map<String, String> out = new TreeMap<>();
    String query = d.liveCatalog().partitionsQuery();
    if (query != null) {
      for (String row : rows(query, "partitions")) {
        int space = row.indexOf(' ');
        out.put(row.substring(0, space), row.substring(space + 1));
      }
    }
    return out;
  }

  private void otherObjects() {
    for (io.jmigrate.dialect.LiveCatalog.ObjectKind kind : d.liveCatalog().objects()) {
      for (String name : rows(kind.query(), kind.kind() + "s")) {
        String table = name.contains(".") ? name.substring(0, name.indexOf('.')) : null;
        findings.add(new Finding(table, kind.kind() + " " + name, kind.what()));
      }
    }
  }

  /** The first column of a catalog query; a failed read is itself reported, never silently empty. */
  private List<String> rows(String query, String what) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(query); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      findings.add(new Finding(null, what, "could not be listed (" + e.getMessage() + "); check for them by hand"));
    }
    return out;
  }

  private static Finding finding(String table, String object, String what) {
    return new Finding(table, object, what);
  }

  static boolean validName(String name) {
    if (name == null || name.isEmpty() || name.length() > 63 || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (!(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'))) {
        return false;
      }
    }
    return true;
  }
}
