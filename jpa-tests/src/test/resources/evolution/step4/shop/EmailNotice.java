package shop;

import io.jmigrate.Drop;
import jakarta.persistence.Entity;

/** Step 4: SMS notices are gone. */
@Entity
@Drop(tables = "sms_notice")
public class EmailNotice extends Notice {
  String recipient;
}
