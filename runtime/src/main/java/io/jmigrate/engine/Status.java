package io.jmigrate.engine;

import java.util.List;
import java.util.Locale;

/**
 * Which migrations a database has and which are pending, like Django's {@code showmigrations},
 * with every disagreement between the history and the code marked {@code [!]}.
 *
 * <p>{@link #toString()} is the table the {@code status} command prints: a summary line ("database
 * at version 7 of 9: 2 pending"), then one row per version. {@link #toJson()} is the same for
 * scripts, with keys that stay as documented in the README ({@code formatVersion} 1).
 */
public record Status(List<Entry> entries, int latestVersion) {
  public Status {
    entries = List.copyOf(entries);
  }

  /** A status whose latest version is the highest it lists. */
  public Status(List<Entry> entries) {
    this(entries, entries.stream().mapToInt(Entry::version).max().orElse(0));
  }

  /** Where a version stands in the database. */
  public enum State {
    /** recorded in {@code jmigrate_history} as completed */
    APPLIED("applied"),
    /** not recorded: {@code migrate} would apply it */
    PENDING("pending"),
    /** recorded as not completed ({@code success} false): some of its steps ran and were not reverted */
    FAILED_PARTIAL("failed-partial");

    private final String label;

    State(String label) {
      this.label = label;
    }

    /** The word {@code status} prints and {@code --json} gives ({@code applied}, {@code pending}, {@code failed-partial}). */
    public String label() {
      return label;
    }
  }

