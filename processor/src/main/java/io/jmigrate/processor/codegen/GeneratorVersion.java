package io.jmigrate.processor.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The jmigrate version that writes a migration, named in its header (Maven fills it in at build time). */
final class GeneratorVersion {
  static final String VALUE = read();

  private GeneratorVersion() {}

  private static String read() {
    Properties p = new Properties();
    try (InputStream in = GeneratorVersion.class.getResourceAsStream("generator.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through: a header without a version is better than no migration
    }
    String v = p.getProperty("version", "");
    return v.isEmpty() || v.startsWith("${") ? "(unknown version)" : v;
  }
}
