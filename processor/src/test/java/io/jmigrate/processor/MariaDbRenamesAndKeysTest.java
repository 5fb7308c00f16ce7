package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.MigrationException;
import io.jmigrate.testing.MariaDb;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class MariaDbRenamesAndKeysTest extends RenamesAndKeysContract {
  @Override
  Connection newDatabase(String name) throws Exception {
    return MariaDb.newPortableDatabase();
  }

  /**
   * MariaDB's widest decimal is DECIMAL(65,30): a double such as 1e300 does not fit an unbounded
   * decimal there. The change fails, naming the statement, and every value stays as it was.
   */
  @Override
  @Test
  void aDoubleBecomesAnUnboundedDecimalWithoutNarrowAndKeepsEveryValue() throws Exception {
    Project p = new Project(dir.resolve("p"));
    double[] values = {0.1, 1.0 / 3, 1e300, -2.5e-300};
    try (Connection db = newDatabase("decimal")) {
      step(p, db, "Measure", "@Table public class Measure { @Id long id; double v; }");
      try (var ps = db.prepareStatement("INSERT INTO measure (id, v) VALUES (?, ?)")) {
        for (int i = 0; i < values.length; i++) {
          ps.setLong(1, i);
          ps.setDouble(2, values[i]);
          ps.executeUpdate();
        }
      }
      MigrationException e = assertThrows(MigrationException.class,
          () -> step(p, db, "Measure", "@Table public class Measure { @Id long id; BigDecimal v; }"));
      assertTrue(e.getMessage().contains("DECIMAL(65,30)"), e.getMessage());
      try (var s = db.createStatement(); var rs = s.executeQuery("SELECT v FROM measure ORDER BY id")) {
        for (double v : values) {
          assertTrue(rs.next());
          assertEquals(v, rs.getDouble(1), 0.0);
        }
      }
    }
  }
}
