package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Transient;

/**
 * An embeddable with associations; a column mapped twice, the second time read-only (a basic over a basic,
 * a basic over an association's join column); @Transient on a getter of this field-access entity.
 */
@Entity
public class Customer {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Embedded
  Place home;

  @Column(name = "status", length = 20)
  String status;

  @Column(name = "status", insertable = false, updatable = false)
  String statusCopy;

  @Column(name = "city_id", insertable = false, updatable = false)
  Long cityId;

  @ManyToOne
  @JoinColumn(name = "city_id")
  City city;

  @Transient
  public String getDisplay() {
    return status + " " + cityId;
  }
}
