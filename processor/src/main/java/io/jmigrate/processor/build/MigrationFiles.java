package io.jmigrate.processor.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The committed migration classes: files named {@code V<version>_<Name>.java} in the migrations package. */
public record MigrationFiles(Path directory, List<Entry> entries) {
  private static final Pattern NAME = Pattern.compile("V(\\d+)_(\\w+)\\.java");
  /**
   * The generated constructor call {@code super(2, "add column user.email", "1:…")}; its third
   * argument is the fingerprint of the schema after the migration. Migrations generated before
   * jmigrate recorded it have two arguments and no fingerprint.
   */
  private static final Pattern SUPER = Pattern.compile(
      "\\bsuper\\s*\\(\\s*\\d+\\s*,\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"([^\"\\\\]*)\"\\s*\\)");

  public record Entry(int version, String className, Path file) {}

  public static MigrationFiles list(Path directory) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Matcher m = NAME.matcher(p.getFileName().toString());
          if (m.matches()) {
            String name = p.getFileName().toString();
            entries.add(new Entry(Integer.parseInt(m.group(1)), name.substring(0, name.length() - ".java".length()), p));
          }
        }
      }
    }
    entries.sort((a, b) -> a.version() != b.version() ? Integer.compare(a.version(), b.version())
        : a.className().compareTo(b.className()));
    return new MigrationFiles(directory, List.copyOf(entries));
  }

  public int latestVersion() {
    return entries.isEmpty() ? 0 : latest().version();
  }

  /** The latest migration, or null when there is none. */
  public Entry latest() {
    return entries.isEmpty() ? null : entries.get(entries.size() - 1);
  }

  public List<String> classNames() {
    return entries.stream().map(Entry::className).toList();
  }

  /**
   * The schema fingerprint a migration's source records, read from its {@code super(…)} call
   * without compiling it; null when it records none (generated before fingerprints, or written
   * by hand).
   */
  public static String fingerprint(Entry e) throws IOException {
    Matcher m = SUPER.matcher(Files.readString(e.file(), StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : null;
  }
}
