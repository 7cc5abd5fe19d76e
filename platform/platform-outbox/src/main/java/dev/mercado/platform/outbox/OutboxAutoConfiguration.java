package dev.mercado.platform.outbox;

import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.jobs.Jobs;
import dev.mercado.platform.jobs.JobsAutoConfiguration;
import dev.mercado.platform.jobs.SharedSchema;
import dev.mercado.platform.outbox.internal.AmqpOutboxTransport;
import dev.mercado.platform.outbox.internal.JdbcOutbox;
import dev.mercado.platform.outbox.internal.KafkaOutboxTransport;
import dev.mercado.platform.outbox.internal.OutboxMetrics;
import dev.mercado.platform.outbox.internal.OutboxRelay;
import dev.mercado.platform.outbox.internal.OutboxStore;
import dev.mercado.platform.outbox.internal.OutboxTracing;
import dev.mercado.platform.outbox.internal.OutboxTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the outbox into a service that has a {@link DataSource} and Kafka on its classpath: the
 * table (created if missing), the {@link Outbox}, and the relay with its own producer ({@code
 * acks=all}, idempotent, whatever the service's default producer says) and, when the service has
 * Spring AMQP, its own confirming AMQP publisher for {@link Outbox#enqueue}.
 */
@AutoConfiguration(
    after = JobsAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnBean({DataSource.class, KafkaProperties.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

  @Bean
  OutboxStore outboxStore(DataSource dataSource) {
    SharedSchema.create(dataSource, OutboxStore.SCHEMA);
    return new OutboxStore(JdbcClient.create(dataSource));
  }

  /** Not a bean of type KafkaTemplate: that would replace Boot's default template. */
  @Bean
  KafkaOutboxTransport kafkaOutboxTransport(
      KafkaProperties kafka,
      OutboxProperties properties,
      @Value("${spring.application.name:application}") String application) {
    Map<String, Object> producer = kafka.buildProducerProperties();
    producer.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    producer.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis());
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaOutboxTransport(
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer)));
  }

  /** The trace context across the outbox (O2), when the service traces. */
  @Bean
  OutboxTracing outboxTracing(
      ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    Tracer current = tracer.getIfAvailable();
    Propagator fields = propagator.getIfAvailable();
    return current == null || fields == null
        ? OutboxTracing.NONE
        : new OutboxTracing(current, fields);
  }

  @Bean
  OutboxRelay outboxRelay(
      OutboxStore store,
      List<OutboxTransport> transports,
      OutboxProperties properties,
      PlatformTransactionManager transactions,
      ObjectProvider<MeterRegistry> registry,
      OutboxTracing tracing,
      Jobs jobs) {
    OutboxMetrics metrics = new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    return new OutboxRelay(
        store,
        transports,
        new TransactionTemplate(transactions),
        properties,
        metrics,
        Clock.systemUTC(),
        tracing,
        jobs);
  }

  @Bean
  Outbox outbox(
      OutboxStore store,
      OutboxRelay relay,
      List<OutboxTransport> transports,
      OutboxTracing tracing,
      @Value("${spring.application.name:application}") String application) {
    return new JdbcOutbox(
        store,
        relay,
        new CloudEventJson(),
        application,
        Clock.systemUTC(),
        transports.stream()
            .filter(OutboxTransport::available)
            .map(OutboxTransport::name)
            .collect(Collectors.toSet()),
        tracing);
  }

  /**
   * The AMQP transport, when the service has Spring AMQP: its own caching connection factory on the
   * service's broker settings, with correlated publisher confirms and returns whatever the
   * service's own factory says.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.amqp.rabbit.core.RabbitTemplate")
  static class Amqp {

    @Bean
    AmqpOutboxTransport amqpOutboxTransport(ObjectProvider<CachingConnectionFactory> services) {
      CachingConnectionFactory service = services.getIfAvailable();
      if (service == null) {
        return new AmqpOutboxTransport(null);
      }
      CachingConnectionFactory confirming =
          new CachingConnectionFactory(service.getRabbitConnectionFactory());
      confirming.setAddresses(service.getHost() + ":" + service.getPort());
      confirming.setPublisherConfirmType(ConfirmType.CORRELATED);
      confirming.setPublisherReturns(true);
      confirming.setConnectionNameStrategy(factory -> "outbox-relay");
      RabbitTemplate template = new RabbitTemplate(confirming);
      template.setMandatory(true);
      return new AmqpOutboxTransport(template);
    }
  }
}
