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
  public record Entry(int version, String description, String appliedAt, String problem, Progress progress) {
    public Entry(int version, String description, String appliedAt, String problem) {
      this(version, description, appliedAt, problem, null);
    }

    public Entry(int version, String description, String appliedAt) {
      this(version, description, appliedAt, null, null);
    }

    public boolean applied() {
      return appliedAt != null;
    }
  }

  /**
   * A migration that is partly applied (where DDL commits by itself, a run was stopped or failed in
   * its middle): steps 1 to {@code stepsDone} of {@code steps} are in effect, and
   * {@code stepStarted}, when not null, is the step that was running and may be partly in effect.
   * Such a version is not applied; the next {@code migrate} resumes it after step {@code stepsDone}.
   */
  public record Progress(int stepsDone, int steps, Integer stepStarted) {
    @Override
    public String toString() {
      return "partly applied: " + (stepsDone == 0 ? "no step" : stepsDone == 1 ? "step 1" : "steps 1 to " + stepsDone)
          + " of " + steps + " ran" + (stepStarted == null ? "" : ", step " + stepStarted + " was running")
          + "; migrate resumes it";
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
      if (e.progress() != null) {
        s.append("  (").append(e.progress()).append(')');
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
