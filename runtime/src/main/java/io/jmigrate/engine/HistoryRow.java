package io.jmigrate.engine;

/**
 * One row of {@code jmigrate_history}. {@code success} is false only for a row that says its
 * migration did not complete (jmigrate itself writes a row only when the migration committed);
 * {@code storedChecksum} is the checksum as stored, shown when it is not a number jmigrate wrote.
 */
record HistoryRow(int version, String description, int checksum, String appliedAt, long executionMillis,
    boolean success, String storedChecksum) {

  public HistoryRow(int version, String description, int checksum, String appliedAt, long executionMillis,
      boolean success) {
    this(version, description, checksum, appliedAt, executionMillis, success, String.valueOf(checksum));
  }
}
