package dev.mercado.catalog.messaging;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.catalog.api.ProductViewed;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ProductViews;
import java.time.Clock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * {@link ProductViewed} telemetry with {@code acks=0} (R9): no acknowledgement is awaited, none is
 * retried; a product page never waits for the broker. See {@link TelemetryProducer}.
 */
@Component
class KafkaProductViews implements ProductViews, DisposableBean {

  private final TelemetryProducer producer;

  KafkaProductViews(
      KafkaProperties kafka,
      Clock clock,
      @Value("${spring.application.name:catalog}") String application) {
    this.producer =
        new TelemetryProducer(kafka, application + "-product-views", "0", application, clock);
  }

  @Override
  public void viewed(ProductId id) {
    producer.send(CatalogTopics.PRODUCT_VIEWED, id.toString(), new ProductViewed(id.value()));
  }

  @Override
  public void destroy() {
    producer.close();
  }
}
