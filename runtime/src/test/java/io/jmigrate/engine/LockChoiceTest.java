package io.jmigrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** -Djmigrate.lock / JMIGRATE_LOCK choose the run lock of every migrator built after. */
class LockChoiceTest {
  @AfterEach
  void clear() {
    System.clearProperty("jmigrate.lock");
    System.clearProperty("jmigrate.lock.lease");
  }

  @Test
  void thePropertyChoosesTheLeaseAndItsLength() {
    assertNull(WorkloadAccess.migrator(0).leaseLock(), "the dialect's own lock by default");
    System.setProperty("jmigrate.lock", "lease");
    System.setProperty("jmigrate.lock.lease", "2.5");
    Migrator m = WorkloadAccess.migrator(0);
    assertEquals(Duration.ofMillis(2500), m.leaseLock().lease());
    assertNull(m.withDialectLock().leaseLock());
    System.setProperty("jmigrate.lock", "advisory");
    MigrationException e = assertThrows(MigrationException.class, () -> WorkloadAccess.migrator(0));
    assertTrue(e.getMessage().contains("it can be lease or dialect"), e.getMessage());
  }
}
