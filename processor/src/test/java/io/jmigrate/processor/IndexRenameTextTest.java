package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration written for a column and a table rename whose indexes carry derived names. */
class IndexRenameTextTest {
  static final String PKG = "com.acme.migrations";
  static final String HEAD = "package com.acme.model;\nimport io.jmigrate.*;\n";

  @TempDir Path dir;

  @Test
  void theIndexesAreRenamedNotDroppedAndAddedAgain() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Book.java", HEAD + "@Index(columns = \"title\")\n"
        + "@Table public class Book { @Id long id; @Column(unique = true) String code; String title; }");
    p.build().assertOk();
    p.delete("com/acme/model/Book.java").write("com/acme/model/Volume.java", HEAD + "@Index(columns = \"name\")\n"
        + "@Table @RenamedFrom(\"book\") public class Volume { @Id long id; @Column(unique = true) String code;\n"
        + "  @RenamedFrom(\"title\") String name; }");
    p.build("-Ajmigrate.online=off").assertOk();
    Map.Entry<String, String> v2 = p.migrations(PKG).lastEntry();
    assertEquals("V0002_RenameBookToVolumeAndRenameVolumeTitleToName.java", v2.getKey());
    String text = v2.getValue();
    String up = text.substring(text.indexOf("return List.of(") , text.indexOf(");", text.indexOf("return List.of(")) + 2);
    assertEquals("""
        return List.of(
                renameTable("book", "volume"),
                renameColumn("volume", "title", "name"),
                renameIndex("volume", "ix_book_title", "ix_volume_name"),
                renameIndex("volume", "ux_book_code", "ux_volume_code"));""", up);
    assertTrue(text.contains("<li>rename index volume.ux_book_code to ux_volume_code (in place; SQLite cannot, "
        + "and drops and creates the index)"), text);
  }
}
