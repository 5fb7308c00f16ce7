package digits;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A foreign key to a table named with a digit, through a field named with one, and an explicit name with one. */
@Entity
public class Md5Token {
  @Id
  Long id;

  @ManyToOne
  OAuth2ClientInfo client2Info;

  @Column(name = "utf8Value", length = 40)
  String value;
}
