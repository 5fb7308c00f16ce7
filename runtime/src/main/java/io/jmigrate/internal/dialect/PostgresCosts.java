package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.Cost;
import io.jmigrate.dialect.Costs;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.RenameIndex;
import io.jmigrate.migration.Operations.SetPrimaryKey;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL (11 and later), from its ALTER TABLE documentation: "Adding a column with a volatile
 * DEFAULT or changing the type of an existing column will require the entire table and its indexes to
 * be rewritten", except a type change whose old type is binary coercible to the new one (a longer
 * {@code VARCHAR}, {@code VARCHAR} to {@code TEXT}, more precision at the same scale or no limit for
 * {@code NUMERIC}: release notes 9.2); a non-volatile default is stored in the catalog (11); adding
 * NOT NULL scans the table; DROP COLUMN only hides the column. Every ALTER TABLE form here takes
 * the ACCESS EXCLUSIVE lock, so while one works through the table, reads and writes wait.
 * Indexes are built {@code CONCURRENTLY} and foreign keys added {@code NOT VALID} then validated
 * ({@link PostgresDialect#online}), so neither stops writes and neither is warned about.
 */
final class PostgresCosts implements Costs {
  private static final String REWRITE = "rewrites the table and its indexes while reads and writes wait (ACCESS "
      + "EXCLUSIVE lock)";

  /** Functions a default may call that PostgreSQL evaluates once for the whole ALTER (STABLE or IMMUTABLE). */
  private static final Set<String> STABLE = Set.of("now", "transaction_timestamp", "statement_timestamp",
      "current_date", "current_timestamp", "localtimestamp", "current_setting", "current_user", "session_user",
      "lower", "upper", "coalesce", "to_timestamp", "to_date", "make_date", "make_timestamp", "make_interval",
      "timezone", "date_trunc", "abs", "round", "concat", "length");
  private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z_0-9.]*)\\s*\\(");

  private final String dialect;

  /** For the dialect named {@code dialect}, whose {@code @DefaultSql} expressions are its defaults. */
  PostgresCosts(String dialect) {
    this.dialect = dialect;
  }

  @Override
  public String displayName() {
    return "PostgreSQL";
  }

  /**
   * The function of a default expression PostgreSQL would evaluate per row, or null when it calls
   * none: anything but known STABLE/IMMUTABLE functions counts (random(), clock_timestamp(),
   * gen_random_uuid(), nextval(…), a function of the application's own).
   */
  static String volatileCall(String expression) {
    if (expression == null) {
      return null;
    }
    Matcher m = CALL.matcher(expression.replaceAll("'(?:[^']|'')*'", "''")); // not inside string literals
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (!STABLE.contains(simple)) {
        return m.group(1) + "()";
      }
    }
    return null;
  }

  /** Whether PostgreSQL changes the type without rewriting: the old type is binary coercible to the new one. */
  static boolean coercible(ColumnDefinition from, ColumnDefinition to) {
    if (from.type() == ColumnType.STRING && to.type() == ColumnType.STRING) {
      return from.length() > 0 && (to.length() == 0 || to.length() >= from.length());
    }
    if (from.type() == ColumnType.DECIMAL && to.type() == ColumnType.DECIMAL) {
      return to.precision() == 0 || (from.precision() > 0 && to.scale() == from.scale()
          && to.precision() >= from.precision());
    }
    return false;
  }

  private static boolean sameType(ColumnDefinition a, ColumnDefinition b) {
    return a.type() == b.type() && a.length() == b.length() && a.precision() == b.precision() && a.scale() == b.scale();
  }

  @Override
  public Cost cost(Operation op, Schema before) {
    return op.accept(new CostVisitor() {
      @Override
      public Cost addColumn(AddColumn o) {
        ColumnDefinition c = o.column();
        if (c.generated()) {
          return Cost.heavy("fills the identity column for every row: " + REWRITE);
        }
        String call = volatileCall(c.defaultSqlFor(dialect));
        if (call != null) {
          return Cost.heavy(REWRITE + ", to store the default " + call + " in every row (unless " + call
              + " is STABLE or IMMUTABLE, it is volatile: evaluated per row, not once in the catalog)");
        }
        return Cost.light("changes only the catalog (a constant default is kept there, PostgreSQL 11+)");
      }

      @Override
      public Cost dropColumn(DropColumn o) {
        return Cost.light("changes only the catalog (the column is hidden; later writes reclaim its space)");
      }

      @Override
      public Cost renameColumn(RenameColumn o) {
        return Cost.CATALOG;
      }

      @Override
      public Cost alterColumn(AlterColumn o) {
        ColumnDefinition was = before.table(o.table()).column(o.column().name()).orElseThrow();
        ColumnDefinition c = o.column();
        List<Cost> parts = new ArrayList<>();
        if (!sameType(was, c)) {
          parts.add(coercible(was, c) ? Cost.light("changes only the catalog (the old type is binary coercible to the new one)")
              : Cost.heavy(REWRITE));
        } else if (!java.util.Objects.equals(was.collation(), c.collation())) {
          var t = before.table(o.table());
          boolean keyed = t.primaryKey().contains(c.name()) || t.indexes().stream().anyMatch(i -> i.columns().contains(c.name()));
          parts.add(keyed ? Cost.heavy("rebuilds the indexes over the column (they sort by its collation) while reads and"
              + " writes wait (ACCESS EXCLUSIVE lock)") : Cost.light("changes only the catalog (a new collation)"));
        }
        if (was.nullable() && !c.nullable()) {
          parts.add(Cost.heavy("fills the NULLs with an UPDATE of those rows and scans every row to prove NOT NULL"));
        }
        return Cost.of(parts);
      }

      @Override
      public Cost setPrimaryKey(SetPrimaryKey o) {
        return o.columns().isEmpty() ? Cost.CATALOG
            : Cost.heavy("builds the new primary key's unique index (and checks its columns are NOT NULL) while "
                + "reads and writes wait (ACCESS EXCLUSIVE lock)");
      }

      @Override
      public Cost addIndex(AddIndex o) {
        return Cost.light("builds the index CONCURRENTLY, while writes go on");
      }

      @Override
      public Cost dropIndex(DropIndex o) {
        return Cost.CATALOG;
      }

      @Override
      public Cost renameIndex(RenameIndex o) {
        return Cost.light("renames the index in place (a moment's lock on the index, no build)");
      }

      @Override
      public Cost addForeignKey(AddForeignKey o) {
        return Cost.light("adds the key NOT VALID, then validates the rows while writes go on");
      }

      @Override
      public Cost dropForeignKey(DropForeignKey o) {
        return Cost.CATALOG;
      }
    });
  }
}
