package io.jmigrate.processor;

import io.jmigrate.testing.Sql;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate 7 itself, on the entities a {@link Project} compiled: its {@code create} export and
 * its {@code validate}, and a PostgreSQL catalog reduced to what both must agree on (tables,
 * columns with type, size and nullability, identity, primary keys, foreign keys, unique column
 * sets, defaults but the discriminator's; not constraint or index names).
 */
final class HibernateSchema {
  /** Spring Boot's implicit naming ({@code SpringImplicitNamingStrategy}): a join table is the owning table + attribute. */
  public static final class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {
    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
      return toIdentifier(source.getOwningPhysicalTableName() + "_"
          + source.getAssociationOwningAttributePath().getProperty(), source.getBuildingContext());
    }
  }

  private HibernateSchema() {}

  /** Runs {@code hbm2ddl.auto = action} ({@code create} or {@code validate}) for the entities against the database. */
  static void run(Project.Result build, List<String> entities, boolean snakeCase, String url, String action)
      throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(build.classes().toUri().toURL());
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), HibernateSchema.class.getClassLoader())) {
      var bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
      StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
          .applySetting("hibernate.connection.url", url)
          .applySetting("hibernate.hbm2ddl.auto", action)
          .applySetting("hibernate.show_sql", "false")
          .build();
      try {
        MetadataSources sources = new MetadataSources(registry);
        for (String e : entities) {
          sources.addAnnotatedClass(loader.loadClass(e));
        }
        MetadataBuilder mb = sources.getMetadataBuilder();
        if (snakeCase) {
          mb.applyPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy());
          mb.applyImplicitNamingStrategy(new SpringImplicitNaming());
        }
        Metadata md = mb.build();
        md.buildSessionFactory().close();
      } finally {
        StandardServiceRegistryBuilder.destroy(registry);
      }
    }
  }

  /** The catalog both must agree on, one line per fact, sorted. */
  static String catalog(Connection c) throws SQLException {
    TreeSet<String> out = new TreeSet<>(Sql.strings(c, """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
          || coalesce('(' || character_maximum_length || ')', '')
          || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')
          || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
          || CASE WHEN is_identity = 'YES' THEN ' identity' ELSE '' END
          -- defaults too, but the discriminator's (jmigrate's is the root's value, so that rows can exist first)
          || CASE WHEN column_name = 'dtype' THEN '' ELSE coalesce(' default ' || column_default, '') END
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name <> 'jmigrate_history'"""));
    // Keys and references by their columns; unique constraints and unique indexes alike, as Hibernate validates.
    out.addAll(Sql.strings(c, """
        SELECT CASE con.contype WHEN 'p' THEN 'primary key ' WHEN 'f' THEN 'foreign key ' END
          || con.conrelid::regclass || ' ' || regexp_replace(pg_get_constraintdef(con.oid), '^(PRIMARY|FOREIGN) KEY ', '')
        FROM pg_constraint con
        WHERE con.connamespace = current_schema()::regnamespace AND con.contype IN ('p', 'f')
          AND con.conrelid::regclass::text <> 'jmigrate_history'"""));
    out.addAll(Sql.strings(c, """
        SELECT 'unique ' || t.relname || ' ' || regexp_replace(pg_get_indexdef(i.indexrelid), '^.* USING btree ', '')
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE i.indisunique AND NOT i.indisprimary AND t.relnamespace = current_schema()::regnamespace"""));
    out.addAll(Sql.strings(c, """
        SELECT 'index ' || t.relname || ' ' || regexp_replace(pg_get_indexdef(i.indexrelid), '^.* USING btree ', '')
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE NOT i.indisunique AND t.relnamespace = current_schema()::regnamespace
          AND t.relname <> 'jmigrate_history'"""));
    return String.join("\n", out) + "\n";
  }

  static Map<String, String> split(String catalog) {
    Map<String, String> m = new TreeMap<>();
    for (String line : catalog.split("\n")) {
      m.put(line, line);
    }
    return m;
  }
}
