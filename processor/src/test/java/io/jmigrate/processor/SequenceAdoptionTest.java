package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Drift;
import io.jmigrate.engine.Migrator;
import io.jmigrate.inspect.Inspection;
import io.jmigrate.testing.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PostgreSQL database with sequences of its own (one a table's ids come from, as Hibernate makes them,
 * one shared) besides a serial column's: {@code inspect} writes them as {@code @Sequence} on the models
 * (plain or {@code --jpa}), the build creates them in V0001, {@code baseline} and {@code validate} find no
 * drift, and the serial's own sequence is neither modelled nor reported. Then a change of increment
 * migrates the live sequence.
 */
class SequenceAdoptionTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "jpa = {0}")
  @ValueSource(booleans = {false, true})
  void inspectBuildBaselineValidateKeepsTheSequences(boolean jpa) throws Exception {
    try (Connection db = Postgres.newDatabase()) {
      exec(db, "CREATE SEQUENCE owner_seq START WITH 1 INCREMENT BY 50");
      exec(db, "CREATE SEQUENCE shared_numbers START WITH 1000 INCREMENT BY 1");
      exec(db, "CREATE TABLE owner (id BIGINT PRIMARY KEY, name VARCHAR(80))");
      exec(db, "CREATE TABLE note (id SERIAL PRIMARY KEY, text VARCHAR(200))");
      exec(db, "SELECT nextval('owner_seq')");

      Inspection inspection = Inspection.of(db, Set.of());
      assertEquals(List.of("owner_seq", "shared_numbers"),
          inspection.sequences().stream().map(q -> q.name()).toList(), "the serial's sequence is its column's");
      Project p = new Project(dir.resolve("app"));
      inspection.write(p.src, "com.acme.model", jpa);
      String owner = Files.readString(p.src.resolve("com/acme/model/Owner.java"));
      assertTrue(owner.contains("@io.jmigrate.Sequence(increment = 50L)\n"), owner);
      String note = Files.readString(p.src.resolve("com/acme/model/Note.java"));
      assertTrue(note.contains("@io.jmigrate.Sequence(name = \"shared_numbers\", start = 1000L)\n"), note);

      Project.Result first = p.build().assertOk();
      String v1 = p.migrations("com.acme.migrations").firstEntry().getValue();
      assertTrue(v1.contains("createSequence(sequence(\"owner_seq\").increment(50))"), v1);
      Migrator m = first.migrator();
      m.baseline(db, 1);
      Drift drift = m.validate(db);
      assertTrue(drift.isEmpty(), drift.toString());

      Files.writeString(p.src.resolve("com/acme/model/Owner.java"),
          owner.replace("@io.jmigrate.Sequence(increment = 50L)", "@io.jmigrate.Sequence(increment = 20L)"));
      Project.Result second = p.build().assertOk();
      assertEquals(1, second.migrator().migrate(db).size());
      assertTrue(second.migrator().validate(db).isEmpty(), second.migrator().validate(db).toString());
      assertEquals(List.of("20"), io.jmigrate.testing.Sql.strings(db,
          "SELECT increment_by || '' FROM pg_sequences WHERE sequencename = 'owner_seq'"));
    }
  }

  /** A sequence the migrations do not have, and one with another increment, are drift. */
  @Test
  void validateReportsSequencesThatDiffer() throws Exception {
    try (Connection db = Postgres.newDatabase()) {
      Project p = new Project(dir.resolve("drift")).write("com/acme/model/Owner.java", """
          package com.acme.model;
          import io.jmigrate.*;
          @Table @Sequence(increment = 50) public class Owner { @Id long id; }""");
      Migrator m = p.build().assertOk().migrator();
      m.migrate(db);
      exec(db, "ALTER SEQUENCE owner_seq INCREMENT BY 10");
      exec(db, "CREATE SEQUENCE stray_seq");
      assertEquals(List.of("sequence owner_seq starts at 1 and counts by 10 but the migrations make it start at 1"
          + " and count by 50", "sequence stray_seq is not in the migrations"), m.validate(db).differences());
    }
  }
}
