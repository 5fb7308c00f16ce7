package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Set;

/** Step 2: a new column on the upper-case table. */
@Entity
@Table(name = "PRODUCT")
public class Product {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "productSeq")
  @SequenceGenerator(name = "productSeq", sequenceName = "PRODUCT_SEQ", allocationSize = 10)
  Long id;

  @Column(name = "PRODUCT_NAME", nullable = false, length = 120)
  String productName;

  BigDecimal unitPrice;

  @Column(length = 40)
  String sku;

  @ManyToMany
  @JoinTable(name = "PRODUCT_CATEGORY", joinColumns = @JoinColumn(name = "PRODUCT_ID"),
      inverseJoinColumns = @JoinColumn(name = "CATEGORY_ID"))
  Set<Category> categories;
}
