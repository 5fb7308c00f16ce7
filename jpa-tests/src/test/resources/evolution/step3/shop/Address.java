package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
  String street;

  String city;

  @Column(length = 10)
  String zip;
}
