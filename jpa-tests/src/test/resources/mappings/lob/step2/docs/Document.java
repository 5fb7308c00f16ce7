package docs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/**
 * Every Java type @Lob applies to, with and without a @Column length (which only MariaDB's
 * TINYTEXT … LONGTEXT follow). Step 2: summary widens (TINYTEXT to TEXT on MariaDB), signature is new.
 */
@Entity
public class Document {
  @Id
  Long id;

  @Lob
  String body;

  @Lob
  @Column(nullable = false, length = 1000)
  String summary;

  @Lob
  @Column(length = 1000)
  String abstractText;

  @Lob
  @Column(length = 100_000)
  String chapter;

  @Lob
  char[] letters;

  @Lob
  Character[] boxedLetters;

  @Lob
  byte[] content;

  @Lob
  @Column(length = 100_000)
  byte[] thumbnail;

  @Lob
  Byte[] boxedBytes;

  @Lob
  java.sql.Blob scan;

  @Lob
  java.sql.Clob notes;

  java.sql.Blob attachment;

  @Lob
  byte[] signature;
}
