package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.GeneratedColumn;

/**
 * A generated column of a primitive: Hibernate 7 writes its NOT NULL on H2 (and SQLite) only, not on PostgreSQL
 * and MariaDB; Hibernate 6.6 on every database.
 */
@Entity
public class Basket {
  @Id
  Long id;

  int items;

  @GeneratedColumn("items * 2")
  int doubled;
}
