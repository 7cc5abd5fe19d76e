package dev.mercado.platform.inbox;

import dev.mercado.platform.events.InvalidCloudEventException;
import dev.mercado.platform.inbox.internal.DeadLetterTopics;
import dev.mercado.platform.inbox.internal.DeadLettersEndpoint;
import dev.mercado.platform.inbox.internal.InboxCleanup;
import dev.mercado.platform.inbox.internal.JdbcInbox;
import dev.mercado.platform.inbox.internal.KafkaDeadLetters;
import dev.mercado.platform.jobs.Jobs;
import dev.mercado.platform.jobs.JobsAutoConfiguration;
import dev.mercado.platform.jobs.SharedSchema;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the inbox into a service with a {@link DataSource} and Kafka: the {@link Inbox}, the error
 * handler every {@code @KafkaListener} of the service uses (bounded exponential retries, then the
 * dead-letter topic {@code <topic>.dlt}, created on first use; events that are not CloudEvents go
 * there at once), {@link DeadLetters} with its Actuator endpoint, and the clean-up that forgets
 * event ids after {@code mercado.inbox.retention}.
 */
@AutoConfiguration(
    after = JobsAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
    })
@ConditionalOnBean({DataSource.class, KafkaProperties.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(InboxProperties.class)
public class InboxAutoConfiguration {

  @Bean
  JdbcInbox inbox(DataSource dataSource, PlatformTransactionManager transactions) {
    SharedSchema.create(dataSource, JdbcInbox.SCHEMA);
    return new JdbcInbox(JdbcClient.create(dataSource), new TransactionTemplate(transactions));
  }

  /**
   * Group membership for every consumer, each setting only where the service sets none (ADR 0012):
   * the cooperative sticky assignor, so a member joining or leaving moves only the partitions that
   * change hands while the others keep consuming (no stop-the-world rebalance), and a 10 s session
   * (heartbeats every 3 s), so the partitions of a member that died without leaving ({@code kill
   * -9}) go to a restarted or sibling instance after 10 s rather than Kafka's default 45 s. The
   * classic group protocol, not KIP-848's: with kafka-clients 4.1.2 the new consumer's background
   * threads burnt more than a core of this machine while the broker was down. Not a longer {@code
   * fetch.max.wait.ms} either (tried for idle polling, docs/performance.md): after the error
   * handler seeks back to a failed record, the consumer waits for the fetch the broker still holds
   * before it asks again, so every retry took the whole wait and a 3 s retry budget became 25 s.
   */
  @Bean
  DefaultKafkaConsumerFactoryCustomizer groupMembership() {
    Map<String, Object> defaults =
        Map.of(
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
            CooperativeStickyAssignor.class.getName(),
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
            10_000,
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
            3_000);
    return factory -> {
      Map<String, Object> missing = new HashMap<>();
      defaults.forEach(
          (key, value) -> {
            if (!factory.getConfigurationProperties().containsKey(key)) {
              missing.put(key, value);
            }
          });
      factory.updateConfigs(missing);
    };
  }

  /**
   * Offsets committed every 100 records or once a second, whichever comes first, where the service
   * chose no ack mode: Spring Kafka's default commits after every poll, which at a few records a
   * second means one synchronous commit (a broker round trip and a write to {@code
   * __consumer_offsets}) per record. The inbox makes this safe: a record processed but not yet
   * committed when a consumer dies is delivered again and skipped as a duplicate (R7, R10;
   * docs/performance.md).
   */
  @Bean
  ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
      inboxOffsetCommits(KafkaProperties kafka) {
    return container -> {
      if (kafka.getListener().getAckMode() == null) {
        ContainerProperties properties = container.getContainerProperties();
        properties.setAckMode(ContainerProperties.AckMode.COUNT_TIME);
        properties.setAckCount(100);
        properties.setAckTime(1_000);
      }
    };
  }

  @Bean
  InboxCleanup inboxCleanup(JdbcInbox inbox, InboxProperties properties, Jobs jobs) {
    return new InboxCleanup(
        inbox, properties.retention(), properties.cleanupInterval(), Clock.systemUTC(), jobs);
  }

  /** Not a bean: a KafkaTemplate bean would replace Boot's default template of the service. */
  private static KafkaTemplate<String, String> deadLetterProducer(
      KafkaProperties kafka, String application) {
    Map<String, Object> producer = kafka.buildProducerProperties();
    producer.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-dead-letters");
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
  }

  @Bean
  CommonErrorHandler inboxErrorHandler(
      KafkaDeadLetters deadLetters,
      KafkaProperties kafka,
      InboxProperties properties,
      ObjectProvider<MeterRegistry> registry) {
    DeadLetterTopics topics = new DeadLetterTopics(kafka.buildAdminProperties());
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            deadLetters.producer(),
            (record, exception) -> {
              String deadLetterTopic = record.topic() + properties.deadLetterSuffix();
              topics.ensure(deadLetterTopic);
              return new TopicPartition(deadLetterTopic, -1);
            });
    ExponentialBackOffWithMaxRetries backOff =
        new ExponentialBackOffWithMaxRetries(properties.retries());
    backOff.setInitialInterval(properties.initialBackoff().toMillis());
    backOff.setMultiplier(2);
    backOff.setMaxInterval(properties.maxBackoff().toMillis());
    MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
    // mercado.deadletters.parked{name}: messages parked after their retries (O1)
    ConsumerRecordRecoverer counted =
        (record, exception) -> {
          recoverer.accept(record, exception);
          meters
              .counter(
                  "mercado.deadletters.parked",
                  "name",
                  record.topic() + properties.deadLetterSuffix())
              .increment();
        };
    DefaultErrorHandler handler = new DefaultErrorHandler(counted, backOff);
    handler.addNotRetryableExceptions(InvalidCloudEventException.class);
    return handler;
  }

  @Bean
  KafkaDeadLetters deadLetters(
      KafkaProperties kafka,
      InboxProperties properties,
      @Value("${spring.application.name:application}") String application) {
    return new KafkaDeadLetters(
        kafka.buildConsumerProperties(),
        application,
        deadLetterProducer(kafka, application),
        properties.deadLetterSuffix());
  }

  /** The Actuator endpoint, when the service has Actuator. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
  static class Endpoints {

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(List<DeadLetters> deadLetters) {
      return new DeadLettersEndpoint(deadLetters);
    }
  }
}
