package io.jmigrate.migration;

/** A step, and so its migration, cannot be undone. */
public final class IrreversibleException extends RuntimeException {
  public IrreversibleException(String message) {
    super(message);
  }
}
