package io.jmigrate.migration;

/**
 * A migration that replaces versions 1 to its own (Django's squashed migration), written by the
 * processor ({@code -Ajmigrate.squash=N}) from the schema at version N. A new database runs only
 * it, recorded as version N, and continues at N + 1; a database already at N or later keeps its
 * history rows 1 to N, which stay valid (their classes may be deleted); a database between 1 and
 * N - 1 is refused: it has to reach N with a build from before the squash first.
 */
public abstract class SquashedMigration extends Migration {
  protected SquashedMigration(int version, String description, String schemaFingerprint) {
    super(version, description, schemaFingerprint);
  }

  /** The first version it replaces (always 1: a squash starts from the empty schema). */
  public final int replacesFrom() {
    return 1;
  }
}
