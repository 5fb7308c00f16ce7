package io.jmigrate.spring.boot.migrations;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import java.util.List;

/** The starter's test migrations, as the processor would write them (without fingerprints). */
public final class V0001_CreateBook extends Migration {
  public V0001_CreateBook() {
    super(1, "create table book");
  }

  @Override
  public List<Operation> up() {
    return List.of(
        createTable(table("book",
            column("id", BIGINT).notNull().identity(),
            column("title", STRING).length(100).notNull())
          .primaryKey("id")));
  }
}
