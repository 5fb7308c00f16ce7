package io.jmigrate.bench.boot;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application BootBench starts: Spring Boot with a DataSource and JdbcTemplate, and whichever
 * migration tool is on its class path (or none). At start-up it reads one of the migrated tables, as
 * an application's first query does; at ApplicationReadyEvent it prints one line and exits.
 */
@SpringBootApplication
public class BootApp {
  /**
   * The line BootBench waits for. After it: the JVM's own uptime at ready, the main thread's CPU time
   * and the whole process's CPU time then (ms); on a loaded machine CPU time is what waiting does not inflate.
   */
  public static final String READY = "BENCH-READY ";

  @Bean
  ApplicationRunner firstQuery(JdbcTemplate jdbc, DataSource dataSource) {
    return args -> {
      if (!Boolean.getBoolean("bench.boot.steps")) {
        jdbc.queryForObject("SELECT COUNT(*) FROM t1", Long.class);
        return;
      }
      // Probed (not timed to ready): the pool's connection apart (a tool opened it already), then the query, whose
      // cold path (the driver's; on H2 the database's) a tool's own first query takes on instead.
      var cpu = ManagementFactory.getThreadMXBean();
      long t0 = cpu.getCurrentThreadCpuTime();
      try (Connection c = dataSource.getConnection()) {
        c.isValid(1);
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      jdbc.queryForObject("SELECT COUNT(*) FROM t1", Long.class);
      long t2 = cpu.getCurrentThreadCpuTime();
      System.out.printf(Locale.ROOT, "FIRST-QUERY connection %.2f ms, query %.2f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    };
  }

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(BootApp.class);
    CpuSteps steps = Boolean.getBoolean("bench.boot.steps") ? new CpuSteps() : null;
    if (steps != null) {
      app.setApplicationStartup(steps);
    }
    app.addListeners((ApplicationListener<ApplicationReadyEvent>) e -> {
      long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
      long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime() / 1_000_000;
      System.out.println(READY + ManagementFactory.getRuntimeMXBean().getUptime() + " " + mainCpu + " " + processCpu);
      if (steps != null) {
        steps.print();
      }
      System.out.flush();
    });
    ConfigurableApplicationContext context = app.run(args);
    context.close();
  }
}
