package catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** Step 4: a subclass in the products table. */
@Entity
public class Book extends Product {
  @Column(length = 17)
  String isbn;
}
