package dev.mercado.platform.inbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Gives every service with Kafka the {@link KafkaTopics} it declares its topics with. */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(KafkaTopicsProperties.class)
public class KafkaTopicsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  KafkaTopics kafkaTopics(KafkaTopicsProperties properties) {
    return new KafkaTopics(properties);
  }
}
