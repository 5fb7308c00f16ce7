package io.jmigrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Collects the Markdown that the run prints and saves. */
final class Report {
  private final StringBuilder text = new StringBuilder();

  void line(String s) {
    text.append(s).append('\n');
    System.out.println(s);
    System.out.flush();
  }

  void heading(String s) {
    line("");
    line("## " + s);
    line("");
  }

  void row(Object... cells) {
    StringBuilder s = new StringBuilder("|");
    for (Object c : cells) {
      s.append(' ').append(c).append(" |");
    }
    line(s.toString());
  }

  void save(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.toString());
  }
}
