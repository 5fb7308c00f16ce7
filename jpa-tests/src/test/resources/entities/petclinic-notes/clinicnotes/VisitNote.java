package clinicnotes;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.springframework.samples.petclinic.owner.Visit;

/** Beside PetClinic's entities: one without @Table and with camel-case names, where the naming strategy decides every name. */
@Entity
public class VisitNote {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Integer id;

  String noteText;

  @ManyToOne
  Visit visit;
}
