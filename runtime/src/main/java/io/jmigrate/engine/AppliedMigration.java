package io.jmigrate.engine;

/** One migration that a run applied ({@code up}) or reverted ({@code down}). */
public record AppliedMigration(int version, String description, Direction direction, long millis) {
  public enum Direction {
    UP,
    DOWN
  }

  @Override
  public String toString() {
    return String.format("%s V%04d %s (%d ms)", direction == Direction.UP ? "applied" : "reverted",
        version, description, millis);
  }
}
