package lines;

import jakarta.persistence.Embeddable;

@Embeddable
public class Entry {
  String label;
  int amount;
}
