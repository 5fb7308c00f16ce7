package lab;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import java.io.Serializable;
import java.util.Objects;

/** A composite key as an @IdClass, one part of it a plain column beside a relation. */
@Entity
@IdClass(Reading.Key.class)
public class Reading {
  @Id
  String sensor;

  @Id
  int seq;

  double measured;

  @ManyToOne
  Sample sample;

  public static class Key implements Serializable {
    String sensor;
    int seq;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(sensor, k.sensor) && seq == k.seq;
    }

    @Override
    public int hashCode() {
      return Objects.hash(sensor, seq);
    }
  }
}
