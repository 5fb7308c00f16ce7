package io.jmigrate.engine;

/** One row of {@code jmigrate_history}. */
public record HistoryRow(
    int version, String description, int checksum, String appliedAt, long executionMillis, boolean success) {}
