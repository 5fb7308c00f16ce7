package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hibernate's {@code @Comment} on a field: the column's comment, as Hibernate 7's own export makes it
 * ({@code comment on column} on PostgreSQL and H2, {@code comment '…'} in MariaDB's column definition); on the
 * entity: the table's ({@code comment on table}, MariaDB's {@code comment='…'} table option);
 * jmigrate's migration gives the same comments, validate finds no drift, and Hibernate's validate passes.
 */
class CommentTest {
  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"POSTGRESQL", "H2", "MARIADB"})
  void commentsAreHibernates(Target target, @TempDir Path dir) throws Exception {
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/comments")));
    EntityProject.Build build = project.build().assertOk();
    assertEquals(List.of(), build.warningsAbout("Comment"), "@Comment is read, not warned about");
    String hibernateUrl = target.newDatabaseUrl(dir);
    String jmigrateUrl = target.newDatabaseUrl(dir);
    build.exportAndMigrate(target, hibernateUrl, jmigrateUrl);
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      assertEquals(Map.of("author", "who wrote it", "body", "the text, as typed", "shelf_id", "where it is kept"),
          comments(h), "Hibernate's export");
      assertEquals(comments(h), comments(j));
      assertEquals("notes people keep", tableComment(h), "Hibernate's export of @Comment on the entity");
      assertEquals(tableComment(h), tableComment(j));
    }
  }

  private static String tableComment(Connection c) throws Exception {
    boolean noSchema = c.getMetaData().getDatabaseProductName().matches("(?i).*(mariadb|mysql).*");
    try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), noSchema ? null : c.getSchema(), "note", null)) {
      return rs.next() ? rs.getString("REMARKS") : null;
    }
  }

  private static Map<String, String> comments(Connection c) throws Exception {
    Map<String, String> out = new TreeMap<>();
    boolean noSchema = c.getMetaData().getDatabaseProductName().matches("(?i).*(mariadb|mysql).*");
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), noSchema ? null : c.getSchema(), "note", "%")) {
      while (rs.next()) {
        String remarks = rs.getString("REMARKS");
        if (remarks != null && !remarks.isEmpty()) {
          out.put(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT), remarks);
        }
      }
    }
    return out;
  }
}
