package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.engine.UpToDate;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.migration.SquashedMigration;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.Sql;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Ajmigrate.squash=N} with real javac runs, on real SQLite and PostgreSQL databases: a new
 * database runs only the squashed migration and gets the same schema as one that ran 1 to N; a
 * database at N keeps going; one below N is told what to do; later migrations continue at N + 1.
 */
class SquashTest {
  static final String USER = """
      package com.acme.model;

      import io.jmigrate.*;

      @Table(name = "app_user")
      public class User {
        @Id(generated = true) long id;
        @Column(length = 50, nullable = false) String name;
      }
      """;
  static final String USER_EMAIL = USER.replace("String name;", "String name;\n  String email;")
      .replace("@Table(name = \"app_user\")", "@Table(name = \"app_user\")\n@Index(columns = \"email\")");
  static final String ORDER = """
      package com.acme.model;

      import io.jmigrate.*;

      @Table(name = "app_order")
      public class Order {
        @Id(generated = true) long id;
        @ForeignKey(User.class) Long userId;
      }
      """;
  static final String ORDER_TOTAL = ORDER.replace("Long userId;", "Long userId;\n  Long total;");

  @TempDir Path dir;

  interface Databases {
    String fresh() throws Exception;
  }

  @Test
  void sqlite() throws Exception {
    int[] n = {0};
    squash(() -> "jdbc:sqlite:" + dir.resolve("db" + (++n[0]) + ".sqlite"), false);
  }

  @Test
  void postgresql() throws Exception {
    squash(Postgres::newDatabaseUrl, true);
  }

  private void squash(Databases dbs, boolean postgres) throws Exception {
    Project p = new Project(dir.resolve("project")).write("com/acme/model/User.java", USER);
    Project.Result v1 = p.build().assertOk();
    p.write("com/acme/model/User.java", USER_EMAIL);
    p.build().assertOk();
    p.write("com/acme/model/Order.java", ORDER);
    Project.Result v3 = p.build().assertOk();
    assertEquals(List.of("V0001_CreateAppUser.java", "V0002_AddAppUserEmailAndAddIxAppUserEmail.java", "V0003_CreateAppOrder.java"),
        List.copyOf(p.migrations("com.acme.migrations").keySet()));

    String atThree = dbs.fresh(); // migrated one by one, before the squash
    String atOne = dbs.fresh();
    try (Connection c = DriverManager.getConnection(atThree)) {
      assertEquals(3, v3.migrator().migrate(c).size());
      Sql.exec(c, "INSERT INTO app_user (name, email) VALUES ('ann', 'ann@example.com')");
    }
    try (Connection c = DriverManager.getConnection(atOne)) {
      v1.migrator().migrate(c);
    }

    Project.Result squashed = p.build("-Ajmigrate.squash=3").assertOk();
    assertEquals(List.of("V0003_Squashed.java"), List.copyOf(p.migrations("com.acme.migrations").keySet()),
        "the replaced sources are deleted");
    String source = p.migrations("com.acme.migrations").get("V0003_Squashed.java");
    assertTrue(source.contains("extends SquashedMigration") && source.contains("\"squashed versions 1 to 3\""), source);
    Migrator m = squashed.migrator();
    assertEquals(1, m.migrations().size());
    assertTrue(m.migrations().get(0) instanceof SquashedMigration);
    assertTrue(indexLines(squashed).get(0).endsWith(" squashed"), indexLines(squashed).toString());

    // A new database runs only the squashed migration and ends with the same schema.
    String fresh = dbs.fresh();
    try (Connection c = DriverManager.getConnection(fresh); Connection old = DriverManager.getConnection(atThree)) {
      assertEquals(1, m.migrate(c).size());
      assertEquals(catalog(old, postgres), catalog(c, postgres));
      assertEquals(List.of(List.of(3)), Sql.rows(c, "SELECT version FROM jmigrate_history"));
      assertTrue(m.migrate(c).isEmpty());
      assertTrue(upToDate(squashed, c), "the start-up fast path knows the squashed database is up to date");
    }
    // A database at N keeps going: its rows 1..N stay valid, nothing runs.
    try (Connection c = DriverManager.getConnection(atThree)) {
      assertTrue(m.migrate(c).isEmpty());
      assertTrue(upToDate(squashed, c), "and so does it for a database that ran 1 to N one by one");
      assertTrue(m.status(c).entries().stream().allMatch(e -> e.problem() == null), m.status(c).toString());
      MigrationException down = assertThrows(MigrationException.class, () -> m.migrateTo(c, 0));
      assertTrue(down.getMessage().contains("build from before the squash"), down.getMessage());
    }
    // Below N: told what to do, nothing changed.
    try (Connection c = DriverManager.getConnection(atOne)) {
      assertFalse(upToDate(squashed, c));
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("at version 1") && e.getMessage().contains("Migrate this database to version 3"
          + " with a build from before the squash first"), e.getMessage());
      assertEquals(List.of(List.of(1)), Sql.rows(c, "SELECT version FROM jmigrate_history"));
    }

