package io.jmigrate.spring.boot.migrations;

import static io.jmigrate.migration.Operations.*;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import java.util.List;

/** A third migration whose SQL the database refuses: start-up must stop with jmigrate's message. */
public final class V0003_Broken extends Migration {
  public V0003_Broken() {
    super(3, "fill the shelves");
  }

  @Override
  public List<Operation> up() {
    return List.of(sql("INSERT INTO shelves_that_do_not_exist (name) VALUES ('top')"));
  }
}
