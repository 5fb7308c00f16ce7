package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Size {
  Integer width;

  @Column(length = 30)
  String unit;
}
