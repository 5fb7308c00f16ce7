package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.io.Serializable;
import java.util.Objects;

/** A foreign key over the first column of the primary key (club_id, seq). */
@Entity
@IdClass(Seat.Key.class)
public class Seat {
  @Id
  Long clubId;

  @Id
  Long seq;

  @ManyToOne
  @JoinColumn(name = "clubId", insertable = false, updatable = false)
  Club club;

  public static class Key implements Serializable {
    Long clubId;
    Long seq;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(clubId, k.clubId) && Objects.equals(seq, k.seq);
    }

    @Override
    public int hashCode() {
      return Objects.hash(clubId, seq);
    }
  }
}
