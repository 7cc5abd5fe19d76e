package dev.mercado.catalog.messaging;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.catalog.api.ProductSearched;
import dev.mercado.catalog.domain.SearchAnalytics;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * {@link ProductSearched} analytics with {@code acks=1} (R9): the partition leader acknowledges,
 * replicas are not awaited; keyed by the lower-cased query so one query's searches share a
 * partition. See {@link TelemetryProducer}.
 */
@Component
class KafkaSearchAnalytics implements SearchAnalytics, DisposableBean {

  private final TelemetryProducer producer;

  KafkaSearchAnalytics(
      KafkaProperties kafka,
      Clock clock,
      @Value("${spring.application.name:catalog}") String application) {
    this.producer =
        new TelemetryProducer(kafka, application + "-search-analytics", "1", application, clock);
  }

  @Override
  public void searched(String query, long results) {
    producer.send(
        CatalogTopics.PRODUCT_SEARCHED,
        query.toLowerCase(Locale.ROOT),
        new ProductSearched(query, results));
  }

  @Override
  public void destroy() {
    producer.close();
  }
}
