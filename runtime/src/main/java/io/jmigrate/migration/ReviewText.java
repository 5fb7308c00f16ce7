package io.jmigrate.migration;

import io.jmigrate.schema.ColumnProperty;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.schema.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/** The reviewer's text of the definitions operations carry (not a contract: free to change). */
final class ReviewText {
  private ReviewText() {}

  static String table(TableDefinition t) {
    List<String> parts = new ArrayList<>();
    t.columns().forEach(c -> parts.add(c.name() + " " + ColumnProperty.reviewText(c)));
    if (!t.primaryKey().isEmpty()) {
      parts.add("primary key (" + String.join(", ", t.primaryKey()) + ")");
    }
    t.indexes().forEach(i -> parts.add(index(i)));
    t.foreignKeys().forEach(f -> parts.add(f.name() + " " + foreignKey(f)));
    return t.name() + " (" + String.join(", ", parts) + ")";
  }

  static String index(IndexDefinition i) {
    return (i.unique() ? "unique index " : "index ") + i.name() + " (" + String.join(", ", i.columns()) + ")";
  }

  /** {@code (owner_id) references owner (id) on delete CASCADE}: without the key's name. */
  static String foreignKey(ForeignKeyDefinition f) {
    StringBuilder s = new StringBuilder("(").append(String.join(", ", f.columns())).append(") references ")
        .append(f.refTable()).append(" (").append(String.join(", ", f.refColumns())).append(')');
    if (f.onDelete() != ReferentialAction.NO_ACTION) {
      s.append(" on delete ").append(f.onDelete().name());
    }
    if (f.onUpdate() != ReferentialAction.NO_ACTION) {
      s.append(" on update ").append(f.onUpdate().name());
    }
    return s.toString();
  }
}
