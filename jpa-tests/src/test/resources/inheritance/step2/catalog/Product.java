package catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;

/** Step 2: products become a SINGLE_TABLE hierarchy: Hibernate's discriminator column dtype (NOT NULL) on a table with rows. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@Table(name = "products", uniqueConstraints = @UniqueConstraint(columnNames = {"sku"}))
public class Product {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, length = 40)
  String sku;

  @Column(precision = 10, scale = 2)
  BigDecimal price;

  Double weight;
}
