package gen;

import jakarta.persistence.Entity;

@Entity
public class Dog extends Animal {
  String breed;
}
