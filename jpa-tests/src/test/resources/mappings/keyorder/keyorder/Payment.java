package keyorder;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An @EmbeddedId of an int and a timestamp: by size Hibernate leads with payment_id; the unique constraint over
 * the key's columns leads with payment_date, as a partitioned table's key does.
 */
@Entity
@Table(name = "payment", uniqueConstraints = @UniqueConstraint(columnNames = {"payment_date", "payment_id"}))
public class Payment {
  @EmbeddedId
  Key id;

  @Column(name = "amount", precision = 5, scale = 2)
  java.math.BigDecimal amount;

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "payment_id")
    Integer paymentId;

    @Column(name = "payment_date")
    LocalDateTime paymentDate;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(paymentId, k.paymentId) && Objects.equals(paymentDate, k.paymentDate);
    }

    @Override
    public int hashCode() {
      return Objects.hash(paymentId, paymentDate);
    }
  }
}
