package series;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * An @EmbeddedId and an @Embedded of classes not annotated @Embeddable (a legacy key class): Hibernate maps their
 * fields all the same, the key's as the primary key.
 */
@Entity
@Table(name = "pair_map")
public class Pair {
  @EmbeddedId
  Key key;

  String label;

  @Embedded
  Span span;

  public static class Key implements Serializable {
    @Column(name = "left_id", nullable = false)
    Long leftId;

    @Column(name = "right_id", nullable = false)
    Long rightId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(leftId, k.leftId) && Objects.equals(rightId, k.rightId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(leftId, rightId);
    }
  }

  public static class Span {
    @Column(name = "span_from")
    Integer from;

    @Column(name = "span_to")
    Integer to;
  }
}
