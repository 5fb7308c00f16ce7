package io.jmigrate.engine;

/**
 * One row of {@code jmigrate_history}. {@code success} is false for a row that says its migration
 * did not complete; {@code storedChecksum} is the checksum as stored, shown when it is not a number
 * jmigrate wrote. {@code stepsDone} and {@code stepStarted} are set on the row of a migration in
 * progress where DDL commits by itself (see {@link History}); null otherwise, and on tables made
 * before those columns existed.
 */
record HistoryRow(int version, String description, int checksum, String appliedAt, long executionMillis,
    boolean success, String storedChecksum, Integer stepsDone, Integer stepStarted) {

  public HistoryRow(int version, String description, int checksum, String appliedAt, long executionMillis,
      boolean success) {
    this(version, description, checksum, appliedAt, executionMillis, success, String.valueOf(checksum), null, null);
  }

  /** Whether this row is a migration in progress that a run can resume (steps done recorded). */
  boolean inProgress() {
    return !success && stepsDone != null;
  }
}
