package io.jmigrate.engine;

import java.util.List;

/** Which migrations a database has and which are pending, like Django's {@code showmigrations}. */
public record Status(List<Entry> entries) {
  public Status {
    entries = List.copyOf(entries);
  }

  /** One migration; {@code appliedAt} is null while it is pending. */
  public record Entry(int version, String description, String appliedAt) {
    public boolean applied() {
      return appliedAt != null;
    }
  }

  public int currentVersion() {
    return entries.stream().filter(Entry::applied).mapToInt(Entry::version).max().orElse(0);
  }

  public List<Entry> pending() {
    return entries.stream().filter(e -> !e.applied()).toList();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (Entry e : entries) {
      s.append(e.applied() ? "[X] " : "[ ] ").append(String.format("V%04d %s", e.version(), e.description()));
      if (e.applied()) {
        s.append("  (applied ").append(e.appliedAt()).append(')');
      }
      s.append('\n');
    }
    if (entries.isEmpty()) {
      s.append("no migrations\n");
    }
    return s.toString();
  }
}
