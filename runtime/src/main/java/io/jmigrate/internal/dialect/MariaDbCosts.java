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
import io.jmigrate.schema.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB 10.4+ (InnoDB, utf8mb4, the default ROW_FORMAT=DYNAMIC), from the MariaDB knowledge
 * base's "InnoDB Online DDL Operations with the INSTANT / NOCOPY / INPLACE Alter Algorithm" pages:
 * ADD COLUMN, DROP COLUMN, renames, a new default and a longer VARCHAR whose length still takes the
 * same number of bytes are INSTANT; a secondary index is built NOCOPY while DML goes on; NULL ↔ NOT
 * NULL and a new primary key rebuild the table INPLACE while DML goes on; any other type change,
 * and adding a foreign key while {@code foreign_key_checks} is on, need ALGORITHM=COPY, during which
 * writes wait. MySQL 8 differs in details (it has INSTANT for fewer cases), not in the heavy ones.
 */
final class MariaDbCosts implements Costs {
  private static final String COPY = "copies the table (ALGORITHM=COPY) while writes wait";
  /** Measured at 1,000,000 rows (bench MariaDbStallBench): writes waited 0.3-1.4 s at the end of the rebuild. */
  private static final String INPLACE = "rebuilds the table (ALGORITHM=INPLACE: writes go on while every row is "
      + "copied and every index rebuilt, then wait while the writes made meanwhile are applied)";
  /** Measured: one UPDATE of 200,000 NULLs among 1,000,000 rows stopped every write for 34 s. */
  private static final String FILL = "fills the NULLs with one UPDATE, during which writes to the table wait (InnoDB "
      + "locks every row it scans), then ";
  private static final Cost NOCOPY_DROP = Cost.light("drops it without copying the table (ALGORITHM=NOCOPY)");
  /** The longest VARCHAR whose length takes one byte in utf8mb4 (4 bytes a character, up to 255 bytes). */
  private static final int ONE_LENGTH_BYTE = 63;
  /**
   * The longest VARCHAR whose values' lengths InnoDB writes alike whether the column's maximum is above
   * 255 bytes or not (up to 127 bytes: one byte either way), so it may grow past 255 bytes instantly.
   */
  private static final int SHORT = 31;

  private final MariaDbDialect dialect;

  MariaDbCosts(MariaDbDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public String displayName() {
    return "MariaDB";
  }

  /** As the dialect types it: an unbounded string is TEXT, or VARCHAR(255) while keyed or indexed. */
  private String type(TableDefinition table, ColumnDefinition c) {
    return dialect.columnTypeSql(table, c);
  }

  /**
   * The unbounded strings a key change converts (TEXT ↔ VARCHAR(255): a type change, so ALGORITHM=COPY),
   * as MariaDbDialect does around every key and index change.
   */
  private static Cost keyChange(TableDefinition from, TableDefinition to, Cost statement) {
    List<String> converted = new ArrayList<>();
    for (ColumnDefinition c : to.columns()) {
      if (c.type() == ColumnType.STRING && c.length() == 0 && from.column(c.name()).isPresent()
          && MariaDbDialect.keyColumn(from, c.name()) != MariaDbDialect.keyColumn(to, c.name())) {
        converted.add(c.name() + (MariaDbDialect.keyColumn(to, c.name()) ? " from TEXT to VARCHAR(255)" : " from VARCHAR(255) to TEXT"));
      }
    }
    if (converted.isEmpty()) {
      return statement;
    }
    return Cost.heavy("converts the unbounded string column " + String.join(", ", converted) + ", which "
        + COPY + " (give the field a length to avoid it)");
  }

  @Override
  public Cost cost(Operation op, Schema before) {
    return op.accept(new CostVisitor() {
      private TableDefinition after(String table) {
        return op.applyTo(before).table(table);
      }

      @Override
      public Cost alterCollation(io.jmigrate.migration.Operations.AlterCollation o) {
        return Cost.heavy("copies the table while writes wait (ALTER TABLE … CONVERT TO converts every text column)");
      }

      @Override
      public Cost addColumn(AddColumn o) {
        return o.column().generated() ? Cost.heavy("rebuilds the table while writes wait (an AUTO_INCREMENT column "
            + "cannot be added without a lock)") : Cost.light("is INSTANT");
      }

      @Override
      public Cost dropColumn(DropColumn o) {
        return Cost.light("is INSTANT");
      }

      @Override
      public Cost renameColumn(RenameColumn o) {
        return Cost.light("is INSTANT");
      }

      @Override
      public Cost alterColumn(AlterColumn o) {
        TableDefinition table = before.table(o.table());
        ColumnDefinition was = table.column(o.column().name()).orElseThrow();
        ColumnDefinition c = o.column();
        String from = type(table, was);
        String to = type(table, c);
        List<Cost> parts = new ArrayList<>();
        if (!from.equals(to) || was.generated() != c.generated()) {
          boolean longer = from.startsWith("VARCHAR") && to.startsWith("VARCHAR") && length(to) >= length(from)
              && (length(from) <= SHORT || length(from) > ONE_LENGTH_BYTE || length(to) <= ONE_LENGTH_BYTE);
          parts.add(longer && was.generated() == c.generated() ? Cost.light("is INSTANT (a longer VARCHAR)")
              : Cost.heavy(COPY));
        }
        if (!java.util.Objects.equals(was.collation(), c.collation())) {
          // The rows keep their bytes (INSTANT, also with a longer VARCHAR); an index over the column is sorted anew.
          boolean keyed = table.primaryKey().contains(c.name())
              || table.indexes().stream().anyMatch(i -> i.columns().contains(c.name()))
              || table.foreignKeys().stream().anyMatch(f -> f.columns().contains(c.name()));
          parts.add(keyed ? Cost.light("rebuilds the indexes over the column without copying the table (ALGORITHM=NOCOPY)")
              : Cost.light("is INSTANT (a new collation)"));
        }
        if (was.nullable() != c.nullable()) {
          parts.add(Cost.heavy((c.nullable() ? "" : FILL) + INPLACE));
        }
        return parts.isEmpty() ? Cost.light(was.comment(c.comment()).equals(c) ? "is INSTANT (a new comment)"
            : "is INSTANT (a new default)") : Cost.of(parts);
      }

      private int length(String varchar) {
        return Integer.parseInt(varchar.substring("VARCHAR(".length(), varchar.length() - 1));
      }

      @Override
      public Cost setPrimaryKey(SetPrimaryKey o) {
        return keyChange(before.table(o.table()), after(o.table()), Cost.heavy(INPLACE
            + ": InnoDB stores the rows in primary-key order"));
      }

      @Override
      public Cost addIndex(AddIndex o) {
        return keyChange(before.table(o.table()), after(o.table()),
            Cost.light("builds the index without copying the table (ALGORITHM=NOCOPY), while writes go on"));
      }

      @Override
      public Cost dropIndex(DropIndex o) {
        return keyChange(before.table(o.table()), after(o.table()), NOCOPY_DROP);
      }

      @Override
      public Cost renameIndex(RenameIndex o) {
        return Cost.light("renames the index in place (only its metadata changes, no build)");
      }

      @Override
      public Cost addForeignKey(AddForeignKey o) {
        return keyChange(before.table(o.table()), after(o.table()), Cost.heavy(COPY
            + " (InnoDB adds a foreign key in place only with foreign_key_checks off, and then checks no row)"));
      }

      @Override
      public Cost dropForeignKey(DropForeignKey o) {
        return keyChange(before.table(o.table()), after(o.table()), NOCOPY_DROP);
      }
    });
  }
}
