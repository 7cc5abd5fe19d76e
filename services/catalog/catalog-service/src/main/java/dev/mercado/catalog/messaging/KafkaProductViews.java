package dev.mercado.catalog.messaging;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.catalog.api.ProductViewed;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ProductViews;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link ProductViewed} telemetry straight to Kafka, deliberately NOT through the outbox
 * (R9): losing a few views costs nothing, while the product page must never wait for the broker nor
 * fail because of it. Hence its own producer, whatever the service's default producer says: {@code
 * acks=0} (no acknowledgement is awaited, none is retried), {@code max.block.ms} = 100 ms (the
 * longest a request can wait, for the topic's metadata or buffer space, while the broker is
 * unreachable), a small buffer and a short delivery timeout so views pile up for seconds at most.
 * Every failure is dropped and logged at debug level. Thread-safe.
 */
@Component
class KafkaProductViews implements ProductViews, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(KafkaProductViews.class);
  private static final byte[] CONTENT_TYPE =
      CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

  private final Producer<String, String> producer;
  private final CloudEventJson json = new CloudEventJson();
  private final Clock clock;
  private final String source;

  KafkaProductViews(
      KafkaProperties kafka,
      Clock clock,
      @Value("${spring.application.name:catalog}") String application) {
    Map<String, Object> config = kafka.buildProducerProperties();
    config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-product-views");
    config.put(ProducerConfig.ACKS_CONFIG, "0");
    // idempotence needs acks=all; telemetry neither has nor needs it
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    config.put(ProducerConfig.RETRIES_CONFIG, 0);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 100);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 1024 * 1024);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    this.producer = new KafkaProducer<>(config);
    this.clock = clock;
    this.source = application;
  }

  @Override
  public void viewed(ProductId id) {
    try {
      CloudEvent event =
          CloudEvent.create(
              source,
              CatalogTopics.PRODUCT_VIEWED,
              id.toString(),
              json.data(new ProductViewed(id.value())),
              clock);
      ProducerRecord<String, String> record =
          new ProducerRecord<>(CatalogTopics.PRODUCT_VIEWED, event.subject(), json.write(event));
      record.headers().add("content-type", CONTENT_TYPE);
      producer.send(
          record,
          (metadata, failure) -> {
            if (failure != null) {
              log.debug("product view of {} lost: {}", id, failure.toString());
            }
          });
    } catch (RuntimeException e) {
      log.debug("product view of {} lost: {}", id, e.toString());
    }
  }

  @Override
  public void destroy() {
    producer.close(Duration.ofMillis(500));
  }
}
