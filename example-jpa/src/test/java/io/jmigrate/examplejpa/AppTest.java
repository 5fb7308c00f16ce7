package io.jmigrate.examplejpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example as a user runs it, twice, on a new H2 file: the migrations the processor committed, then Hibernate's validate. */
class AppTest {
  @Test
  void migratesThenHibernateValidatesWritesAndReads(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("clinic") + ";DATABASE_TO_LOWER=TRUE";

    List<String> first = App.run(url);
    assertTrue(first.get(0).startsWith("Migrated: "), first.get(0));
    assertEquals("Hibernate validated the schema and read back 1 owner(s) and 1 visit(s); the latest: rabies shot.", first.get(1));

    List<String> second = App.run(url);
    assertTrue(second.get(0).startsWith("The database is up to date"), second.get(0));
    assertEquals("Hibernate validated the schema and read back 2 owner(s) and 2 visit(s); the latest: rabies shot.", second.get(1));
  }
}
