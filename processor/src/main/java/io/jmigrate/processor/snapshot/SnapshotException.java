package io.jmigrate.processor.snapshot;

/** The snapshot file cannot be used as a base: corrupt, invalid, or from a newer jmigrate. */
public final class SnapshotException extends Exception {
  public SnapshotException(String message) {
    super(message);
  }
}
