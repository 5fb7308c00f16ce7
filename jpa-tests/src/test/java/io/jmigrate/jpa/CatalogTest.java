package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The comparison itself: two schemas that differ only in constraint and index names read alike;
 * a difference in a type's length, nullability, a foreign key, a unique constraint or an index
 * shows as the lines that differ.
 */
class CatalogTest {
  private static final String PARENT = "CREATE TABLE parent (id INTEGER NOT NULL, code VARCHAR(20) NOT NULL, CONSTRAINT %s PRIMARY KEY (id))";
  private static final String CHILD = "CREATE TABLE child (id INTEGER NOT NULL, parent_id INTEGER %s, label VARCHAR(%d),"
      + " amount NUMERIC(10,2), PRIMARY KEY (id))";

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"POSTGRESQL", "H2", "MARIADB"}) // SQLite: see Target.hibernateIsReference
  void namesDoNotCountEverythingElseDoes(Target target, @TempDir Path dir) throws Exception {
    List<String> original = catalog(target, dir, "pk_a", "", 40, "fk_a", true, "ux_a", "ix_a", false);
    assertEquals(original, catalog(target, dir, "pk_b", "", 40, "fk_b", true, "ux_b", "ix_b", false), "names only");

    assertEquals(List.of("column child.parent_id " + integer(target) + " not null"),
        diff(original, catalog(target, dir, "pk_a", "NOT NULL", 40, "fk_a", true, "ux_a", "ix_a", false)));
    assertEquals(1, diff(original, catalog(target, dir, "pk_a", "", 41, "fk_a", true, "ux_a", "ix_a", false)).size(), "length");
    assertEquals(List.of("foreign key child (parent_id) references parent (id)"),
        diff(catalog(target, dir, "pk_a", "", 40, "fk_a", false, "ux_a", "ix_a", false), original), "foreign key");
    assertEquals(List.of("unique child (label, amount)"),
        diff(catalog(target, dir, "pk_a", "", 40, "fk_a", true, "ux_a", "ix_a", true), original), "unique");
  }

  @Test
  void onlyTheListedTypePairsAreAccepted() {
    List<String> jmigrate = List.of("column t.a boolean not null", "column t.b varchar(20)", "column t.c timestamp", "column t.d smallint");
    List<String> hibernate = List.of("column t.a bit not null", "column t.b enum", "column t.c datetime not null", "column t.d int");
    assertEquals(List.of("column t.a boolean not null", "column t.b varchar(20)", "column t.c datetime not null", "column t.d int"),
        KnownDifferences.accept(Target.MARIADB, hibernate, jmigrate), "nullability and int/smallint still differ");
    assertEquals(hibernate, KnownDifferences.accept(Target.POSTGRESQL, hibernate, jmigrate), "none on PostgreSQL");
  }

  /** Lines of {@code b} that {@code a} lacks. */
  private static List<String> diff(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(b);
    out.removeAll(a);
    return out;
  }

  private static String integer(Target target) {
    return switch (target) {
      case POSTGRESQL -> "int4";
      case MARIADB -> "int";
      default -> "integer";
    };
  }

  private static List<String> catalog(Target target, Path dir, String pk, String nullability, int length, String fk,
      boolean withForeignKey, String unique, String index, boolean indexNotUnique) throws Exception {
    try (Connection c = DriverManager.getConnection(target.newDatabaseUrl(dir)); var s = c.createStatement()) {
      s.execute(String.format(PARENT, pk));
      s.execute(String.format(CHILD, nullability, length).replace(", PRIMARY KEY", withForeignKey
          ? ", CONSTRAINT " + fk + " FOREIGN KEY (parent_id) REFERENCES parent (id), PRIMARY KEY" : ", PRIMARY KEY"));
      s.execute("CREATE UNIQUE INDEX " + unique + " ON parent (code)");
      s.execute("CREATE " + (indexNotUnique ? "" : "UNIQUE ") + "INDEX " + index + " ON child (label, amount)");
      return Catalog.read(c, target);
    }
  }
}
