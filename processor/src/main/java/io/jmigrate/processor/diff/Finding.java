package io.jmigrate.processor.diff;

/** Something the diff cannot generate, or warns about; a warning does not stop the build. */
public record Finding(Subject subject, String message, boolean warning) {
  static Finding error(Subject subject, String message) {
    return new Finding(subject, message, false);
  }

  static Finding warning(Subject subject, String message) {
    return new Finding(subject, message, true);
  }
}
