package shop;

import jakarta.persistence.Entity;

@Entity
public class EmailNotice extends Notice {
  String recipient;
}
