package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Hibernate would draw its ids from the sequence ticket_seq, which jmigrate does not make. */
@Entity
public class Ticket {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  Long id;

  String subject;
}
