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
  /** The line BootBench waits for; the number after it is the JVM's own uptime at ready, in ms. */
  public static final String READY = "BENCH-READY ";

  @Bean
  ApplicationRunner firstQuery(JdbcTemplate jdbc, DataSource dataSource) {
    return args -> jdbc.queryForObject("SELECT COUNT(*) FROM t1", Long.class);
  }

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(BootApp.class);
    app.addListeners((ApplicationListener<ApplicationReadyEvent>) e -> {
      System.out.println(READY + ManagementFactory.getRuntimeMXBean().getUptime());
      System.out.flush();
    });
    ConfigurableApplicationContext context = app.run(args);
    context.close();
  }
}
