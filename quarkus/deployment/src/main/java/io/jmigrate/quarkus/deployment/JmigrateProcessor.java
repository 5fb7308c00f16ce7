package io.jmigrate.quarkus.deployment;

import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.quarkus.JmigrateHealthCheck;
import io.jmigrate.quarkus.JmigrateRecorder;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.agroal.spi.JdbcDataSourceSchemaReadyBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.logging.LoggingSetupBuildItem;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The extension's build steps. At start-up the datasources are migrated after the datasource beans exist and
 * before Hibernate ORM starts (it waits for {@link JdbcDataSourceSchemaReadyBuildItem}, as it does for Flyway).
 */
class JmigrateProcessor {
  static final String FEATURE = "jmigrate";

  @BuildStep
  FeatureBuildItem feature() {
    return new FeatureBuildItem(FEATURE);
  }

  @BuildStep
  @Record(ExecutionTime.RUNTIME_INIT)
  @Consume(BeanContainerBuildItem.class)
  @Consume(LoggingSetupBuildItem.class)
  ServiceStartBuildItem migrateAtStart(JmigrateRecorder recorder, List<JdbcDataSourceBuildItem> dataSources,
      BuildProducer<JdbcDataSourceSchemaReadyBuildItem> schemaReady) {
    // An ArrayList: the recorder writes its arguments into bytecode, which needs a class it can construct.
    List<String> names = new ArrayList<>(dataSources.stream().map(JdbcDataSourceBuildItem::getName).sorted().toList());
    recorder.migrateAtStart(names);
    schemaReady.produce(new JdbcDataSourceSchemaReadyBuildItem(names));
    return new ServiceStartBuildItem(FEATURE);
  }

  /** The readiness check, only in an application with SmallRye Health (the check's API comes with it). */
  @BuildStep
  void health(Capabilities capabilities, BuildProducer<HealthBuildItem> health,
      BuildProducer<AdditionalBeanBuildItem> beans) {
    if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
      health.produce(new HealthBuildItem(JmigrateHealthCheck.class.getName(), true));
      beans.produce(AdditionalBeanBuildItem.unremovableOf(JmigrateHealthCheck.class));
    }
  }

  /** A native image needs the index and the migration classes it names, which are loaded by name. */
  @BuildStep
  void nativeImage(BuildProducer<NativeImageResourceBuildItem> resources,
      BuildProducer<ReflectiveClassBuildItem> reflection) {
    resources.produce(new NativeImageResourceBuildItem(MigrationIndex.RESOURCE));
    // the runtime creates its built-in dialects by name (its public dialect package does not import them)
    reflection.produce(ReflectiveClassBuildItem.builder("io.jmigrate.internal.dialect.BuiltInDialects").constructors().build());
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (URL index : MigrationIndex.find(loader)) {
      String[] classes = MigrationIndex.read(index).stream().map(MigrationIndex.Entry::className)
          .toArray(String[]::new);
      reflection.produce(ReflectiveClassBuildItem.builder(classes).constructors().build());
    }
  }
}
