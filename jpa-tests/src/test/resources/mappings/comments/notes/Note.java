package notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Comment;

/**
 * Columns with Hibernate's {@code @Comment}, and one without (not a quote: Hibernate 7 writes it unescaped, and its DDL
 * fails); {@code @Comment} on the entity is its table's comment, on a {@code @ManyToOne} its join column's.
 */
@Entity
@Comment("notes people keep")
public class Note {
  @Id
  Long id;

  @Comment("the text, as typed")
  @Column(length = 200)
  String body;

  @Comment("who wrote it")
  String author;

  String tag;

  @Comment("where it is kept")
  @ManyToOne
  Shelf shelf;
}
