package io.jmigrate.examplejpa.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "pets")
public class Pet extends BaseEntity {
  @Column(nullable = false, length = 30)
  private String name;

  private LocalDate birthDate;

  @Enumerated(EnumType.STRING)
  @Column(length = 10)
  private Species species;

  @ManyToOne(optional = false)
  private Owner owner;

  @OneToMany(mappedBy = "pet")
  private List<Visit> visits = new ArrayList<>();

  protected Pet() {}

  public Pet(String name, Species species, LocalDate birthDate, Owner owner) {
    this.name = name;
    this.species = species;
    this.birthDate = birthDate;
    this.owner = owner;
    owner.getPets().add(this);
  }

  public String getName() {
    return name;
  }

  public Species getSpecies() {
    return species;
  }

  public List<Visit> getVisits() {
    return visits;
  }
}
