package io.jmigrate.spring.boot.migrations;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import java.util.List;

public final class V0002_AddBookAuthor extends Migration {
  public V0002_AddBookAuthor() {
    super(2, "add column book.author; a first book");
  }

  @Override
  public List<Operation> up() {
    return List.of(
        addColumn("book", column("author", STRING).length(100)),
        sql("INSERT INTO book (title, author) VALUES ('Dune', 'Frank Herbert')", "DELETE FROM book WHERE title = 'Dune'"));
  }
}
