package io.jmigrate.examplejpa.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "specialties")
public class Specialty extends BaseEntity {
  @Column(nullable = false, unique = true, length = 40)
  private String name;

  protected Specialty() {}

  public Specialty(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }
}
