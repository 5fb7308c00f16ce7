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
    System.clearProperty("jmigrate.lock.timeout");
    System.clearProperty("jmigrate.allow-ahead");
  }

  @Test
  void propertiesChooseTheLockTimeoutAndAllowAhead() {
    Migrator plain = WorkloadAccess.migrator(0);
    assertNull(plain.lockWait().timeout(), "each lock's own default");
    assertEquals(false, plain.aheadAllowed());
    System.setProperty("jmigrate.lock.timeout", "2.5s");
    System.setProperty("jmigrate.allow-ahead", "true");
    Migrator m = WorkloadAccess.migrator(0);
    assertEquals(Duration.ofMillis(2500), m.lockWait().timeout());
    assertEquals(true, m.aheadAllowed());
    assertEquals(Duration.ofSeconds(1), m.withLockTimeout(Duration.ofSeconds(1)).lockWait().timeout(), "the code wins");
    assertEquals(false, m.withAheadAllowed(false).aheadAllowed());
    System.setProperty("jmigrate.lock.timeout", "2 minutes");
    MigrationException timeout = assertThrows(MigrationException.class, () -> WorkloadAccess.migrator(0));
    assertEquals("JMIGRATE_LOCK_TIMEOUT (or -Djmigrate.lock.timeout): \"2 minutes\" is not a duration: write e.g. 30s,"
        + " 500ms, 2m or 1h", timeout.getMessage());
    System.clearProperty("jmigrate.lock.timeout");
    System.setProperty("jmigrate.allow-ahead", "yes");
    MigrationException ahead = assertThrows(MigrationException.class, () -> WorkloadAccess.migrator(0));
    assertTrue(ahead.getMessage().contains("it can be true or false"), ahead.getMessage());
  }

  @Test
  void durationsAsPeopleWriteThem() {
    assertEquals(Duration.ofSeconds(30), io.jmigrate.dialect.LockWait.parse("30s"));
    assertEquals(Duration.ofSeconds(30), io.jmigrate.dialect.LockWait.parse("30"));
    assertEquals(Duration.ofMillis(500), io.jmigrate.dialect.LockWait.parse("500ms"));
    assertEquals(Duration.ofMinutes(2), io.jmigrate.dialect.LockWait.parse("2m"));
    assertEquals(Duration.ofHours(1), io.jmigrate.dialect.LockWait.parse("1h"));
    assertEquals(Duration.ofMillis(1500), io.jmigrate.dialect.LockWait.parse(" 1.5S "));
    assertThrows(IllegalArgumentException.class, () -> io.jmigrate.dialect.LockWait.parse("-1s"));
    assertEquals("2 min 05 s", io.jmigrate.dialect.LockWait.format(Duration.ofSeconds(125)));
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
