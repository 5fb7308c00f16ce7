package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.GeneratedColumn;

/**
 * Columns the database computes with Hibernate's {@code @GeneratedColumn}: Hibernate 6.6 and 7 export them as
 * {@code generated always as (…) stored} on PostgreSQL and MariaDB, with no storage word on H2. The second step adds one to a table with rows.
 */
@Entity
public class OrderLine {
  @Id
  Long id;

  Integer price;

  Integer quantity;

  @GeneratedColumn("price * quantity")
  Integer total;

  @Column(length = 40)
  String name;

  @GeneratedColumn("upper(name)")
  @Column(length = 40)
  String shout;

  @GeneratedColumn("quantity + 1")
  Integer more;
}
