package io.jmigrate.engine;

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
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a live database, read through JDBC metadata, with an expected schema: tables,
 * columns and their nullability, primary keys, named indexes and foreign keys, in the
 * connection's current schema; the dialect says which schema that is and how types are named.
 */
final class SchemaValidator {
  private SchemaValidator() {}

  /** The application's tables in the connection's current schema (not the history, not the database's own). */
  static TreeSet<String> liveTables(Connection c, Dialect dialect) throws SQLException {
    TreeSet<String> live = new TreeSet<>();
    Map<String, String> partitions = Partitions.of(c, dialect); // parts of their parent, left to the database
    try (ResultSet rs = dialect.catalog(c).getTables(dialect.currentCatalog(c), dialect.currentSchema(c), "%",
        new String[] {"TABLE", Partitions.PARTITIONED_TABLE})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (!dialect.isSystemTable(name) && !name.equals(History.TABLE)
            && !name.equalsIgnoreCase(LeaseLock.TABLE) && !partitions.containsKey(name)) {
          live.add(name);
        }
      }
    }
    return live;
  }

  /**
   * Tables, columns, types (without length, precision and scale), keys and indexes, no attributes:
   * which of two schemas a database is at (a stopped step-by-step run, whose intermediate states,
   * such as MariaDB's TEXT made VARCHAR(255) before its index, were designed against this comparison).
   */
  static Drift compare(Connection c, Dialect dialect, int version, Schema expected) throws SQLException {
    return compare(c, dialect, version, expected, Unmanaged.NONE, false);
  }

  /**
   * … accepting what {@code unmanaged} declares: tables and columns left to the database, and the
   * attributes of modelled objects that the models do not describe ({@link LiveAttributes}), which are
   * drift when the database has them undeclared or with another value.
   */
  static Drift compare(Connection c, Dialect dialect, int version, Schema expected, Unmanaged unmanaged)
      throws SQLException {
    return compare(c, dialect, version, expected, unmanaged, true);
  }

  private static Drift compare(Connection c, Dialect dialect, int version, Schema expected, Unmanaged unmanaged,
      boolean full) throws SQLException {
    DatabaseMetaData meta = dialect.catalog(c);
    String catalog = dialect.currentCatalog(c);
    String schema = dialect.currentSchema(c);
    List<String> out = new ArrayList<>();
    List<String> renames = new ArrayList<>();
    TreeSet<String> live = liveTables(c, dialect);
    compareSequences(c, dialect, expected, live, out);
    compareEnumTypes(c, dialect, expected, out);
    for (TableDefinition t : expected.tables()) {
      if (!live.contains(t.name())) {
        out.add("table " + t.name() + " is missing");
        continue;
      }
      compareTable(meta, dialect, catalog, schema, t, unmanaged, full, out, renames);
      String collation = full ? dialect.collationDrift(c, t) : null;
      if (collation != null) {
        out.add(collation);
      }
      String tableComment = full ? tableComment(c, t, dialect, unmanaged) : null;
      if (tableComment != null) {
        out.add(tableComment);
      }
    }
    if (full) {
      compareChecks(io.jmigrate.catalog.LiveChecks.read(c, dialect), io.jmigrate.catalog.LiveChecks.columnChecks(c, dialect),
          dialect, expected, unmanaged, out, renames);
    }
    java.util.Set<String> generatedLive = new java.util.HashSet<>();
    java.util.Set<String> collatedLive = new java.util.HashSet<>();
    for (LiveAttribute a : full ? LiveAttributes.read(c, dialect) : List.<LiveAttribute>of()) {
      if (!expected.has(a.table()) || (a.leftOut() && unmanaged.declares(a.object()))) {
        continue;
      }
      ColumnDefinition collated = collatedColumn(expected, a, dialect);
      if (collated != null) {
        collatedLive.add(a.object());
        String liveCollation = dialect.collationOf(a.value());
        if (collated.collation() != null) {
          if (!liveCollation.equalsIgnoreCase(collated.collation())) {
            out.add(a.object() + " has the collation " + liveCollation + " but the migrations give it "
                + collated.collation());
          }
          continue;
        }
        if (unmanaged.value(a.object(), a.attribute()).isEmpty()) {
          out.add(a.object() + " has the collation " + liveCollation + " but the migrations give it none");
          continue;
        }
        // declared in the unmanaged file, as before collations were modelled: kept, compared with the declaration
      }
      ColumnDefinition computed = generatedColumn(expected, a);
      if (computed != null) {
        generatedLive.add(a.object());
        String storage = storage(a.value());
        if (storage != null && !storage.equals(computed.stored() ? "STORED" : "VIRTUAL")) {
          out.add(a.object() + " is generated " + storage + " (" + a.value() + ") but the migrations make it "
              + (computed.stored() ? "STORED" : "VIRTUAL"));
        }
        continue;
      }
      java.util.Optional<String> declared = unmanaged.value(a.object(), a.attribute());
      if (declared.isEmpty()) {
        out.add(a.object() + " has " + a.attribute() + " (" + a.value() + "), which the migrations do not make and "
            + Unmanaged.RESOURCE + " does not declare (declare it to keep it: inspect writes the line; or remove it)");
      } else if (!declared.get().equals(Unmanaged.Entry.oneLine(a.value()))) {
        out.add(a.object() + " has " + a.attribute() + " (" + a.value() + ") but " + Unmanaged.RESOURCE
            + " declares (" + declared.get() + ")");
      }
    }
    for (TableDefinition t : full && dialect.keepsColumnCollations() ? expected.tables() : List.<TableDefinition>of()) {
      for (ColumnDefinition col : t.columns()) {
        if (col.collation() != null && live.contains(t.name()) && !collatedLive.contains("column " + t.name() + "." + col.name())) {
          out.add("column " + t.name() + "." + col.name() + " has no collation of its own but the migrations give it "
              + col.collation());
        }
      }
    }
    for (TableDefinition t : full ? expected.tables() : List.<TableDefinition>of()) {
      for (ColumnDefinition col : t.columns()) {
        if (col.computed() && live.contains(t.name()) && !generatedLive.contains("column " + t.name() + "." + col.name())) {
          out.add("column " + t.name() + "." + col.name() + " is not generated but the migrations make it"
              + io.jmigrate.schema.ColumnProperty.GENERATED_AS.checksum(col));
        }
      }
    }
    for (String name : live) {
      if (!expected.has(name) && !unmanaged.declares("table " + name)) {
        out.add("table " + name + " is not in the migrations");
      }
    }
    return new Drift(version, out, renames);
  }

  /**
   * The migrations' generated column a catalog's {@code generated} attribute is about; null for any other
   * attribute. Its expression is not compared: every database gives it back rewritten
   * ({@code upper(name)} as {@code upper((name)::text)}, {@code UPPER("name")}, {@code ucase(`name`)}).
   */
  private static ColumnDefinition generatedColumn(Schema expected, LiveAttribute a) {
    String prefix = "column " + a.table() + ".";
    if (!a.attribute().equals("generated") || !a.object().startsWith(prefix)) {
      return null;
    }
    return expected.table(a.table()).column(a.object().substring(prefix.length()))
        .filter(ColumnDefinition::computed).orElse(null);
  }

  /**
   * The migrations' column a catalog's {@code collation} attribute is about, where the dialect keeps collations per
   * column ({@link Dialect#keepsColumnCollations()}); null for any other attribute or a column the migrations lack.
   */
  private static ColumnDefinition collatedColumn(Schema expected, LiveAttribute a, Dialect dialect) {
    String prefix = "column " + a.table() + ".";
    if (!dialect.keepsColumnCollations() || !a.attribute().equals("collation") || !a.object().startsWith(prefix)) {
      return null;
    }
    return expected.table(a.table()).column(a.object().substring(prefix.length())).orElse(null);
  }

  /** STORED or VIRTUAL as the catalog's text of a generated column says; null where it does not say (H2). */
  private static String storage(String text) {
    String upper = text.toUpperCase(java.util.Locale.ROOT).strip();
    return upper.endsWith(" STORED") || upper.endsWith(" PERSISTENT") ? "STORED"
        : upper.endsWith(" VIRTUAL") ? "VIRTUAL" : null;
  }

  /**
   * Check constraints, by name (lower-cased, as H2 may fold them): each of the migrations' must be
   * there, and none besides unless declared. Their expressions are not compared: PostgreSQL and H2
   * give them back rewritten ({@code status in ('A')} as {@code ((status)::text = 'A'::text)}).
   */
  private static void compareChecks(Map<String, Map<String, String>> live, Map<String, Map<String, String>> onColumns,
      Dialect dialect, Schema expected, Unmanaged unmanaged, List<String> out, List<String> renames) {
    Map<String, Map<String, String>> byTable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byTable.putAll(live);
    Map<String, Map<String, String>> columnsByTable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    columnsByTable.putAll(onColumns);
    for (TableDefinition t : expected.tables()) {
      Map<String, String> checks = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      checks.putAll(byTable.getOrDefault(t.name(), Map.of()));
      Map<String, String> columnChecks = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      columnChecks.putAll(columnsByTable.getOrDefault(t.name(), Map.of()));
      List<io.jmigrate.schema.CheckDefinition> missing = new ArrayList<>();
      for (io.jmigrate.schema.CheckDefinition k : t.checks()) {
        if (checks.remove(k.name()) == null) {
          missing.add(k);
        }
      }
      for (io.jmigrate.schema.CheckDefinition k : missing) {
        // A check written without a name (Hibernate's export writes them so) has one the database made up: H2's
        // CONSTRAINT_<hex>, MariaDB's CONSTRAINT_<n> or, written on the column, the column's name, MySQL's
        // <table>_chk_<n>. The same condition under such a name is the model's check, which later migrations
        // address by the model's name.
        String made = madeUpName(t.name(), k, checks, false);
        boolean onColumn = made == null && (made = madeUpName(t.name(), k, columnChecks, true)) != null;
        if (made == null) {
          out.add("check " + t.name() + "." + k.name() + " (" + k.expression() + ") is missing");
          continue;
        }
        (onColumn ? columnChecks : checks).remove(made);
        out.add("the check " + t.name() + "." + k.name() + " (" + k.expression() + ") is named " + made
            + (onColumn ? " (a check written on its column)" : "") + ", but the migrations name it " + k.name()
            + " (later migrations that drop or change it address it by that name)");
        renames.add(dialect.renameCheck(t, made, k, onColumn));
      }
      checks.forEach((name, expression) -> {
        if (!unmanaged.declares("check " + t.name() + "." + name)) {
          out.add("check " + t.name() + "." + name + " (" + expression + ") is not in the migrations");
        }
      });
    }
  }

  /** Names a database gives a check written without one (H2, MariaDB, MySQL); a column's own name on MariaDB. */
  private static String madeUpName(String table, io.jmigrate.schema.CheckDefinition k, Map<String, String> live,
      boolean columnNames) {
    java.util.regex.Pattern made = java.util.regex.Pattern.compile("(?i)constraint_[0-9a-f]+|"
        + java.util.regex.Pattern.quote(table) + "_chk_[0-9]+");
    String condition = condition(k.expression());
    for (Map.Entry<String, String> e : live.entrySet()) {
      if ((columnNames || made.matcher(e.getKey()).matches()) && condition(e.getValue()).equals(condition)) {
        return e.getKey();
      }
    }
    return null;
  }

  /**
   * A check's condition in a form that the databases' spellings of it share: lower case, identifiers unquoted,
   * without parentheses and spaces, its AND-ed conditions sorted (Hibernate's order of two Bean Validation bounds
   * on one column changes from run to run). {@code "price" <= ("stock" * 1000)} (H2) and {@code price <= stock *
   * 1000} are one. PostgreSQL's rewritten forms are not recognized; it keeps the names jmigrate gives.
   */
  static String condition(String expression) {
    String e = expression.toLowerCase(java.util.Locale.ROOT).replace("\"", "").replace("`", "")
        .replaceAll("cast\\(([^()\\s]+) as [a-z ]+(\\([0-9, ]+\\))?\\)", "$1"); // H2: CAST(1000 AS BIGINT)
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < e.length(); i++) {
      char ch = e.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth <= 1 && Character.isWhitespace(ch) && e.startsWith("and", i + 1)
          && i + 4 < e.length() && (Character.isWhitespace(e.charAt(i + 4)) || e.charAt(i + 4) == '(')) {
        parts.add(e.substring(start, i));
        start = i + 4;
      }
    }
    parts.add(e.substring(start));
    if (e.contains(" between ")) {
      parts = new ArrayList<>(List.of(e));
    }
    return parts.stream().map(p -> p.replaceAll("[()\\s]", "")).sorted().collect(java.util.stream.Collectors.joining("&"));
  }

  /**
   * The sequences: each of the migrations' with its start and increment, and none besides. Where the
   * dialect makes a sequence a one-row table (SQLite), that table stands for it and is no table of
   * the application's.
   */
  private static void compareSequences(Connection c, Dialect dialect, Schema expected, TreeSet<String> liveTables,
      List<String> out) throws SQLException {
    Map<String, io.jmigrate.schema.SequenceDefinition> live = dialect.liveSequences(c);
    for (io.jmigrate.schema.SequenceDefinition q : expected.sequences()) {
      if (live == null) {
        if (!liveTables.remove(q.name())) {
          out.add("sequence " + q.name() + " (a table of one row on this database) is missing");
        }
        continue;
      }
      io.jmigrate.schema.SequenceDefinition l = live.remove(q.name());
      if (l == null) {
        out.add("sequence " + q.name() + " is missing");
      } else if (l.increment() != q.increment() || l.start() != q.start()) {
        out.add("sequence " + q.name() + " starts at " + l.start() + " and counts by " + l.increment()
            + " but the migrations make it start at " + q.start() + " and count by " + q.increment());
      }
    }
    if (live != null) {
      for (String extra : live.keySet()) {
        out.add("sequence " + extra + " is not in the migrations");
      }
    }
  }

  /**
   * The enum types of the migrations, with their labels in order. Other enum types are the
   * database's (used by unmodelled tables or hand-written steps), as they were before jmigrate
   * modelled them.
   */
  private static void compareEnumTypes(Connection c, Dialect dialect, Schema expected, List<String> out) throws SQLException {
    if (expected.enumTypes().isEmpty()) {
      return;
    }
    Map<String, io.jmigrate.schema.EnumTypeDefinition> live = dialect.liveEnumTypes(c);
    for (io.jmigrate.schema.EnumTypeDefinition e : expected.enumTypes()) {
      io.jmigrate.schema.EnumTypeDefinition l = live.get(e.name());
      if (l == null) {
        out.add("enum type " + e.name() + " is missing");
      } else if (!l.labels().equals(e.labels())) {
        out.add("enum type " + e.name() + " has the labels " + l.labels() + " but the migrations give " + e.labels());
      }
    }
  }

  /**
   * A column's comment against the migrations', where the database keeps one; a comment declared in
   * {@link Unmanaged#RESOURCE} (as before comments were modelled) is accepted for a column without one.
   */
  private static String comment(TableDefinition t, ColumnDefinition col, LiveColumn live, Dialect dialect,
      Unmanaged unmanaged, boolean full) {
    if (!full || !dialect.keepsColumnComments() || java.util.Objects.equals(col.comment(), live.comment())) {
      return null;
    }
    String object = "column " + t.name() + "." + col.name();
    if (col.comment() == null && unmanaged.value(object, "comment").isPresent()) {
      return null;
    }
    return object + (live.comment() == null ? " has no comment" : " has the comment (" + live.comment() + ")")
        + " but the migrations " + (col.comment() == null ? "give it none" : "give it (" + col.comment() + ")");
  }

  /**
   * A table's comment against the migrations', where the database keeps one; a comment declared in
   * {@link Unmanaged#RESOURCE} (as before table comments were modelled) is accepted for a table without one.
   */
  private static String tableComment(Connection c, TableDefinition t, Dialect dialect, Unmanaged unmanaged)
      throws SQLException {
    if (!dialect.keepsTableComments()) {
      return null;
    }
    String live = dialect.liveTableComment(c, t.name());
    String object = "table " + t.name();
    if (java.util.Objects.equals(t.comment(), live)
        || t.comment() == null && unmanaged.value(object, "comment").isPresent()) {
      return null;
    }
    return object + (live == null ? " has no comment" : " has the comment (" + live + ")")
        + " but the migrations " + (t.comment() == null ? "give it none" : "give it (" + t.comment() + ")");
  }

  private static void compareTable(DatabaseMetaData meta, Dialect dialect, String catalog, String schema, TableDefinition t,
      Unmanaged unmanaged, boolean shapes, List<String> out, List<String> renames) throws SQLException {
    Map<String, LiveColumn> columns = new TreeMap<>();
    for (LiveColumn col : LiveColumn.of(meta.getConnection(), dialect, catalog, schema, t.name())) {
      columns.put(col.name(), col);
    }
    for (ColumnDefinition col : t.columns()) {
      LiveColumn live = columns.remove(col.name());
      if (live == null) {
        out.add("column " + t.name() + "." + col.name() + " is missing");
        continue;
      }
      ColumnType liveType = live.type(dialect);
      boolean rowidAlias = col.generated() && liveType == ColumnType.INTEGER; // SQLite's INTEGER PRIMARY KEY
      String expectedSql = dialect.columnTypeSql(t, col);
      if (col.type() == ColumnType.ENUM) {
        if (!col.enumType().equals(unquoted(live.typeName()))) {
          out.add("column " + t.name() + "." + col.name() + " has the type " + live.shown() + " but the migrations make it"
              + " the enum type " + col.enumType());
        } else if (live.nullable() != col.nullable() && !(t.primaryKey().contains(col.name()))) {
          out.add("column " + t.name() + "." + col.name() + " is " + (live.nullable() ? "nullable" : "NOT NULL")
              + " but the migrations make it " + (col.nullable() ? "nullable" : "NOT NULL"));
        }
      } else if (col.type() == ColumnType.NATIVE) { // a type jmigrate does not model: compared by the type's name
        if (!dialect.liveCatalog().sameType(meta.getConnection(), t.name(), col.name(), col.sqlType(), live.typeName())) {
          out.add("column " + t.name() + "." + col.name() + " has the type " + live.shown() + " but the migrations make it "
              + col.sqlType());
        } else if (live.nullable() != col.nullable() && !(t.primaryKey().contains(col.name()))) {
          out.add("column " + t.name() + "." + col.name() + " is " + (live.nullable() ? "nullable" : "NOT NULL")
              + " but the migrations make it " + (col.nullable() ? "nullable" : "NOT NULL"));
        }
      } else if (liveType != dialect.liveTypeOf(col) && !rowidAlias) {
        out.add("column " + t.name() + "." + col.name() + " has the type " + live.shown() + " but the migrations make it "
            + col.type());
      } else if (shapes && TypeShape.shaped(col.type()) && expectedSql != null
          && !live.shape(dialect).equals(TypeShape.written(col.type(), expectedSql))) {
        out.add("column " + t.name() + "." + col.name() + " has the type " + live.shown() + " but the migrations make it "
            + expectedSql);
      } else if (live.nullable() != col.nullable() && !(t.primaryKey().contains(col.name()))) {
        out.add("column " + t.name() + "." + col.name() + " is " + (live.nullable() ? "nullable" : "NOT NULL")
            + " but the migrations make it " + (col.nullable() ? "nullable" : "NOT NULL"));
      }
      String comment = comment(t, col, live, dialect, unmanaged, shapes);
      if (comment != null) {
        out.add(comment);
      }
    }
    for (String extra : columns.keySet()) {
      if (unmanaged.declares("column " + t.name() + "." + extra)) {
        continue;
      }
      out.add("column " + t.name() + "." + extra + " is not in the migrations");
    }

    TreeMap<Integer, String> pk = new TreeMap<>();
    String pkName = null;
    try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, t.name())) {
      while (rs.next()) {
        pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        pkName = rs.getString("PK_NAME");
      }
    }
    if (!List.copyOf(pk.values()).equals(t.primaryKey())) {
      out.add("table " + t.name() + " has the primary key " + pk.values() + " but the migrations give " + t.primaryKey());
    } else if (!pk.isEmpty() && dialect.addressesKeysByName()) {
      String expectedName = t.primaryKeyName() != null ? t.primaryKeyName() : dialect.primaryKeyConstraint(t.name());
      if (!expectedName.equals(pkName)) {
        out.add("the primary key of table " + t.name() + " " + pk.values() + " is named " + pkName
            + ", but the migrations name it " + expectedName + " (later migrations that change or rename it address it"
            + " by that name)");
        renames.add(dialect.renameConstraint(t.name(), pkName, expectedName));
      }
    }

    TreeSet<String> indexes = new TreeSet<>();
    try (ResultSet rs = meta.getIndexInfo(catalog, schema, t.name(), false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name != null) {
          indexes.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    for (IndexDefinition i : t.indexes()) {
      if (!indexes.contains(i.name().toLowerCase(Locale.ROOT))) { // a kept name may have capitals (IFK_AlbumArtistId)
        out.add("index " + i.name() + " on " + t.name() + " is missing");
      }
    }

    // Foreign keys: one entry per key, however many columns it has (a new key starts at KEY_SEQ 1
    // where the driver names none, as SQLite's may not).
    Map<String, TreeMap<Integer, String[]>> fksByName = new LinkedHashMap<>(); // name -> (column, ref table, ref column) in order
    Map<String, int[]> rulesByName = new TreeMap<>(); // name -> (DELETE_RULE, UPDATE_RULE)
    try (ResultSet rs = meta.getImportedKeys(catalog, schema, t.name())) {
      String current = null;
      int unnamed = 0;
      while (rs.next()) {
        String name = rs.getString("FK_NAME");
        if (name != null && !name.isEmpty()) {
          current = name;
        } else if (rs.getInt("KEY_SEQ") == 1 || current == null) {
          current = "\u0000" + (unnamed++);
        }
        fksByName.computeIfAbsent(current, n -> new TreeMap<>()).put(rs.getInt("KEY_SEQ"),
            new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME")});
        rulesByName.put(current, new int[] {rs.getInt("DELETE_RULE"), rs.getInt("UPDATE_RULE")});
      }
    }
    Map<String, int[]> rulesByKey = new TreeMap<>(); // foreignKeyText -> rules
    Map<String, TreeMap<Integer, String>> pairsByName = new TreeMap<>();
    TreeSet<String> fks = new TreeSet<>();
    fksByName.forEach((name, cols) -> {
      TreeMap<Integer, String> pairs = new TreeMap<>();
      cols.forEach((seq, p) -> pairs.put(seq, p[0] + "->" + p[1] + "." + p[2]));
      pairsByName.put(name, pairs);
      List<String[]> ordered = List.copyOf(cols.values());
      String text = foreignKeyText(t.name(), ordered.stream().map(p -> p[0]).toList(), ordered.get(0)[1],
          ordered.stream().map(p -> p[2]).toList());
      fks.add(text);
      rulesByKey.put(text, rulesByName.get(name));
    });
    if (dialect.addressesKeysByName()) {
      compareForeignKeyNames(dialect, t, pairsByName, out, renames);
    }
    TreeSet<String> expectedFks = new TreeSet<>();
    for (ForeignKeyDefinition f : t.foreignKeys()) {
      expectedFks.add(foreignKeyText(t.name(), f.columns(), f.refTable(), f.refColumns()));
    }
    for (String f : expectedFks) {
      if (!fks.contains(f)) {
        out.add("foreign key " + f + " is missing");
      }
    }
    for (ForeignKeyDefinition f : shapes ? t.foreignKeys() : List.<ForeignKeyDefinition>of()) {
      String text = foreignKeyText(t.name(), f.columns(), f.refTable(), f.refColumns());
      int[] rules = rulesByKey.get(text);
      if (rules != null) {
        compareAction(dialect, text, "delete", f.onDelete(), rules[0], unmanaged, out);
        compareAction(dialect, text, "update", f.onUpdate(), rules[1], unmanaged, out);
      }
    }
    for (String f : fks) {
      if (!expectedFks.contains(f) && !unmanaged.declares("foreign key " + f)) {
        out.add("foreign key " + f + " is not in the migrations");
      }
    }
  }

  /**
   * One action of a foreign key that the database has as the migrations make it: the catalog's rule against the
   * model's, equal where the database does not tell the spellings apart (MariaDB's and H2's RESTRICT is NO ACTION).
   * An action {@link Unmanaged#RESOURCE} declares ({@code foreign key c.p_id->p.id: on update = CASCADE}, as
   * {@code inspect --jpa} writes for what an entity cannot declare) is accepted with that value.
   */
  private static void compareAction(Dialect dialect, String key, String event, io.jmigrate.schema.ReferentialAction modelled,
      int rule, Unmanaged unmanaged, List<String> out) {
    io.jmigrate.schema.ReferentialAction live = io.jmigrate.catalog.LiveForeignKeys.action(dialect, rule);
    io.jmigrate.schema.ReferentialAction expected = io.jmigrate.catalog.LiveForeignKeys.kept(dialect, modelled);
    if (live == expected) {
      return;
    }
    java.util.Optional<String> declared = unmanaged.value("foreign key " + key, "on " + event);
    if (declared.isPresent() && declared.get().equalsIgnoreCase(live.sql())) {
      return;
    }
    out.add("foreign key " + key + ": on " + event + " " + live.sql() + " in the database, " + modelled.sql()
        + " in the migrations" + (declared.isPresent() ? " (" + Unmanaged.RESOURCE + " declares " + declared.get() + ")" : ""));
  }

  /** PostgreSQL's driver quotes a type name that needs it ({@code "Mood"}). */
  private static String unquoted(String typeName) {
    return typeName != null && typeName.length() > 1 && typeName.startsWith("\"") && typeName.endsWith("\"")
        ? typeName.substring(1, typeName.length() - 1).replace("\"\"", "\"") : typeName;
  }

  /** {@code book.author_id->author.id}; a key of several columns {@code book.(a, b)->author.(x, y)}, one entry. */
  private static String foreignKeyText(String table, List<String> columns, String refTable, List<String> refColumns) {
    return Unmanaged.foreignKey(table, columns, refTable, refColumns).substring("foreign key ".length());
  }

  /**
   * A foreign key of the migrations that the database has with the same columns and references
   * but under another name: a later migration that drops or changes it would not find it.
   */
  private static void compareForeignKeyNames(Dialect dialect, TableDefinition t, Map<String, TreeMap<Integer, String>> live,
      List<String> out, List<String> renames) {
    TreeSet<String> expectedNames = new TreeSet<>();
    t.foreignKeys().forEach(f -> expectedNames.add(f.name()));
    for (ForeignKeyDefinition f : t.foreignKeys()) {
      if (live.containsKey(f.name())) {
        continue;
      }
      List<String> pairs = new ArrayList<>();
      for (int i = 0; i < f.columns().size(); i++) {
        pairs.add(f.columns().get(i) + "->" + f.refTable() + "." + f.refColumns().get(i));
      }
      live.entrySet().stream()
          .filter(e -> !expectedNames.contains(e.getKey()) && List.copyOf(e.getValue().values()).equals(pairs))
          .map(Map.Entry::getKey)
          .findFirst()
          .ifPresent(name -> {
            out.add("the foreign key " + t.name() + " " + f.columns() + " -> " + f.refTable() + " " + f.refColumns()
                + " is named " + name + ", but the migrations name it " + f.name() + " (later migrations that drop or"
                + " change it address it by that name)");
            renames.add(dialect.renameConstraint(t.name(), name, f.name()));
            live.remove(name); // one live key answers one expected key
          });
    }
  }
}
