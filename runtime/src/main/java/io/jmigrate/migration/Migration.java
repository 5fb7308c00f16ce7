package io.jmigrate.migration;

import io.jmigrate.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One migration: a version, a description and the operations that move the schema forward.
 * The reverse is derived from {@link #up()} (each operation knows how to undo itself given
 * the schema before it); override {@link #down(Schema)} only to write it by hand.
 */
public abstract class Migration {
  private final int version;
  private final String description;
  private final String schemaFingerprint;
  private volatile Integer checksum;

  protected Migration(int version, String description) {
    this(version, description, null);
  }

  /**
   * @param schemaFingerprint {@link io.jmigrate.schema.SchemaFingerprint} of the schema after this
   *     migration, as the processor saw it when it wrote the class; checked against what
   *     {@link #up()} actually produces, so that a hand edit that changes the schema is noticed
   */
  protected Migration(int version, String description, String schemaFingerprint) {
    if (version < 1) {
      throw new IllegalArgumentException("migration versions start at 1, not " + version);
    }
    this.version = version;
    this.description = description;
    this.schemaFingerprint = schemaFingerprint;
  }

  public final int version() {
    return version;
  }

  public final String description() {
    return description;
  }

  /** The fingerprint of the schema after this migration that the generator recorded, or null. */
  public final String schemaFingerprint() {
    return schemaFingerprint;
  }

  /** The operations that apply this migration, in order. */
  public abstract List<Operation> up();

  /**
   * The operations that undo this migration, given the schema before it was applied.
   *
   * @throws IrreversibleException when a step has no reverse
   */
  public List<Operation> down(Schema before) {
    List<Operation> reverses = new ArrayList<>();
    Schema s = before;
    for (Operation op : up()) {
      reverses.add(op.reverse(s));
      s = op.applyTo(s);
    }
    Collections.reverse(reverses);
    return reverses;
  }

  /** The schema after this migration. */
  public Schema applyTo(Schema before) {
    Schema s = before;
    for (Operation op : up()) {
      s = op.applyTo(s);
    }
    return s;
  }

  /**
   * The {@link Checksum} of {@link #up()} (a versioned contract, see there): edits to the operations change it, edits to
   * comments do not. Computed once per class for classes with a public no-argument constructor
   * (every instance of such a class is the same migration, as with generated ones), so that a
   * second start-up in the same JVM compares checksums already in memory.
   */
  public final int checksum() {
    Integer c = checksum;
    if (c == null) {
      ClassChecksum perClass = CLASS_CHECKSUMS.get(getClass());
      c = perClass.sameForEveryInstance() ? perClass.checksum() : compute(this);
      checksum = c;
    }
    return c;
  }

  /**
   * Whether every instance of a class is the same migration (a public no-argument constructor), and if so its
   * checksum. One lookup per instance (two class values, asked one after the other for every instance, showed up
   * when applying thousands of migrations).
   */
  private record ClassChecksum(boolean sameForEveryInstance, int checksum) {}

  private static final ClassValue<ClassChecksum> CLASS_CHECKSUMS = new ClassValue<>() {
    @Override
    protected ClassChecksum computeValue(Class<?> type) {
      try {
        if (!java.lang.reflect.Modifier.isPublic(type.getConstructor().getModifiers())) {
          return new ClassChecksum(false, 0);
        }
      } catch (NoSuchMethodException e) {
        return new ClassChecksum(false, 0);
      }
      try {
        return new ClassChecksum(true, compute((Migration) type.getDeclaredConstructor().newInstance()));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + type.getName(), e);
      }
    }
  };

  private static int compute(Migration m) {
    return Checksum.of(m.up());
  }

  /** {@code V0002 add user email}. */
  @Override
  public String toString() {
    return String.format("V%04d %s", version, description);
  }
}
