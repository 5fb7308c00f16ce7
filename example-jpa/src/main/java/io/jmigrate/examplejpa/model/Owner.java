package io.jmigrate.examplejpa.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "owners")
public class Owner extends Person {
  private String address;

  @Column(length = 80)
  private String city;

  @Column(length = 20)
  private String telephone;

  @OneToMany(mappedBy = "owner")
  private List<Pet> pets = new ArrayList<>();

  protected Owner() {}

  public Owner(String firstName, String lastName, String city) {
    super(firstName, lastName);
    this.city = city;
  }

  public String getCity() {
    return city;
  }

  public List<Pet> getPets() {
    return pets;
  }
}