  /**
   * One version. {@code appliedAt} is the history's text for a recorded version, else null;
   * {@code executionMillis} how long it took to apply (-1 when unknown: pending, or not recorded);
   * {@code irreversible} whether one of its steps has no reverse (so {@code migrate-to} cannot go
   * below it); {@code problem} says what is wrong with it (edited after it was applied, a
   * different migration under this version, unknown to this build, a gap, partly applied), or is
   * null; {@code progress}, for a migration stopped in its middle where DDL commits by itself, which
   * of its steps ran (else null). The description is the history's for a recorded version.
   */
  public record Entry(int version, String description, State state, String appliedAt, long executionMillis,
      boolean irreversible, String problem, Progress progress) {

    public Entry(int version, String description, String appliedAt, String problem) {
      this(version, description, appliedAt == null ? State.PENDING : State.APPLIED, appliedAt, -1, false, problem,
          null);
    }

    public Entry(int version, String description, String appliedAt) {
      this(version, description, appliedAt, null);
    }

    /** Whether the history records this version (completed or not). */
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

  /** The highest version recorded as completed, 0 if none. */
  public int currentVersion() {
    return entries.stream().filter(e -> e.state() == State.APPLIED).mapToInt(Entry::version).max().orElse(0);
  }

  public List<Entry> pending() {
    return entries.stream().filter(e -> !e.applied()).toList();
  }

  /** The entries with a problem. */
  public List<Entry> problems() {
    return entries.stream().filter(e -> e.problem() != null).toList();
  }

  /** "database at version 7 of 9: 2 pending", and what else needs a look. */
  public String summary() {
    int current = currentVersion();
    StringBuilder s = new StringBuilder("database at version ").append(current);
    if (current > latestVersion) {
      s.append(", ahead of this build (it knows 1 to ").append(latestVersion).append(')');
    } else {
      s.append(" of ").append(latestVersion);
    }
    long pending = pending().size();
    long failed = entries.stream().filter(e -> e.state() == State.FAILED_PARTIAL).count();
    long problems = problems().size();
    if (pending == 0 && problems == 0) {
      return s.append(": up to date").toString();
    }
    String sep = ": ";
    if (pending > 0) {
      s.append(sep).append(pending).append(" pending");
      sep = ", ";
    }
    if (failed > 0) {
      s.append(sep).append(failed).append(" failed-partial");
      sep = ", ";
    }
    if (problems > 0) {
      s.append(sep).append(problems).append(problems == 1 ? " disagreement" : " disagreements")
          .append(" between the database and this build, marked [!]");
    }
    return s.toString();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(summary()).append('\n');
    if (entries.isEmpty()) {
      return s.append("no migrations\n").toString();
    }
    int migrationWidth = "migration".length();
    int stateWidth = "state".length();
    for (Entry e : entries) {
      migrationWidth = Math.max(migrationWidth, Math.min(MAX_DESCRIPTION, migration(e).length()));
      stateWidth = Math.max(stateWidth, state(e).length());
    }
    String row = "%-3s %-" + migrationWidth + "s  %-" + stateWidth + "s  %-19s  %8s";
    s.append('\n').append(String.format(row, "", "migration", "state", "applied at", "duration").stripTrailing())
        .append('\n');
    for (Entry e : entries) {
      String mark = e.problem() != null ? "[!]" : e.applied() ? "[X]" : "[ ]";
      s.append(String.format(Locale.ROOT, row, mark, migration(e), state(e),
          e.appliedAt() == null ? "" : shortTime(e.appliedAt()), duration(e.executionMillis())).stripTrailing());
      if (e.progress() != null) {
        s.append("\n      ").append(e.progress());
      }
      if (e.problem() != null) {
        s.append("\n    ! ").append(e.problem());
      }
      s.append('\n');
    }
    return s.toString();
  }

  /** Beyond this, a long description overflows its column rather than being cut. */
  private static final int MAX_DESCRIPTION = 60;

  private static String migration(Entry e) {
    return String.format("V%04d %s", e.version(), e.description());
  }

  private static String state(Entry e) {
    return e.irreversible() ? e.state().label() + ", irreversible" : e.state().label();
  }

  /** {@code 2026-11-26 06:10:01} of whatever fraction and zone the database stored. */
  private static String shortTime(String appliedAt) {
    boolean timestamp = appliedAt.length() >= 19 && (appliedAt.charAt(10) == ' ' || appliedAt.charAt(10) == 'T');
    return timestamp ? appliedAt.substring(0, 10) + ' ' + appliedAt.substring(11, 19) : appliedAt;
  }

  /** 12 ms, 3.4 s, 5 min 07 s; empty when unknown. */
  static String duration(long millis) {
    if (millis < 0) {
      return "";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    return seconds < 3600 ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
        : String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds / 60 % 60);
  }

  /**
   * The status as one JSON object (format 1; keys in this order, never renamed):
   * {@code formatVersion}, {@code currentVersion}, {@code latestVersion}, {@code pending},
   * {@code failedPartial}, {@code problems} (counts), {@code summary}, and {@code migrations}: one
   * object per version with {@code version}, {@code description}, {@code state} ({@code applied},
   * {@code pending}, {@code failed-partial}), {@code irreversible}, {@code appliedAt} (text as the
   * database stored it, or null), {@code durationMs} (or null), {@code problem} (or null), and
   * {@code progress} (null, or {@code stepsDone}, {@code steps}, {@code stepStarted} of a migration
   * stopped in its middle).
   */
  public String toJson() {
    StringBuilder s = new StringBuilder("{\n");
    s.append("  \"formatVersion\": 1,\n");
    s.append("  \"currentVersion\": ").append(currentVersion()).append(",\n");
    s.append("  \"latestVersion\": ").append(latestVersion).append(",\n");
    s.append("  \"pending\": ").append(pending().size()).append(",\n");
    s.append("  \"failedPartial\": ")
        .append(entries.stream().filter(e -> e.state() == State.FAILED_PARTIAL).count()).append(",\n");
    s.append("  \"problems\": ").append(problems().size()).append(",\n");
    s.append("  \"summary\": ").append(json(summary())).append(",\n");
    s.append("  \"migrations\": [");
    String sep = "\n";
    for (Entry e : entries) {
      s.append(sep).append("    {\"version\": ").append(e.version())
          .append(", \"description\": ").append(json(e.description()))
          .append(", \"state\": ").append(json(e.state().label()))
          .append(", \"irreversible\": ").append(e.irreversible())
          .append(", \"appliedAt\": ").append(json(e.appliedAt()))
          .append(", \"durationMs\": ").append(e.executionMillis() < 0 ? "null" : String.valueOf(e.executionMillis()))
          .append(", \"problem\": ").append(json(e.problem()))
          .append(", \"progress\": ").append(e.progress() == null ? "null" : "{\"stepsDone\": " + e.progress().stepsDone()
              + ", \"steps\": " + e.progress().steps() + ", \"stepStarted\": " + e.progress().stepStarted() + "}")
          .append('}');
      sep = ",\n";
    }
    s.append(entries.isEmpty() ? "]\n" : "\n  ]\n");
    return s.append("}\n").toString();
  }

  private static String json(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder s = new StringBuilder("\"");
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (ch < 0x20) {
            s.append(String.format("\\u%04x", (int) ch));
          } else {
            s.append(ch);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
