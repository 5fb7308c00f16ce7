package io.jmigrate.spring.boot;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.migration.Operation;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter recognises an up-to-date database from the index, as {@code Runtime.migrate} does: the
 * application starts without the Migrator bean being built and without any migration class loaded.
 */
class StartupFastPathTest {
  @TempDir
  Path dir;

  static volatile boolean initialized;

  /** The indexed migration: the JVM initialises it only if something loads it to run or checksum it. */
  public static final class Watched extends Migration {
    static {
      initialized = true;
    }

    public Watched() {
      super(1, "create watched");
    }

    @Override
    public List<Operation> up() {
      return Twin.OPS;
    }
  }

  /** The same migration under another name: sets up the database and gives the checksum without touching {@link Watched}. */
  static final class Twin extends Migration {
    static final List<Operation> OPS =
        List.of(createTable(table("watched", column("id", BIGINT).notNull()).primaryKey("id")));

    Twin() {
      super(1, "create watched");
    }

    @Override
    public List<Operation> up() {
      return OPS;
    }
  }

  /** One method: a class is initialised once per JVM, so every up-to-date start comes before the control. */
  @Test
  void anUpToDateDatabaseStartsWithoutLoadingAMigration() throws Exception {
    String watched = StartupFastPathTest.class.getName() + "$Watched";
    MigrationIndex.Entry entry = new MigrationIndex.Entry(watched, 1, new Twin().checksum(), null, false);
    Path index = Files.writeString(dir.resolve("migrations"),
        MigrationIndex.Summary.of(List.of(entry)).line() + "\n" + entry.line() + "\n");
    ClassLoader application = new ClassLoader(getClass().getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.equals(MigrationIndex.RESOURCE)
            ? Collections.enumeration(List.of(index.toUri().toURL()))
            : super.getResources(name);
      }
    };
    ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(BootLine.jdbc())
        .withClassLoader(application);

    for (String kind : List.of("sqlite", "h2")) {
      String url = Databases.newUrl(kind, dir);
      try (Connection c = DriverManager.getConnection(url)) {
        new Migrator(List.of(new Twin())).migrate(c);
      }
      runner.withPropertyValues("spring.datasource.url=" + url).run(context -> {
        assertThat(context).hasNotFailed().hasBean("jmigrate");
        assertThat(context.getBeanFactory().containsSingleton("jmigrateMigrator")).as("the Migrator bean built, " + kind)
            .isFalse();
        assertThat(initialized).as("the migration class initialised, " + kind).isFalse();
      });
    }

    // The check can fail: on an empty database the starter builds the migrator, which loads the class.
    String empty = Databases.newUrl("sqlite", dir);
    runner.withPropertyValues("spring.datasource.url=" + empty).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(initialized).isTrue();
    });
    assertThat(Databases.versions(empty)).containsExactly(1);
  }
}
