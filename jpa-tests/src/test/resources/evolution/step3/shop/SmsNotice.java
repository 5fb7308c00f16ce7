package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class SmsNotice extends Notice {
  @Column(length = 20)
  String number;
}
