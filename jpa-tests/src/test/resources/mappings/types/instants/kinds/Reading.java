package kinds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Instants as Hibernate 7 stores them: DATETIME(6) on MariaDB (past 2038), with time zone elsewhere. */
@Entity
public class Reading {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false)
  Instant takenAt;

  OffsetDateTime offsetAt;

  ZonedDateTime zonedAt;

  @Column(unique = true, length = 40)
  String label;
}
