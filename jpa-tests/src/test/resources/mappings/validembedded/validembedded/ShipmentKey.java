package validembedded;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

@Embeddable
public class ShipmentKey implements Serializable {
  @Size(max = 12)
  String code;

  Integer seq;

  @Override
  public boolean equals(Object o) {
    return o instanceof ShipmentKey k && java.util.Objects.equals(code, k.code) && java.util.Objects.equals(seq, k.seq);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(code, seq);
  }
}
