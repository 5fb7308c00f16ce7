package io.jmigrate.engine;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import java.util.List;

/** A migration built in a test, as a generated one would be. */
final class TestMigration extends Migration {
  private final List<Operation> ops;

  TestMigration(int version, String description, Operation... ops) {
    super(version, description);
    this.ops = List.of(ops);
  }

  @Override
  public List<Operation> up() {
    return ops;
  }
}
