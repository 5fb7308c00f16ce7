package keyorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Without a unique constraint: the key in Hibernate's order, by size (the smallint first), then name. */
@Entity
@IdClass(Rating.Key.class)
@Table(name = "rating")
public class Rating {
  @Id
  @Column(name = "user_id")
  Integer userId;

  @Id
  @Column(name = "film_id")
  Integer filmId;

  @Id
  @Column(name = "stars")
  Short stars;

  public static class Key implements Serializable {
    Integer userId;
    Integer filmId;
    Short stars;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(filmId, k.filmId)
          && Objects.equals(stars, k.stars);
    }

    @Override
    public int hashCode() {
      return Objects.hash(userId, filmId, stars);
    }
  }
}
