package io.jmigrate.engine;

import io.jmigrate.catalog.LiveAttribute;
import io.jmigrate.catalog.LiveAttributes;
import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.dialect.Dialect;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Operations.RunJava;
import io.jmigrate.migration.Operations.RunSql;
import io.jmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    List<Map.Entry<Operation, List<String>>> risky = new ArrayList<>();
    Schema schema = before;
    for (Operation op : ops) {
      if (!(op instanceof RunSql) && !(op instanceof RunJava)) { // hand-written: the author says what it keeps
        List<String> statements = d.statements(op, schema);
        if (statements.stream().anyMatch(s -> MAY_STRIP.matcher(s).find())) {
          risky.add(Map.entry(op, statements));
        }
      }
      schema = op.applyTo(schema);
    }
    if (risky.isEmpty()) {
      return; // the catalog is read only when a statement could strip something (not for a new database's tables)
    }
    List<LiveAttribute> live = LiveAttributes.read(c, d);
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

  /** The statements that may strip something: a rebuild's DROP TABLE, MODIFY/CHANGE COLUMN, a type change, a dropped key. */
  private static final Pattern MAY_STRIP = Pattern.compile(
      "(?i)^DROP TABLE |\\b(MODIFY|CHANGE)\\s+(COLUMN\\s+)?\\S|\\bALTER COLUMN\\s+\\S+\\s+(SET DATA\\s+)?TYPE\\b|\\bDROP CONSTRAINT\\b");

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
    String qt = Pattern.quote(d.quote(table));
    for (String s : statements) {
      switch (d.name()) {
        case "sqlite" -> {
          if (s.equals("DROP TABLE " + d.quote(table))) {
            return "SQLite changes it by rebuilding the table from the model, which does not have it";
          }
        }
        case "mariadb" -> {
          if (column != null && !a.leftOut() && Pattern.compile("(?is)^ALTER TABLE " + qt + "\\s.*\\b(MODIFY|CHANGE)\\s+(COLUMN\\s+)?"
              + Pattern.quote(d.quote(column)) + "\\s").matcher(s).find()) {
            return "MODIFY COLUMN restates the whole column from the model, which does not have it";
          }
        }
        case "postgresql" -> {
          if (column != null && a.attribute().equals("collation") && !s.contains(" COLLATE ")
              && Pattern.compile("(?is)^ALTER TABLE " + qt + "\\s.*ALTER COLUMN " + Pattern.quote(d.quote(column))
                  + "\\s+(SET DATA\\s+)?TYPE\\b").matcher(s).find()) {
            return "ALTER COLUMN … TYPE gives the column its new type's default collation";
          }
          String fk = a.object().startsWith("foreign key ") ? a.object().substring(a.object().indexOf('.') + 1) : null;
          if (fk != null && Pattern.compile("(?is)^ALTER TABLE " + qt + "\\s.*DROP CONSTRAINT " + Pattern.quote(d.quote(fk)))
              .matcher(s).find()) {
            return "the foreign key is dropped and created again from the model, which does not have it";
          }
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }
}
