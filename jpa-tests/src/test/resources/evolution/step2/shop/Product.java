package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/** Step 2: tags through a join table. */
@Entity
@Table(name = "products", uniqueConstraints = @UniqueConstraint(columnNames = {"sku"}))
public class Product extends Identified {
  @Column(nullable = false, length = 40)
  String sku;

  @Column(precision = 10, scale = 2)
  BigDecimal price;

  Double weight;

  @ManyToMany
  @JoinTable(name = "product_tags", joinColumns = @JoinColumn(name = "product_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_name"))
  Set<Tag> tags = new HashSet<>();
}
