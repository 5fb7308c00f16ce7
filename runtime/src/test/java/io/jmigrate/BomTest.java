package io.jmigrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM names exactly the published artifacts: every module of the build that makes a jar or a
 * plugin and does not set {@code maven.deploy.skip} (examples and test modules do), so a new
 * published module cannot be left out of it.
 */
class BomTest {
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

  @Test
  void bomListsEveryPublishedModule() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Set<String> published = new TreeSet<>();
    collect(root, published);
    String bom = Files.readString(root.resolve("bom/pom.xml"));
    Set<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>")
        .matcher(bom.substring(bom.indexOf("<dependencyManagement>")));
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertEquals(published, listed, "bom/pom.xml must list every published module (and no other)");
  }

  /** Modules of the default build only (the bench profile's module is not published). */
  private static void collect(Path dir, Set<String> published) throws IOException {
    String pom = Files.readString(dir.resolve("pom.xml"));
    String withoutProfiles = pom.replaceAll("(?s)<profiles>.*?</profiles>", "");
    Matcher modules = MODULE.matcher(withoutProfiles);
    while (modules.find()) {
      collect(dir.resolve(modules.group(1)), published);
    }
    boolean packaged = !pom.contains("<packaging>pom</packaging>");
    boolean skipped = pom.contains("<maven.deploy.skip>true</maven.deploy.skip>");
    if (packaged && !skipped) {
      // The module's own artifactId is the first one after its parent's.
      Matcher a = ARTIFACT.matcher(pom.replaceAll("(?s)<parent>.*?</parent>", ""));
      if (a.find()) {
        published.add(a.group(1));
      }
    }
  }
}
