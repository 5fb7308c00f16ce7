package io.jmigrate.bench.boot;

import java.lang.management.ManagementFactory;
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
    return args -> jdbc.queryForObject("SELECT COUNT(*) FROM t1", Long.class);
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
