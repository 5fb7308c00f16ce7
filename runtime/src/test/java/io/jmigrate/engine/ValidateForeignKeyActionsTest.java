package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate compares a foreign key's actions, ON DELETE and ON UPDATE, as each catalog reports them: a key
 * migrated with each action validates clean on all four databases (MariaDB and H2 report RESTRICT for NO
 * ACTION, which there is the same), and a key re-created by hand with other actions is drift, named.
 */
class ValidateForeignKeyActionsTest {
  @TempDir Path dir;

  static final Migrator MIGRATOR = new Migrator(List.of(new TestMigration(1, "create",
      createTable(table("p", column("id", INTEGER).notNull()).primaryKey("id")),
      createTable(table("c", column("id", INTEGER).notNull(), column("p_id", INTEGER)).primaryKey("id")
          .foreignKey(foreignKey("fk_c_p", "p_id", "p", "id"))),
      createTable(table("r", column("id", INTEGER).notNull(), column("p_id", INTEGER)).primaryKey("id")
          .foreignKey(foreignKey("fk_r_p", "p_id", "p", "id").onDelete(ReferentialAction.RESTRICT)
              .onUpdate(ReferentialAction.CASCADE))),
      createTable(table("n", column("id", INTEGER).notNull(), column("p_id", INTEGER)).primaryKey("id")
          .foreignKey(foreignKey("fk_n_p", "p_id", "p", "id").onDelete(ReferentialAction.SET_NULL)
              .onUpdate(ReferentialAction.NO_ACTION))),
      createTable(table("k", column("id", INTEGER).notNull(), column("p_id", INTEGER)).primaryKey("id")
          .foreignKey(foreignKey("fk_k_p", "p_id", "p", "id").onDelete(ReferentialAction.CASCADE)
              .onUpdate(ReferentialAction.RESTRICT))))));

  static final List<String> DRIFT = List.of(
      "foreign key c.p_id->p.id: on delete CASCADE in the database, NO ACTION in the migrations",
      "foreign key r.p_id->p.id: on delete SET NULL in the database, RESTRICT in the migrations",
      "foreign key r.p_id->p.id: on update NO ACTION in the database, CASCADE in the migrations");

  /** Migrated: no drift; then c's and r's keys re-created by {@code recreate} with other actions. */
  void check(Connection c, Recreate recreate) throws Exception {
    MIGRATOR.migrate(c);
    assertEquals(List.of(), MIGRATOR.validate(c).differences());
    recreate.key(c, "c", "fk_c_p", " ON DELETE CASCADE");
    recreate.key(c, "r", "fk_r_p", " ON DELETE SET NULL");
    assertEquals(DRIFT, MIGRATOR.validate(c).differences());
    // An action the unmanaged file declares is the database's, accepted with that value and no other.
    Unmanaged declared = Unmanaged.parse("foreign key c.p_id->p.id: on delete = CASCADE\n"
        + "foreign key r.p_id->p.id: on update = SET NULL\n");
    assertEquals(List.of(
        "foreign key r.p_id->p.id: on delete SET NULL in the database, RESTRICT in the migrations",
        "foreign key r.p_id->p.id: on update NO ACTION in the database, CASCADE in the migrations"
            + " (META-INF/jmigrate/unmanaged declares SET NULL)"),
        MIGRATOR.withUnmanaged(declared).validate(c).differences());
  }

  interface Recreate {
    void key(Connection c, String table, String name, String actions) throws Exception;
  }

  static void alterTable(Connection c, String table, String name, String actions, String drop) throws Exception {
    exec(c, "ALTER TABLE " + table + " " + drop + " " + name);
    exec(c, "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY (p_id) REFERENCES p (id)" + actions);
  }

  @Test
  void postgresql() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      check(c, (db, t, n, a) -> alterTable(db, t, n, a, "DROP CONSTRAINT"));
    }
  }

  @Test
  void mariadb() throws Exception {
    try (Connection c = MariaDb.newDatabase()) {
      check(c, (db, t, n, a) -> alterTable(db, t, n, a, "DROP FOREIGN KEY"));
    }
  }

  @Test
  void h2() throws Exception {
    try (Connection c = H2.file(dir, "fk")) {
      check(c, (db, t, n, a) -> alterTable(db, t, n, a, "DROP CONSTRAINT"));
    }
  }

  /** SQLite changes a key only by rebuilding its table: the table's own CREATE TABLE with the actions replaced. */
  @Test
  void sqlite() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fk.db"))) {
      check(c, (db, t, n, a) -> {
        String sql;
        try (var s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = '" + t + "'")) {
          rs.next();
          sql = rs.getString(1);
        }
        String rebuilt = sql.replaceFirst("(?i)(CREATE TABLE\\s+)\"?" + t + "\"?", "$1\"" + t + "_new\"")
            .replaceFirst("(?i)(REFERENCES\\s+\"?p\"?\\s*\\(\\s*\"?id\"?\\s*\\))[^,)]*", "$1" + a);
        exec(db, rebuilt);
        exec(db, "INSERT INTO " + t + "_new SELECT * FROM " + t);
        exec(db, "DROP TABLE " + t);
        exec(db, "ALTER TABLE " + t + "_new RENAME TO " + t);
      });
    }
  }
}
