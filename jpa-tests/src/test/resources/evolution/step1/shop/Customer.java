package shop;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Transient;
import java.time.LocalDate;

@Entity
public class Customer extends Identified {
  @Column(nullable = false, length = 100)
  String name;

  @Column(unique = true)
  String email;

  boolean active;

  @Basic(optional = false)
  LocalDate born;

  @Embedded
  Address address;

  @Transient
  String displayName;

  transient int visits;
}
