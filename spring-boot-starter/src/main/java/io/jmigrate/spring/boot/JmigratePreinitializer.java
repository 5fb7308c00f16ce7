package io.jmigrate.spring.boot;

import io.jmigrate.migration.MigrationIndex;
import java.net.URL;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Does the start-up check's class loading and index reading on a thread of its own while Spring Boot
 * reads the configuration, as Spring Boot's own background pre-initializer does for its libraries: the
 * main thread then finds jmigrate's classes loaded and the index's summary read when it migrates.
 * Nothing here touches a database or decides anything; the main thread repeats whatever this has not
 * done yet. Skipped on one processor, with {@code jmigrate.enabled=false}, and with Spring Boot's
 * {@code spring.backgroundpreinitializer.ignore=true}.
 */
class JmigratePreinitializer implements ApplicationListener<ApplicationEvent> {
  /** The classes the start-up path of the starter loads, in the order it loads them. */
  private static final List<String> CLASSES = List.of("io.jmigrate.spring.boot.JmigrateProperties",
      "io.jmigrate.spring.boot.JmigrateAutoConfiguration", "io.jmigrate.spring.boot.Jmigrate",
      "io.jmigrate.spring.boot.JmigrateRegistrar", "io.jmigrate.spring.boot.JmigrateInitializer",
      "io.jmigrate.spring.boot.JmigrateSchemaManagementProvider", "io.jmigrate.spring.boot.JmigrateDataSource",
      "io.jmigrate.spring.boot.JmigrateInitializerDetector", "io.jmigrate.engine.UpToDate",
      "io.jmigrate.migration.MigrationIndex$Summary", "io.jmigrate.dialect.Dialect");

  private static volatile boolean started;

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (!(event instanceof ApplicationEnvironmentPreparedEvent prepared) || started
        || java.lang.Runtime.getRuntime().availableProcessors() < 2
        || Boolean.getBoolean("spring.backgroundpreinitializer.ignore")
        || !prepared.getEnvironment().getProperty("jmigrate.enabled", Boolean.class, true)) {
      return;
    }
    started = true;
    ClassLoader loader = prepared.getSpringApplication().getClassLoader();
    Thread t = new Thread(() -> preinitialize(loader), "jmigrate-preinitializer");
    t.setDaemon(true);
    t.start();
  }

  private static void preinitialize(ClassLoader loader) {
    try {
      ClassLoader own = JmigratePreinitializer.class.getClassLoader();
      for (String name : CLASSES) {
        Class.forName(name, true, own);
      }
      List<URL> indexes = MigrationIndex.find(loader);
      if (indexes.size() == 1) {
        MigrationIndex.readSummary(indexes.get(0));
      }
    } catch (Throwable ignored) {
      // only a head start: the main thread does all of it again where needed and reports what fails
    }
  }
}
