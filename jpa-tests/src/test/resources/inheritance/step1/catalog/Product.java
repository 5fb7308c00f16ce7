package catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;

/** Step 1: a plain entity. */
@Entity
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
