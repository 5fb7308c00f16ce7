package io.jmigrate.engine;

import java.util.List;

/**
 * Which migrations a database has and which are pending, like Django's {@code showmigrations},
 * with every disagreement between the history and the code marked {@code [!]}.
 */
public record Status(List<Entry> entries) {
  public Status {
    entries = List.copyOf(entries);
  }

  /**
   * One version: applied ({@code appliedAt} set) or pending; {@code problem} says what is wrong
   * with it (edited after it was applied, a different migration under this version, unknown to
   * this build, a gap), or is null. The description is the history's for an applied version.
   */
  public record Entry(int version, String description, String appliedAt, String problem) {
    public Entry(int version, String description, String appliedAt) {
      this(version, description, appliedAt, null);
    }

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

  /** The entries with a problem. */
  public List<Entry> problems() {
    return entries.stream().filter(e -> e.problem() != null).toList();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (Entry e : entries) {
      s.append(e.problem() != null ? "[!] " : e.applied() ? "[X] " : "[ ] ")
          .append(String.format("V%04d %s", e.version(), e.description()));
      if (e.applied()) {
        s.append("  (applied ").append(e.appliedAt()).append(')');
      }
      if (e.problem() != null) {
        s.append("\n      ").append(e.problem());
      }
      s.append('\n');
    }
    if (entries.isEmpty()) {
      s.append("no migrations\n");
    }
    return s.toString();
  }
}
