package io.jmigrate.spring.boot;

import java.util.List;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Makes the starter loud on a Spring Boot line it was not built for: a line whose auto-configuration
 * it may not reach would otherwise start, migrate nothing and say nothing. Registered in
 * META-INF/spring.factories (read by every Spring Boot line), so it runs even where the
 * auto-configuration is not found; it runs once logging is set up.
 */
class SpringBootLineCheck implements ApplicationListener<ApplicationEvent> {
  /** The lines the starter is tested on (README, "Spring Boot"). */
  static final List<String> TESTED = List.of("3.5", "4.0", "4.1");

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (!(event instanceof ApplicationEnvironmentPreparedEvent)) {
      return;
    }
    String verdict = verdict(SpringBootVersion.getVersion());
    if (verdict == null) {
      return;
    }
    if (verdict.startsWith("jmigrate cannot")) {
      throw new IllegalStateException(verdict);
    }
    System.getLogger("io.jmigrate").log(System.Logger.Level.WARNING, verdict);
  }

  /**
   * Null on a tested line; a warning on another 3.x or 4.x (the APIs the starter uses are there, but
   * untested); a failure ("jmigrate cannot …") on any other major line, where the starter may never
   * be called.
   */
  static String verdict(String version) {
    if (version == null) {
      return null; // repackaged without a manifest: nothing to go by
    }
    String[] parts = version.split("[.-]");
    String line = parts.length > 1 ? parts[0] + "." + parts[1] : version;
    if (TESTED.contains(line)) {
      return null;
    }
    if (parts[0].equals("3") || parts[0].equals("4")) {
      return "jmigrate's Spring Boot starter is tested on Spring Boot " + String.join(", ", TESTED) + ", not " + version
          + ": check that the start-up log says \"migrating the DataSource\" and that the tables exist";
    }
    return "jmigrate cannot run on Spring Boot " + version + ": its starter supports Spring Boot "
        + String.join(", ", TESTED) + " (it would not migrate the DataSource). Use a jmigrate release that supports"
        + " this line, or remove jmigrate-spring-boot-starter and call io.jmigrate.Runtime.migrate yourself.";
  }
}
