package io.jmigrate.quarkus;

import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;
import java.util.Map;
import java.util.Optional;

/**
 * {@code quarkus.jmigrate.*}: for the default datasource ({@code quarkus.jmigrate.migrate-at-start}) and
 * for each named one ({@code quarkus.jmigrate."users".migrate-at-start}), as Quarkus's datasources are named.
 */
@ConfigMapping(prefix = "quarkus.jmigrate")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface JmigrateConfig {

  /** Datasources. */
  @ConfigDocMapKey("datasource-name")
  @ConfigDocSection
  @WithParentName
  @WithUnnamedKey(DataSourceUtil.DEFAULT_DATASOURCE_NAME)
  @WithDefaults
  Map<String, DataSourceConfig> datasources();

  /** The settings of one datasource. */
  @ConfigGroup
  interface DataSourceConfig {
    /**
     * Whether to bring this datasource to the latest migration when the application starts. Unset: yes
     * for the default datasource, no for a named one (whose database may hold another application's schema).
     */
    Optional<Boolean> migrateAtStart();

    /**
     * Whether to refuse to start when the database is at a version this build does not know (a newer build
     * migrated it). Turn it off only while rolling back to an older build on purpose.
     */
    @WithDefault("true")
    boolean failOnAhead();
  }

  /** Whether the named datasource is migrated at start-up. */
  default boolean migrates(String dataSourceName) {
    DataSourceConfig c = datasources().get(dataSourceName);
    Optional<Boolean> set = c == null ? Optional.empty() : c.migrateAtStart();
    return set.orElse(DataSourceUtil.isDefault(dataSourceName));
  }

  /** Whether the named datasource may be ahead of this build. */
  default boolean aheadAllowed(String dataSourceName) {
    DataSourceConfig c = datasources().get(dataSourceName);
    return c != null && !c.failOnAhead();
  }
}
