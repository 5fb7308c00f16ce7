package io.jmigrate.processor.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where migrations go when the models are kapt's stubs of Kotlin classes (example-kotlin builds the real thing). */
class KaptStubsTest {
  @Test
  void mavenStubsMapToTheProjectsJavaRoot() {
    assertEquals(Path.of("/p/src/main/java"), SourceLayout.javaRootOfKaptStubs(Path.of("/p/target/kaptStubs/compile")));
    assertEquals(Path.of("/p/src/test/java"),
        SourceLayout.javaRootOfKaptStubs(Path.of("/p/target/kaptStubs/test-compile")));
  }

  @Test
  void gradleStubsMapToTheSourceSetsJavaRoot() {
    assertEquals(Path.of("/p/src/main/java"), SourceLayout.javaRootOfKaptStubs(Path.of("/p/build/tmp/kapt3/stubs/main")));
    assertEquals(Path.of("/p/src/integrationTest/java"),
        SourceLayout.javaRootOfKaptStubs(Path.of("/p/build/tmp/kapt3/stubs/integrationTest")));
  }

  @Test
  void anyOtherRootStays() {
    assertEquals(Path.of("/p/src/main/java"), SourceLayout.javaRootOfKaptStubs(Path.of("/p/src/main/java")));
    assertEquals(Path.of("/stubs"), SourceLayout.javaRootOfKaptStubs(Path.of("/stubs")));
  }
}
