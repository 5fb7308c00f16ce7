package series;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.util.Objects;

/** An @IdClass over a single @Id: Hibernate accepts it, the key is that one column. */
@Entity
@IdClass(Station.Code.class)
public class Station {
  @Id
  String code;

  String name;

  public static class Code implements Serializable {
    String code;

    @Override
    public boolean equals(Object o) {
      return o instanceof Code c && Objects.equals(code, c.code);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(code);
    }
  }
}
