package io.jmigrate.spring.boot.migrations;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import java.util.List;

public final class V0003_CreateShelf extends Migration {
  public V0003_CreateShelf() {
    super(3, "create table shelf");
  }

  @Override
  public List<Operation> up() {
    return List.of(
        createTable(table("shelf",
            column("name", STRING).length(50).notNull(),
            column("capacity", INTEGER).notNull())
          .primaryKey("name")));
  }
}
