package io.jmigrate.engine;

import io.jmigrate.dialect.LiveAttribute;
import io.jmigrate.catalog.LiveAttributes;
import io.jmigrate.catalog.Partitions;
import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.SqlRecorder;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.SetPrimaryKey;
import io.jmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses, before anything of it runs, a migration whose statements would strip something the
 * database has and the model does not describe ({@link LiveAttributes}): MariaDB's {@code MODIFY
 * COLUMN} restates the whole column, so it drops {@code ON UPDATE}, a comment, a collation; SQLite's
 * table rebuild recreates the table from the model, without its generated columns, {@code COLLATE},
 * {@code AUTOINCREMENT} and {@code CHECK}s; PostgreSQL's {@code ALTER COLUMN … TYPE} without
 * {@code COLLATE} resets the collation, and a foreign key dropped to be re-added comes back not
 * {@code DEFERRABLE}. It reads the statements the dialect writes, the same ones that run. A drop the
 * migration asks for (the table, the column, the key, the index) is not stripping.
 */
final class StripGuard {
  private StripGuard() {}

  /** Throws, naming the migration, object, attribute and what to do, when {@code m} would strip one. */
  static void check(Connection c, Dialect d, Migration m, List<Operation> ops, Schema before) throws SQLException {
    // Only a change to a table that exists before the migration can strip anything: the catalog is read
    // only then (not for a new database's migrations), and only such a table's operations are rendered.
    Set<String> touched = null; // made only for a migration that changes an existing table (not a new database's)
    for (Operation op : ops) {
      String table = tableOf(op);
      if (table != null && before.has(table)) {
        if (touched == null) {
          touched = new TreeSet<>();
        }
        touched.add(table);
      }
    }
    if (touched == null) {
      return;
    }
    List<LiveAttribute> live = new ArrayList<>(LiveAttributes.read(c, d)); // all: a change to one table may re-add another's foreign key
    live.removeIf(a -> modelled(a, before)); // the model's own generated columns are restated from the model
    Set<String> partitioned = new TreeSet<>(Partitions.parents(c, d));
    partitioned.retainAll(touched);
    if (live.isEmpty() && partitioned.isEmpty()) {
      return;
    }
    List<Map.Entry<Operation, List<String>>> risky = new ArrayList<>();
    Schema schema = before;
    for (Operation op : ops) {
      String table = tableOf(op);
      if (table != null && touched.contains(table)) {
        // The statements as they will run: an online step in its online form (outside the transaction).
        SqlRecorder recorder = new SqlRecorder(null);
        recorder.outsideTransaction(d.online(op, schema, before));
        d.write(op, schema, recorder);
        risky.add(Map.entry(op, recorder.lines().stream().filter(l -> !l.startsWith("--")).toList()));
      }
      schema = op.applyTo(schema);
    }
    for (Map.Entry<Operation, List<String>> e : risky) {
      for (String s : e.getValue()) {
        Matcher online = ONLINE_ON.matcher(s);
        String table = !online.find() ? null : online.group(2) != null ? online.group(2) : online.group(3);
        if (table != null && partitioned.contains(table)) {
          throw new MigrationException(String.format("V%04d %s: %s on the partitioned table %s, which PostgreSQL refuses"
                  + " (an index cannot be built CONCURRENTLY, nor a foreign key added NOT VALID, on a partitioned table)."
                  + " Nothing was changed. Write this change as an sql step instead: for an index, PostgreSQL's way is"
                  + " CREATE INDEX … ON ONLY %s, then CREATE INDEX CONCURRENTLY on each partition and ALTER INDEX …"
                  + " ATTACH PARTITION (or a plain CREATE INDEX, which blocks writes while it builds); for a foreign key,"
                  + " ADD CONSTRAINT without NOT VALID.",
              m.version(), m.description(), s, table, table));
        }
      }
    }
    for (Map.Entry<Operation, List<String>> e : risky) {
      for (LiveAttribute a : live) {
        String how = strips(d, a, e.getKey(), e.getValue());
        if (how != null) {
          throw new MigrationException(String.format("V%04d %s would remove %s (%s) from %s of table %s: %s. Nothing was"
                  + " changed. To keep it, write this change as an sql step that restates it; to let it go, remove it"
                  + " from the database first (and from %s), then migrate again.",
              m.version(), m.description(), a.attribute(), a.value(), a.object(), a.table(), how, Unmanaged.RESOURCE));
        }
      }
    }
  }

  /**
   * A generated column the model describes ({@code ColumnDefinition#generatedAs}), or a collation of a column that
   * has one in the model ({@code ColumnDefinition#collation}): the dialect restates it from the model, nothing is stripped.
   */
  private static boolean modelled(LiveAttribute a, Schema before) {
    String prefix = "column " + a.table() + ".";
    if (a.attribute().equals("collation") && a.object().startsWith(prefix) && before.has(a.table())
        && before.table(a.table()).column(a.object().substring(prefix.length()))
            .map(c -> c.collation() != null).orElse(false)) {
      return true;
    }
    return a.attribute().equals("generated") && a.object().startsWith(prefix) && before.has(a.table())
        && before.table(a.table()).column(a.object().substring(prefix.length()))
            .map(io.jmigrate.schema.ColumnDefinition::computed).orElse(false);
  }

  /** PostgreSQL's online forms, which it refuses on a partitioned table; group 2 is the table. */
  private static final Pattern ONLINE_ON = Pattern.compile(
      "(?is)^(CREATE (?:UNIQUE )?INDEX CONCURRENTLY .*? ON \"([^\"]+)\"|ALTER TABLE \"([^\"]+)\" .*NOT VALID)");

  /** The existing table an operation changes in place, or null (new, dropped or renamed tables, hand-written steps). */
  private static String tableOf(Operation op) {
    if (op instanceof AddColumn o) {
      return o.table();
    } else if (op instanceof DropColumn o) {
      return o.table();
    } else if (op instanceof RenameColumn o) {
      return o.table();
    } else if (op instanceof AlterColumn o) {
      return o.table();
    } else if (op instanceof SetPrimaryKey o) {
      return o.table();
    } else if (op instanceof AddIndex o) {
      return o.table();
    } else if (op instanceof AddForeignKey o) {
      return o.table();
    } else if (op instanceof DropForeignKey o) {
      return o.table();
    } else if (op instanceof io.jmigrate.migration.Operations.AddCheck o) {
      return o.table();
    } else if (op instanceof io.jmigrate.migration.Operations.DropCheck o) {
      return o.table();
    }
    return null;
  }

  /** How {@code statements} of {@code op} would strip {@code a}, or null when they keep it. */
  private static String strips(Dialect d, LiveAttribute a, Operation op, List<String> statements) {
    String table = a.table();
    if (op instanceof DropTable t && t.table().equals(table)) {
      return null;
    }
    String column = a.object().startsWith("column ") ? a.object().substring(a.object().indexOf('.') + 1) : null;
    if (column != null && op instanceof DropColumn dc && dc.table().equals(table) && dc.column().equals(column)) {
      return null;
    }
    if (op instanceof DropForeignKey f && a.object().equals("foreign key " + table + "." + f.foreignKey())) {
      return null;
    }
    if (op instanceof DropIndex i && a.object().equals("index " + i.index())) {
      return null;
    }
    for (String s : statements) {
      String how = d.liveCatalog().strips(a, column, s);
      if (how != null) {
        return how;
      }
    }
    return null;
  }
}
