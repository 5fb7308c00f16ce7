package io.jmigrate.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.processor.model.assemble.ModelReader;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Validation and the schema build work on plain declarations, without javac: what a new input
 * format's extractor produces is all they need.
 */
class ModelStagesTest {
  private static final JavaType LONG = JavaType.primitive("long", ColumnType.BIGINT, "Long");
  private static final JavaType STRING = JavaType.of("java.lang.String", ColumnType.STRING);
  private static final JavaType DECIMAL = JavaType.of("java.math.BigDecimal", ColumnType.DECIMAL);

  @Test
  void declarationsBuildTheSchemaAndTheIntents() {
    TableDeclaration author = table("com.acme.Author", "author", List.of(id("id")), List.of(), null);
    ColumnDeclaration title = column("title", STRING, 200, 0, 0, "untitled", null, false);
    ColumnDeclaration price = column("price", DECIMAL, 0, 8, 2, "1.50", null, true);
    ColumnDeclaration authorId = new ColumnDeclaration("author_id", false, "authorId", "Book", LONG, false, false,
        null, 0, 0, 0, false, null, null, "writer_id",
        new ForeignKeyDeclaration("com.acme.Author", "Author", true, "", ReferentialAction.CASCADE, ReferentialAction.NO_ACTION), false,
        Origin.NONE);
    TableDeclaration book = table("com.acme.Book", "book", List.of(id("id"), title, price, authorId),
        List.of(new IndexDeclaration(List.of("title"), true, "", Origin.NONE)), "books");

    Models models = ModelReader.readDeclarations(List.of(book, author));

    assertEquals(List.of(), models.problems());
    Schema expected = Schema.of(List.of(
        new TableDefinition("author", List.of(ColumnDefinition.of("id", ColumnType.BIGINT).nullable(false)), List.of("id"), List.of(),
            List.of()),
        new TableDefinition("book", List.of(
            ColumnDefinition.of("id", ColumnType.BIGINT).nullable(false),
            ColumnDefinition.of("title", ColumnType.STRING).length(200).defaultValue("untitled"),
            ColumnDefinition.of("price", ColumnType.DECIMAL).precision(8, 2).defaultValue("1.5"),
            ColumnDefinition.of("author_id", ColumnType.BIGINT).nullable(false)),
            List.of("id"), List.of(IndexDefinition.unique("ux_book_title", "title")), List.of())
            .foreignKey(ForeignKeyDefinition.of("fk_book_author_id", "author_id", "author", "id").onDelete(ReferentialAction.CASCADE))));
    assertEquals(expected, models.schema());
    assertEquals(Map.of("book", "books"), models.tableRenames());
    assertEquals(Map.of("book", Map.of("author_id", "writer_id")), models.columnRenames());
    assertEquals(java.util.Set.of("book.price"), models.narrowable());
    assertEquals(Map.of("author", "com.acme.Author", "book", "com.acme.Book"), models.tableClasses());
  }

  @Test
  void validationFindsEveryProblemOnDeclarations() {
    TableDeclaration thing = table("com.acme.Thing", "thing", List.of(id("id"),
        column("code", STRING, 3, 0, 0, "abcd", null, false),
        column("amount", DECIMAL, 0, 3, 0, "1000", null, false),
        column("größe", JavaType.primitive("int", ColumnType.INTEGER, "Integer"), 0, 0, 0, null, null, false)),
        List.of(new IndexDeclaration(List.of("nope"), false, "", Origin.NONE)), null);

    List<String> messages = ModelReader.readDeclarations(List.of(thing)).problems().stream()
        .map(Problem::message).toList();

    assertEquals(3, messages.size(), messages.toString()); // the table's indexes are not checked past bad columns
    assertTrue(messages.get(0).startsWith("defaultValue \"abcd\" has 4 characters, but the column's length is 3"));
    assertTrue(messages.get(1).startsWith("defaultValue \"1000\" has 4 digits before the point"));
    assertTrue(messages.get(2).startsWith("invalid column name \"größe\" (from the field größe): 'ö' is not an ASCII letter"));
  }

  @Test
  void aReferenceToAModelWithErrorsIsNotReportedTwice() {
    TableDeclaration broken = table("com.acme.Broken", "broken", List.of(), List.of(), null);
    ColumnDeclaration ref = new ColumnDeclaration("broken_id", false, "brokenId", "Thing", LONG, false, false, null,
        0, 0, 0, false, null, null, null,
        new ForeignKeyDeclaration("com.acme.Broken", "Broken", true, "", ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION), false,
        Origin.NONE);
    TableDeclaration thing = table("com.acme.Thing", "thing", List.of(id("id"), ref), List.of(), null);

    List<String> messages = ModelReader.readDeclarations(List.of(thing, broken)).problems().stream()
        .map(Problem::message).toList();

    assertEquals(List.of("@Table Broken has no columns: add a field, or remove @Table (static, transient and "
        + "@Transient fields are not columns)"), messages);
  }

  private static ColumnDeclaration id(String name) {
    return new ColumnDeclaration(name, false, name, "", LONG, true, false, null, 0, 0, 0, false, null, null, null, null,
        false, Origin.NONE);
  }

  private static ColumnDeclaration column(String name, JavaType type, int length, int precision, int scale,
      String defaultValue, String defaultSql, boolean narrow) {
    return new ColumnDeclaration(name, false, name, "", type, false, false, null, length, precision, scale, false,
        defaultValue, defaultSql, null, null, narrow, Origin.NONE);
  }

  private static TableDeclaration table(String className, String name, List<ColumnDeclaration> columns,
      List<IndexDeclaration> indexes, String renamedFrom) {
    return new TableDeclaration(className, className.substring(className.lastIndexOf('.') + 1), name, true,
        TableDeclaration.Shape.CLASS, columns, indexes, renamedFrom, List.of(), List.of(), Origin.NONE);
  }
}
