package embeddings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Arrays of elements jmigrate has no array type for, as {@code inspect --jpa} writes them: the columnDefinition
 * with the Java array of the element's type (Hibernate maps it as an ARRAY, so its validate accepts the column).
 */
@Entity
@Table(name = "film_embedding")
public class FilmEmbedding {
  @Id
  @Column(name = "film_id")
  int filmId;

  @Column(name = "embedding", columnDefinition = "real[]")
  Float[] embedding;

  @Column(name = "ranks", columnDefinition = "smallint[]")
  Short[] ranks;

  @Column(name = "weights", columnDefinition = "float8[]")
  Double[] weights;
}
