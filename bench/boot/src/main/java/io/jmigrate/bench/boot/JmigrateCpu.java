package io.jmigrate.bench.boot;

import io.jmigrate.spring.boot.JmigrateMigrationStrategy;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With {@code -Dbench.boot.steps=true} and jmigrate present: jmigrate's start-up migrate timed in
 * the main thread's CPU time, apart from the pool's first connection (which the floor application
 * opens too, at its first query). For finding where jmigrate's start-up time goes.
 */
@AutoConfiguration
@ConditionalOnClass(name = "io.jmigrate.spring.boot.JmigrateMigrationStrategy")
@ConditionalOnProperty("bench.boot.steps")
public class JmigrateCpu {
  @Bean
  JmigrateMigrationStrategy benchTimedMigrate() {
    return jmigrate -> {
      var cpu = ManagementFactory.getThreadMXBean();
      long t0 = cpu.getCurrentThreadCpuTime();
      try (Connection c = jmigrate.dataSource().getConnection()) {
        c.isValid(1);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      if (Boolean.getBoolean("bench.boot.pieces")) {
        long[] t = new long[8];
        t[0] = cpu.getCurrentThreadCpuTime();
        System.getLogger("io.jmigrate").log(System.Logger.Level.INFO, "probe {0}{1}", "a", "b");
        t[1] = cpu.getCurrentThreadCpuTime();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        var index = io.jmigrate.migration.MigrationIndex.find(loader);
        t[2] = cpu.getCurrentThreadCpuTime();
        io.jmigrate.migration.MigrationIndex.readSummary(index.get(0));
        t[3] = cpu.getCurrentThreadCpuTime();
        try (Connection c = jmigrate.dataSource().getConnection()) {
          c.getMetaData().getURL();
          t[4] = cpu.getCurrentThreadCpuTime();
          io.jmigrate.dialect.Dialect.of(c);
          t[5] = cpu.getCurrentThreadCpuTime();
          io.jmigrate.engine.UpToDate.check(c, loader);
          t[6] = cpu.getCurrentThreadCpuTime();
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
        System.out.printf("PIECES log %.2f, find %.2f, summary %.2f, url %.2f, Dialect.of %.2f, check %.2f ms%n",
            (t[1] - t[0]) / 1e6, (t[2] - t[1]) / 1e6, (t[3] - t[2]) / 1e6, (t[4] - t[3]) / 1e6, (t[5] - t[4]) / 1e6,
            (t[6] - t[5]) / 1e6);
        t1 = cpu.getCurrentThreadCpuTime();
      }
      jmigrate.migrate();
      long t2 = cpu.getCurrentThreadCpuTime();
      System.out.printf("JMIGRATE-CPU first connection %.2f ms, migrate %.2f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    };
  }
}
