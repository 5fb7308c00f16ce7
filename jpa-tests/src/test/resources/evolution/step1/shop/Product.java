package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;

@Entity
@Table(name = "products", uniqueConstraints = @UniqueConstraint(columnNames = {"sku"}))
public class Product extends Identified {
  @Column(nullable = false, length = 40)
  String sku;

  @Column(precision = 10, scale = 2)
  BigDecimal price;

  Double weight;
}