    // Later migrations continue at N + 1 on both.
    p.write("com/acme/model/Order.java", ORDER_TOTAL);
    Project.Result v4 = p.build().assertOk();
    assertEquals(List.of("V0003_Squashed.java", "V0004_AddAppOrderTotal.java"),
        List.copyOf(p.migrations("com.acme.migrations").keySet()));
    for (String url : List.of(fresh, atThree)) {
      try (Connection c = DriverManager.getConnection(url)) {
        assertEquals(4, v4.migrator().migrate(c).get(0).version());
        assertTrue(upToDate(v4, c));
        assertTrue(v4.migrator().validate(c).isEmpty(), v4.migrator().validate(c).toString());
      }
    }
    try (Connection a = DriverManager.getConnection(fresh); Connection b = DriverManager.getConnection(atThree)) {
      assertEquals(catalog(b, postgres), catalog(a, postgres));
    }
    // A new database reverts through the squashed migration to empty, and back.
    try (Connection c = DriverManager.getConnection(dbs.fresh())) {
      v4.migrator().migrate(c);
      v4.migrator().migrateTo(c, 0);
      assertTrue(catalog(c, postgres).isBlank(), catalog(c, postgres));
      assertEquals(2, v4.migrator().migrate(c).size());
    }
  }

  /**
   * A JPA generator table's rows are generated steps, not hand-written ones: the squash keeps them, and a new
   * database gets the table with its segment's row.
   */
  @Test
  void keepsTheRowsOfAGeneratorTable() throws Exception {
    String ticket = """
        package com.acme.model;
        import jakarta.persistence.*;
        @Entity public class Ticket {
          @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = "t")
          @TableGenerator(name = "t", table = "ids", pkColumnValue = "ticket", initialValue = 7) Long id;
        }
        """;
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Ticket.java", ticket);
    p.build().assertOk();
    p.write("com/acme/model/Ticket.java", ticket.replace("Long id;", "Long id;\n  String title;"));
    p.build().assertOk();
    Project.Result squashed = p.build("-Ajmigrate.squash=2").assertOk();
    String source = p.migrations("com.acme.migrations").get("V0002_Squashed.java");
    assertTrue(source.contains("insert into ids (sequence_name, next_val) select 'ticket', 7"), source);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("squashed.sqlite"))) {
      squashed.migrator().migrate(c);
      try (var rs = c.createStatement().executeQuery("SELECT sequence_name, next_val FROM ids")) {
        assertTrue(rs.next());
        assertEquals("ticket 7", rs.getString(1) + " " + rs.getLong(2));
      }
    }
  }

  @Test
  void refusesToFoldHandWrittenStepsOrAnOlderVersion() throws Exception {
    Project p = new Project(dir.resolve("project")).write("com/acme/model/User.java", USER);
    p.build().assertOk();
    p.write("com/acme/model/User.java", USER_EMAIL);
    p.build().assertOk();
    List<String> errors = p.build("-Ajmigrate.squash=1").errors();
    assertTrue(errors.toString().contains("Squash with -Ajmigrate.squash=2"), errors.toString());

    String v2 = p.migrations("com.acme.migrations").get("V0002_AddAppUserEmailAndAddIxAppUserEmail.java");
    p.write("com/acme/migrations/V0002_AddAppUserEmailAndAddIxAppUserEmail.java",
        v2.replace("return List.of(", "return List.of(\n        sql(\"UPDATE app_user SET email = name\"),"));
    errors = p.build("-Ajmigrate.squash=2").errors();
    assertTrue(errors.toString().contains("[V0002_AddAppUserEmailAndAddIxAppUserEmail] have hand-written steps"), errors.toString());
    assertEquals(2, p.migrations("com.acme.migrations").size(), "nothing was deleted");
  }

  private static String catalog(Connection c, boolean postgres) throws Exception {
    return postgres ? Db.postgresCatalog(c) : Db.catalog(c);
  }

  static List<String> indexLines(Project.Result r) throws Exception {
    return java.nio.file.Files.readAllLines(r.classes().resolve(MigrationIndex.RESOURCE)).stream()
        .filter(l -> !l.startsWith("#")).toList();
  }

  static boolean upToDate(Project.Result r, Connection c) throws Exception {
    URLClassLoader loader = new URLClassLoader(new URL[] {r.classes().toUri().toURL()}, SquashTest.class.getClassLoader());
    URL index = loader.findResource(MigrationIndex.RESOURCE);
    return UpToDate.check(c, index, MigrationIndex.read(index), loader);
  }
}
