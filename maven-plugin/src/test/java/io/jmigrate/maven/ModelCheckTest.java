package io.jmigrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check's javac run on its own, with the real processor (from this test's class path): what it
 * reports and that it writes nothing into the project. The goal itself is tested in src/it.
 */
class ModelCheckTest {
  @TempDir
  Path project;

  private static final List<String> CLASS_PATH = List.of(System.getProperty("java.class.path").split(File.pathSeparator));

  private ModelCheck.Result check(String model) throws IOException {
    Path file = project.resolve("src/main/java/app/model/Item.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, model);
    return new ModelCheck(List.of(project.resolve("src/main/java")), CLASS_PATH, CLASS_PATH, List.of(),
        StandardCharsets.UTF_8, project).run();
  }

  private List<String> files() throws IOException {
    try (Stream<Path> walk = Files.walk(project)) {
      return walk.filter(Files::isRegularFile).map(p -> project.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aModelWithoutSnapshotIsAPendingChangeAndNothingIsWritten() throws IOException {
    ModelCheck.Result result = check("""
        package app.model;
        @io.jmigrate.Table
        public class Item {
          @io.jmigrate.Id long id;
          String name;
        }
        """);

    assertFalse(result.passed());
    assertEquals(1, result.sources());
    String errors = String.join("\n", result.errors());
    assertTrue(errors.contains("the models differ from the snapshot"), errors);
    assertTrue(errors.contains("create table item"), errors);
    // No migration, no snapshot, no index: only the model is there.
    assertEquals(List.of("src/main/java/app/model/Item.java"), files());
  }

  @Test
  void aModelErrorIsReportedAtItsFileAndLine() throws IOException {
    ModelCheck.Result result = check("""
        package app.model;
        @io.jmigrate.Table
        public class Item {
          @io.jmigrate.Id long id;
          @io.jmigrate.Column(defaultValue = "lots") int count;
        }
        """);

    assertFalse(result.passed());
    assertTrue(result.errors().stream().anyMatch(e -> e.startsWith("src/main/java/app/model/Item.java:5: ")
        && e.contains("defaultValue \"lots\" is not a valid int")), result.errors().toString());
    assertEquals(List.of("src/main/java/app/model/Item.java"), files());
  }

  @Test
  void theBuildsCheckOptionCannotTurnCheckModeOff() throws IOException {
    Path file = project.resolve("src/main/java/app/model/Item.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "package app.model; @io.jmigrate.Table public class Item { @io.jmigrate.Id long id; }");

    ModelCheck.Result result = new ModelCheck(List.of(project.resolve("src/main/java")), CLASS_PATH, CLASS_PATH,
        List.of("-Ajmigrate.check=false"), StandardCharsets.UTF_8, project).run();

    assertFalse(result.passed(), result.toString());
    assertEquals(List.of("src/main/java/app/model/Item.java"), files());
  }
}
