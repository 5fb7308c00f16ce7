package io.jmigrate.processor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The committed migration classes: files named {@code V<version>_<Name>.java} in the migrations package. */
record MigrationFiles(Path directory, List<Entry> entries) {
  private static final Pattern NAME = Pattern.compile("V(\\d+)_(\\w+)\\.java");

  record Entry(int version, String className) {}

  static MigrationFiles list(Path directory) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Matcher m = NAME.matcher(p.getFileName().toString());
          if (m.matches()) {
            String name = p.getFileName().toString();
            entries.add(new Entry(Integer.parseInt(m.group(1)), name.substring(0, name.length() - ".java".length())));
          }
        }
      }
    }
    entries.sort((a, b) -> a.version() != b.version() ? Integer.compare(a.version(), b.version())
        : a.className().compareTo(b.className()));
    return new MigrationFiles(directory, List.copyOf(entries));
  }

  int latestVersion() {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).version();
  }

  List<String> classNames() {
    return entries.stream().map(Entry::className).toList();
  }
}
