package io.jmigrate.engine;

/** Lets tests in other packages use the shared workload. */
public final class WorkloadAccess {
  private WorkloadAccess() {}

  public static Migrator migrator(int extra) {
    return new Migrator(Workload.migrations(extra));
  }
}
