package io.jmigrate.examplejpa.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "visits")
public class Visit extends BaseEntity {
  @Column(name = "visit_date", nullable = false)
  private LocalDate date;

  private String description;

  @ManyToOne(optional = false)
  private Pet pet;

  @ManyToOne
  private Vet vet;

  protected Visit() {}

  public Visit(Pet pet, Vet vet, LocalDate date, String description) {
    this.pet = pet;
    this.vet = vet;
    this.date = date;
    this.description = description;
    pet.getVisits().add(this);
  }

  public String getDescription() {
    return description;
  }
}
