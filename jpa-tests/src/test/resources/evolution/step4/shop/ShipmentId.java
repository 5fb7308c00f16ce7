package shop;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class ShipmentId implements Serializable {
  long orderNo;

  int seq;

  @Override
  public boolean equals(Object o) {
    return o instanceof ShipmentId other && orderNo == other.orderNo && seq == other.seq;
  }

  @Override
  public int hashCode() {
    return Objects.hash(orderNo, seq);
  }
}
