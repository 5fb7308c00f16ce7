package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An upper-case table with the implicit sequence (CATEGORY_SEQ) and a self reference. */
@Entity
@Table(name = "CATEGORY")
public class Category {
  @Id @GeneratedValue Long id;

  String title;

  @ManyToOne Category parentCategory;
}
