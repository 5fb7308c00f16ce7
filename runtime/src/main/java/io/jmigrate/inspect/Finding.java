package io.jmigrate.inspect;

/**
 * One thing {@code inspect} found in the database and could not put into a model, or kept only in
 * part: the line of the report, and the table whose class carries it as a comment (null when none).
 *
 * @param object what it is, e.g. {@code view top_tracks}, {@code column track.tags}
 * @param what what inspect did and why, e.g. {@code left out: the type _text (an array) has no Java type here}
 */
public record Finding(String table, String object, String what) {
  @Override
  public String toString() {
    return object + ": " + what;
  }
}
