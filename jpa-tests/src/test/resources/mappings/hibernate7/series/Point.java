package series;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A time series keyed by (entityId, key, ts) through its @IdClass, with ts not marked @Id in the entity:
 * Hibernate's key is all three (ts NOT NULL). Primitives: NOT NULL through the column Hibernate makes up
 * (no @Column, or @Basic), nullable with a @Column unless it says nullable = false.
 */
@Entity
@IdClass(Point.Key.class)
public class Point {
  @Id
  Long entityId;

  @Id
  @Column(name = "series_key", length = 60)
  String key;

  Instant ts;

  double measured;

  @Column
  double adjusted;

  @Column(nullable = false)
  int quality;

  @Basic
  long sequence;

  @Column(name = "weight_grams")
  float weight;

  public static class Key implements Serializable {
    Long entityId;
    String key;
    Instant ts;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(entityId, k.entityId) && Objects.equals(key, k.key)
          && Objects.equals(ts, k.ts);
    }

    @Override
    public int hashCode() {
      return Objects.hash(entityId, key, ts);
    }
  }
}
