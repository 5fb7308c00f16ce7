package tags;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;

/** Arrays whose column is written as PostgreSQL SQL ({@code text[]}, {@code integer[]}, {@code varchar(20)[]}). */
@Entity
public class Article {
  @Id Long id;

  @Column(columnDefinition = "text[]") String[] tags;

  @Column(columnDefinition = "integer[]") int[] scores;

  @Column(columnDefinition = "varchar(20)[]") List<String> codes;

  @Column(columnDefinition = "bigint[]") Long[] refs;
}
