package keyorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.io.Serializable;
import java.util.Objects;

/**
 * An @IdClass key of two int columns: Hibernate orders a key's columns by size, then name (category_id,
 * film_id), unless a unique constraint over exactly the key's columns gives the order (film_id, category_id),
 * which then is no unique constraint of its own.
 */
@Entity
@IdClass(FilmCategory.Key.class)
@Table(name = "film_category", uniqueConstraints = @UniqueConstraint(columnNames = {"film_id", "category_id"}))
public class FilmCategory {
  @Id
  @Column(name = "film_id")
  Integer filmId;

  @Id
  @Column(name = "category_id")
  Integer categoryId;

  @Column(name = "note", length = 40)
  String note;

  public static class Key implements Serializable {
    Integer filmId;
    Integer categoryId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(filmId, k.filmId) && Objects.equals(categoryId, k.categoryId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(filmId, categoryId);
    }
  }
}
