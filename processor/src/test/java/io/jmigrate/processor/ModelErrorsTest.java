package io.jmigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model mistake is a javac error at the user's own element (file and line), saying what
 * is wrong and how to fix it. The line is the one marked {@code // <-} in each source.
 */
class ModelErrorsTest {
  @TempDir Path dir;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("unsupported field type", """
            @Table class Thing {
              @Id long id;
              java.util.List<String> tags; // <-
            }""", "unsupported column type java.util.List<java.lang.String>"),
        Arguments.of("Period is unsupported too", """
            @Table class Thing {
              @Id long id;
              java.time.Period wait; // <-
            }""", "Mark the field @Transient"),
        Arguments.of("@Json on a number", """
            @Table class Thing {
              @Id long id;
              @Json Integer settings; // <-
            }""", "unsupported column type java.lang.Integer (@Json applies to String fields only)"),
        Arguments.of("fixed on a number", """
            @Table class Thing {
              @Id long id;
              @Column(fixed = true) long code; // <-
            }""", "unsupported column type long (@Column(fixed = true) applies to String fields only)"),
        Arguments.of("no columns", """
            @Table class Thing { // <-
              static int counter;
              transient String cache;
            }""", "has no columns"),
        Arguments.of("two columns with the same name after snake_case", """
            @Table class Thing {
              @Id long id;
              String emailAddress;
              @Column(name = "email_address") String other; // <-
            }""", "map to the column \"email_address\""),
        Arguments.of("foreign key to a type without @Table", """
            @Table class Thing {
              @Id long id;
              @ForeignKey(String.class) long owner; // <-
            }""", "must name a @Table type"),
        Arguments.of("foreign key to a missing column", """
            @Table class Thing {
              @Id long id;
              @ForeignKey(value = Thing.class, column = "nope") Long parent; // <-
            }""", "references the column \"nope\", which thing does not have"),
        Arguments.of("foreign key with a mismatched type", """
            @Table class Thing {
              @Id long id;
              @ForeignKey(Thing.class) Integer parent; // <-
            }""", "is INTEGER but references thing.id, which is BIGINT"),
        Arguments.of("index on an unknown column", """
            @Table
            @Index(columns = "emailAddress") // <- at the annotation value
            class Thing {
              @Id long id;
              String emailAddress;
            }""", "did you mean the column \"email_address\""),
        Arguments.of("invalid table name", """
            @Table(name = "my table") // <-
            class Thing {
              @Id long id;
            }""", "invalid table name \"my table\""),
        Arguments.of("over-long column name", """
            @Table class Thing {
              @Id long id;
              @Column(name = "a_very_long_column_name_that_goes_on_and_on_past_the_limit_of_sixty_three") String x; // <-
            }""", "at most 63 characters"),
        Arguments.of("nullable primitive", """
            @Table class Thing {
              @Id long id;
              @Column(nullable = true) int count; // <-
            }""", "use Integer for a nullable column"),
        Arguments.of("nullable id", """
            @Table class Thing {
              @Id @Column(nullable = true) Long id; // <-
            }""", "cannot be nullable: a primary key is never NULL"),
        Arguments.of("generic model", """
            @Table class Thing<T> { // <-
              @Id long id;
            }""", "is generic"),
        Arguments.of("abstract model", """
            @Table abstract class Thing { // <-
              @Id long id;
            }""", "is abstract"),
        Arguments.of("inner class", """
            class Outer {
              @Table class Thing { // <-
                @Id long id;
              }
            }""", "is an inner class; make it static or top-level"),
        Arguments.of("interface", """
            @Table interface Thing { // <-
            }""", "@Table goes on a class or a record, not on an interface"),
        Arguments.of("enum", """
            @Table enum Thing { // <-
              A
            }""", "not on an enum"),
        Arguments.of("unparsable defaultValue", """
            @Table class Thing {
              @Id long id;
              @Column(defaultValue = "lots") int count; // <-
            }""", "defaultValue \"lots\" is not a valid int"),
        Arguments.of("enum default that is not a constant", """
            @Table class Thing {
              enum Color { RED, GREEN }
              @Id long id;
              @Column(defaultValue = "BLUE") Color color; // <-
            }""", "expected one of [RED, GREEN]"),
        Arguments.of("both defaults", """
            @Table class Thing {
              @Id long id;
              @Column(defaultValue = "1", defaultSql = "2") int n; // <-
            }""", "either defaultValue or defaultSql"),
        Arguments.of("length on a number", """
            @Table class Thing {
              @Id long id;
              @Column(length = 10) int n; // <-
            }""", "length applies to String columns only"),
        Arguments.of("two columns renamed from the same name", """
            @Table class Thing {
              @Id long id;
              @RenamedFrom("old") String a;
              @RenamedFrom("old") String b; // <-
            }""", "say @RenamedFrom(\"old\")"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void isAnErrorAtTheElement(String name, String body, String message) {
    String source = "package com.acme.model;\n\nimport io.jmigrate.*;\n\n" + body + "\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    Compilation c = compile(file);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(message).inFile(file).onLine(markedLine(source));
  }

  /**
   * Where an annotation value causes the error, javac points at that value, not only at the
   * field or class: each value sits on its own line here, marked {@code // <-}.
   */
  static Stream<Arguments> mistakesAtTheAnnotationValue() {
    return Stream.of(
        Arguments.of("unparsable defaultValue", """
            @Table class Thing {
              @Id long id;
              @Column(nullable = false,
                  defaultValue = "lots") // <-
              int count;
            }""", "defaultValue \"lots\" is not a valid int"),
        Arguments.of("an unknown column among several of an @Index", """
            @Table
            @Index(columns = {"id",
                "emailAddress"}) // <-
            class Thing {
              @Id long id;
              String emailAddress;
            }""", "@Index names the unknown column \"emailAddress\""),
        // javac's Messager cannot place this one (an implicit container): ProblemPrinter does
        Arguments.of("the second of two @Index annotations", """
            @Table
            @Index(columns = "id")
            @Index(unique = true,
                columns = {"id",
                    "nope"}) // <-
            class Thing {
              @Id long id;
            }""", "@Index names the unknown column \"nope\""),
        Arguments.of("an invalid index name", """
            @Table
            @Index(columns = "id",
                name = "ix thing") // <-
            class Thing {
              @Id long id;
            }""", "invalid index name \"ix thing\""),
        Arguments.of("an invalid column name", """
            @Table class Thing {
              @Id long id;
              @Column(length = 20,
                  name = "e-mail") // <-
              String email;
            }""", "invalid column name \"e-mail\": '-' is not a letter, digit or underscore"),
        Arguments.of("nullable on a primitive", """
            @Table class Thing {
              @Id long id;
              @Column(length = 0,
                  nullable = true) // <-
              int count;
            }""", "use Integer for a nullable column"),
        Arguments.of("a foreign key to a missing column", """
            @Table class Thing {
              @Id long id;
              @ForeignKey(value = Thing.class,
                  column = "nope") // <-
              Long parent;
            }""", "references the column \"nope\""),
        Arguments.of("SET_NULL on a NOT NULL column", """
            @Table class Thing {
              @Id long id;
              @ForeignKey(value = Thing.class,
                  onDelete = ForeignKey.Action.SET_NULL) // <-
              long parent;
            }""", "SET_NULL needs a nullable column"),
        Arguments.of("a generated key that is not an integer", """
            @Table class Thing {
              @Id(
                  generated = true) // <-
              String id;
            }""", "@Id(generated = true) needs an int or long key"),
        Arguments.of("a record component's defaultValue", """
            @Table record Thing(@Id long id,
                @Column(nullable = false,
                    defaultValue = "lots") // <-
                int count) {
            }""", "defaultValue \"lots\" is not a valid int"),
        Arguments.of("two record components for one column", """
            @Table record Thing(@Id long id,
                String title,
                @Column(
                    name = "title") // <-
                String heading) {
            }""", "two fields of Thing map to the column \"title\": Thing.title and Thing.heading"),
        Arguments.of("two columns renamed from the same name", """
            @Table class Thing {
              @Id long id;
              @RenamedFrom("old") String a;
              @RenamedFrom(
                  "old") // <-
              String b;
            }""", "two fields of Thing say @RenamedFrom(\"old\"): Thing.a and Thing.b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakesAtTheAnnotationValue")
  void isAnErrorAtTheAnnotationValue(String name, String body, String message) {
    isAnErrorAtTheElement(name, body, message);
  }

  /** A default the column cannot hold fails the build, not the deploy (PostgreSQL refuses or rounds it). */
  static Stream<Arguments> defaultsThatDoNotFit() {
    return Stream.of(
        Arguments.of("longer than the length", """
            @Table class Thing {
              @Id long id;
              @Column(length = 3,
                  defaultValue = "abcd") // <-
              String code;
            }""", "defaultValue \"abcd\" has 4 characters, but the column's length is 3"),
        Arguments.of("an enum constant longer than the length", """
            @Table class Thing {
              enum Size { S, XXL }
              @Id long id;
              @Column(length = 2,
                  defaultValue = "XXL") // <-
              Size size;
            }""", "defaultValue \"XXL\" has 3 characters, but the column's length is 2"),
        Arguments.of("more decimals than the scale", """
            @Table class Thing {
              @Id long id;
              @Column(precision = 5, scale = 2,
                  defaultValue = "123.456") // <-
              java.math.BigDecimal price;
            }""", "defaultValue \"123.456\" has 3 digits after the point, but the column's scale is 2 "
            + "(precision 5, scale 2): PostgreSQL would store 123.46"),
        Arguments.of("more whole digits than precision leaves", """
            @Table class Thing {
              @Id long id;
              @Column(precision = 3,
                  defaultValue = "1000") // <-
              java.math.BigDecimal amount;
            }""", "defaultValue \"1000\" has 4 digits before the point, but precision 3 with scale 0 leaves room for 3"),
        Arguments.of("whole digits crowded out by the scale", """
            @Table class Thing {
              @Id long id;
              @Column(precision = 4, scale = 2,
                  defaultValue = "123") // <-
              java.math.BigDecimal amount;
            }""", "has 3 digits before the point, but precision 4 with scale 2 leaves room for 2"),
        Arguments.of("out of range for short", """
            @Table class Thing {
              @Id long id;
              @Column(
                  defaultValue = "40000") // <-
              short small;
            }""", "defaultValue \"40000\" is not a valid short: out of range: the column holds -32768 to 32767"),
        Arguments.of("out of range for int", """
            @Table class Thing {
              @Id long id;
              @Column(
                  defaultValue = "3000000000") // <-
              Integer count;
            }""", "is not a valid java.lang.Integer: out of range"),
        Arguments.of("out of range for float", """
            @Table class Thing {
              @Id long id;
              @Column(
                  defaultValue = "1e39") // <-
              float ratio;
            }""", "defaultValue \"1e39\" is not a valid float: out of range for a float"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultsThatDoNotFit")
  void defaultThatDoesNotFitIsAnErrorAtTheValue(String name, String body, String message) {
    isAnErrorAtTheElement(name, body, message);
  }

  @Test
  void defaultsThatFitCompile() throws Exception {
    JavaFileObject thing = JavaFileObjects.forSourceString("com.acme.model.Thing", """
        package com.acme.model;
        import io.jmigrate.*;
        @Table class Thing {
          @Id long id;
          @Column(length = 3, defaultValue = "abc") String code;
          @Column(length = 5, defaultValue = "größe") String word; // five characters, seven UTF-8 bytes
          @Column(precision = 5, scale = 2, defaultValue = "123.45") java.math.BigDecimal price;
          @Column(precision = 5, scale = 2, defaultValue = "-999.9000") java.math.BigDecimal low;
          @Column(precision = 3, defaultValue = "999") java.math.BigDecimal amount;
          @Column(precision = 2, scale = 2, defaultValue = "0.05") java.math.BigDecimal rate;
          @Column(defaultValue = "-32768") short small;
        }
        """);
    assertThat(compile(thing)).succeeded();
    assertTrue(java.nio.file.Files.readString(dir.resolve("schema.json")).contains("\"-999.9\""));
  }

  @Test
  void twoFieldsForOneColumnAreNamedWithTheirClasses() {
    String source = """
        package com.acme.model;
        import io.jmigrate.*;
        class BasePost {
          String title;
        }
        @Table class Post extends BasePost {
          @Id long id;
          String title;
        }
        """;
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Post", source);
    Compilation c = compile(file);
    assertThat(c).hadErrorContaining("two fields of Post map to the column \"title\": BasePost.title and Post.title")
        .inFile(file).onLine(8);
  }

  /**
   * Names are ASCII (see README): a non-ASCII name is refused with the letter that is not, and an
   * ASCII column name keeps a non-ASCII field name usable.
   */
  @Test
  void aNonAsciiColumnNameSaysWhichLetter() {
    String source = """
        package com.acme.model;
        import io.jmigrate.*;
        @Table class Thing {
          @Id long id;
          int größe;
        }
        """;
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    assertThat(compile(file)).hadErrorContaining("invalid column name \"größe\" (from the field größe): "
        + "'ö' is not an ASCII letter").inFile(file).onLine(5);
  }

  @Test
  void aNonAsciiTableNameIsAnErrorAtTheName() {
    String source = """
        package com.acme.model;
        import io.jmigrate.*;
        @Table(
            name = "café")
        class Thing {
          @Id long id;
        }
        """;
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    assertThat(compile(file)).hadErrorContaining("invalid table name \"café\": 'é' is not an ASCII letter. "
        + "Names are ASCII letters").inFile(file).onLine(4);
  }

  @Test
  void aNonAsciiFieldWithAnAsciiColumnNameCompiles() throws Exception {
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", """
        package com.acme.model;
        import io.jmigrate.*;
        @Table(name = "cafe") class Café {
          @Id long id;
          @Column(name = "groesse") int größe;
        }
        """);
    assertThat(compile(file)).succeeded();
    assertTrue(java.nio.file.Files.readString(dir.resolve("schema.json")).contains("\"groesse\""));
  }

  @Test
  void twoTablesWithTheSameName() {
    JavaFileObject a = JavaFileObjects.forSourceString("com.acme.model.A",
        "package com.acme.model;\nimport io.jmigrate.*;\n@Table(name = \"thing\") class A { @Id long id; }\n");
    JavaFileObject b = JavaFileObjects.forSourceString("com.acme.model.B",
        "package com.acme.model;\nimport io.jmigrate.*;\n@Table(name = \"thing\") class B { @Id long id; }\n");
    Compilation c = compile(a, b);
    assertThat(c).hadErrorContaining("two models use the table name \"thing\"").inFile(b).onLine(3);
  }

  @Test
  void twoModelsRenamedFromTheSameTable() {
    JavaFileObject a = JavaFileObjects.forSourceString("com.acme.model.A",
        "package com.acme.model;\nimport io.jmigrate.*;\n@Table @RenamedFrom(\"old\") class A { @Id long id; }\n");
    JavaFileObject b = JavaFileObjects.forSourceString("com.acme.model.B",
        "package com.acme.model;\nimport io.jmigrate.*;\n@Table @RenamedFrom(\"old\") class B { @Id long id; }\n");
    Compilation c = compile(a, b);
    assertThat(c).hadErrorContaining("say @RenamedFrom(\"old\"); one old table can become one new table only")
        .inFile(b).onLine(3);
  }

  @Test
  void sqlKeywordsAreFineAsNames() {
    JavaFileObject order = JavaFileObjects.forSourceString("com.acme.model.Order", """
        package com.acme.model;
        import io.jmigrate.*;
        @Table(name = "order") class Order {
          @Id long id;
          String select;
          int group;
          @Column(name = "user") String from;
        }
        """);
    assertThat(compile(order)).succeeded();
  }

  /** Destructive or unsafe changes against a committed snapshot are errors at the user's element too. */
  static Stream<Arguments> unsafeChanges() {
    return Stream.of(
        Arguments.of("a dropped column, at the class", """
            @Table class Thing { // <-
              @Id long id;
            }""", "the column thing.nickname is gone from the model"),
        Arguments.of("a NOT NULL column without a default, at the field", """
            @Table class Thing {
              @Id long id;
              @Column(length = 20) String nickname;
              @Column(nullable = false) String email; // <-
            }""", "cannot add the NOT NULL column thing.email without a default"),
        Arguments.of("a narrowed column, at the field", """
            @Table class Thing {
              @Id long id;
              @Column(length = 10) String nickname; // <-
            }""", "changing thing.nickname from STRING(20) to STRING(10) narrows it"),
        Arguments.of("a column made NOT NULL without a default, at the field", """
            @Table class Thing {
              @Id long id;
              @Column(length = 20, nullable = false) String nickname; // <-
            }""", "cannot make thing.nickname NOT NULL without a default"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsafeChanges")
  void unsafeChangeIsAnErrorAtTheElement(String name, String body, String message) {
    String before = "package com.acme.model;\n\nimport io.jmigrate.*;\n\n"
        + "@Table class Thing {\n  @Id long id;\n  @Column(length = 20) String nickname;\n}\n";
    assertThat(compile(JavaFileObjects.forSourceString("com.acme.model.Thing", before))).succeeded();
    String source = "package com.acme.model;\n\nimport io.jmigrate.*;\n\n" + body + "\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    Compilation c = compile(file);
    assertThat(c).hadErrorContaining(message).inFile(file).onLine(markedLine(source));
  }

  private Compilation compile(JavaFileObject... files) {
    List<String> options = new ArrayList<>(List.of(
        "-Ajmigrate.sourceDir=" + dir.resolve("src"),
        "-Ajmigrate.snapshot=" + dir.resolve("schema.json")));
    return javac().withProcessors(new MigrationProcessor()).withOptions(options).compile(files);
  }

  private static long markedLine(String source) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// <-")) {
        return i + 1;
      }
    }
    throw new AssertionError("no // <- marker");
  }
}
