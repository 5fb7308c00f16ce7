package io.jmigrate.spring.boot;

import io.jmigrate.engine.Migrator;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Registers one {@link Jmigrate} bean per DataSource to migrate, once every bean definition is
 * known: the DataSources marked {@link JmigrateDataSource}, else the only one, else the
 * {@code @Primary} one; with several and none chosen, start-up fails
 * ({@link NoDataSourceChosenException}) before any DataSource opens. Nothing when the application
 * declares a {@link Jmigrate} bean of its own. One target is the bean {@code jmigrate}; several are
 * {@code <dataSource>Jmigrate}.
 *
 * <p>It also keeps Spring from reading the methods of the starter's own lazy {@code Migrator} bean after the
 * refresh: Spring's {@code @EventListener} support reads the declared methods of every bean's type, built or
 * not, and {@code Migrator}'s signatures load about fifteen runtime classes that an up-to-date start-up never
 * uses otherwise. {@code Migrator} is jmigrate's class and has no listener method, so the bean's definition
 * names {@code Object} as the class to read ({@link AutoProxyUtils#ORIGINAL_TARGET_CLASS_ATTRIBUTE}, the
 * attribute Spring consults first; Spring's own proxying overwrites it with the real class when it proxies
 * the bean). Its type, for injection and {@code getBean(Migrator.class)}, is unchanged. An application's
 * own Migrator bean is left alone.
 */
final class JmigrateRegistrar implements BeanDefinitionRegistryPostProcessor {

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    if (!(registry instanceof ConfigurableListableBeanFactory beans)
        || beans.getBeanNamesForType(Jmigrate.class, true, false).length > 0) {
      return;
    }
    List<String> targets = targets(beans);
    for (String dataSource : targets) {
      RootBeanDefinition jmigrate = new RootBeanDefinition(Jmigrate.class, () -> create(beans, dataSource));
      jmigrate.setDependsOn(dataSource);
      registry.registerBeanDefinition(targets.size() == 1 ? "jmigrate" : dataSource + "Jmigrate", jmigrate);
    }
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    String[] names = beanFactory.getBeanNamesForType(Migrator.class, true, false);
    for (String name : names) {
      if (starters(beanFactory, name)) {
        BeanDefinition d = beanFactory.getBeanDefinition(name);
        if (d.getAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE) == null) {
          d.setAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE, Object.class);
        }
      }
    }
  }

  /** The names of the DataSource beans to migrate, in bean order. */
  static List<String> targets(ConfigurableListableBeanFactory beans) {
    List<String> all = Arrays.stream(beans.getBeanNamesForType(DataSource.class, true, false))
        .filter(name -> !beans.containsBeanDefinition(name) || beans.getMergedBeanDefinition(name).isAutowireCandidate())
        .toList();
    List<String> marked = all.stream()
        .filter(name -> beans.findAnnotationOnBean(name, JmigrateDataSource.class, false) != null)
        .toList();
    if (!marked.isEmpty()) {
      return marked;
    }
    if (all.size() <= 1) {
      return all;
    }
    List<String> primary = all.stream()
        .filter(name -> beans.containsBeanDefinition(name) && beans.getMergedBeanDefinition(name).isPrimary())
        .toList();
    if (primary.size() == 1) {
      return primary;
    }
    throw new NoDataSourceChosenException(all);
  }

  private static Jmigrate create(ConfigurableListableBeanFactory beans, String dataSource) {
    return JmigrateAutoConfiguration.jmigrate(dataSource, () -> beans.getBean(Migrator.class),
        beans.getBean(dataSource, DataSource.class), beans.getBean(JmigrateProperties.class),
        indexed(beans) ? beans.getBeanClassLoader() : null);
  }

  /**
   * Whether the only Migrator is the starter's own (the index on the application's class loader), so
   * that the index may answer for it; an application's Migrator bean may hold other migrations.
   */
  private static boolean indexed(ConfigurableListableBeanFactory beans) {
    String[] names = beans.getBeanNamesForType(Migrator.class, true, false);
    return names.length == 1 && starters(beans, names[0]);
  }

  /** Whether the bean {@code name} is the starter's own Migrator ({@link JmigrateAutoConfiguration#jmigrateMigrator}). */
  private static boolean starters(ConfigurableListableBeanFactory beans, String name) {
    if (!beans.containsBeanDefinition(name)) {
      return false;
    }
    BeanDefinition d = beans.getMergedBeanDefinition(name);
    Class<?> factory = d.getFactoryBeanName() == null ? null : beans.getType(d.getFactoryBeanName(), false);
    return "jmigrateMigrator".equals(d.getFactoryMethodName()) && factory != null
        && JmigrateAutoConfiguration.class.isAssignableFrom(factory);
  }
}
