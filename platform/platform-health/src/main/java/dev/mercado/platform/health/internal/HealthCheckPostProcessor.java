package dev.mercado.platform.health.internal;

import dev.mercado.platform.health.HealthCheckProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorNameGenerator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Puts every {@link HealthIndicator} bean of the service behind a {@link PassiveCheck} or, when the
 * settings select it for the background, an {@link ActiveCheck}, named as Spring Boot names the
 * health component ({@code dbHealthContributor} → {@code db}). Composite contributors (several data
 * sources) are left as they are.
 */
public final class HealthCheckPostProcessor
    implements BeanPostProcessor, EnvironmentAware, BeanFactoryAware, DisposableBean {

  private static final HealthContributorNameGenerator NAMES =
      HealthContributorNameGenerator.withoutStandardSuffixes();

  private final List<ActiveCheck> active = new CopyOnWriteArrayList<>();
  private HealthCheckProperties properties;
  private BeanFactory beans;
  private ScheduledExecutorService scheduler;
  private ExecutorService runners;
  private volatile MeterRegistry meters;

  @Override
  public void setEnvironment(Environment environment) {
    properties =
        Binder.get(environment).bindOrCreate("mercado.health", HealthCheckProperties.class);
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    beans = beanFactory;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    if (!(bean instanceof HealthIndicator indicator)
        || bean instanceof PassiveCheck
        || bean instanceof ActiveCheck) {
      return bean;
    }
    String name = NAMES.generateContributorName(beanName);
    CheckRunner runner =
        new CheckRunner(
            name,
            indicator,
            properties.scheduleOf(name).timeout(),
            runners(),
            this::meters,
            Clock.systemUTC());
    if (!properties.runsInBackground(name)) {
      return new PassiveCheck(runner);
    }
    ActiveCheck check = new ActiveCheck(runner, properties.scheduleOf(name));
    active.add(check);
    check.start(scheduler());
    return check;
  }

  /** The service's registry, looked up once it exists rather than at every check. */
  private MeterRegistry meters() {
    MeterRegistry found = meters;
    if (found == null) {
      found = beans.getBeanProvider(MeterRegistry.class).getIfAvailable();
      meters = found;
    }
    return found;
  }

  private synchronized ExecutorService runners() {
    if (runners == null) {
      runners = Executors.newCachedThreadPool(daemons("health-check"));
    }
    return runners;
  }

  private synchronized ScheduledExecutorService scheduler() {
    if (scheduler == null) {
      scheduler = Executors.newScheduledThreadPool(2, daemons("health-schedule"));
    }
    return scheduler;
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public synchronized void destroy() {
    active.forEach(ActiveCheck::stop);
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (runners != null) {
      runners.shutdownNow();
    }
  }
}
