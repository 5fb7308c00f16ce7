package digits;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.util.List;

/**
 * Names with a digit before a capital: Hibernate 7 puts an underscore after the digit (oauth2_client_info,
 * sha256_hash), 6.6 does not (oauth2client_info, sha256hash). An implicit sequence and collection table too.
 */
@Entity
public class OAuth2ClientInfo {
  @Id
  @GeneratedValue
  Long id;

  String sha256Hash;

  String address2Line;

  int fieldA1;

  @ElementCollection
  List<String> scopes2Grant;
}
