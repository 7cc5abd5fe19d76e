package dev.mercado.orders.messaging;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.catalog.api.ProductChanged;
import dev.mercado.orders.application.ProductCopyUpdates;
import dev.mercado.orders.domain.Money;
import dev.mercado.orders.domain.ProductCopy;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.inbox.Inbox;
import java.util.Currency;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Fills orders' copy of the catalogue from {@code catalog.product-changed}, once per event. */
@Component
class CatalogListener {

  private final Inbox inbox;
  private final ProductCopyUpdates copies;
  private final CloudEventJson json = new CloudEventJson();

  CatalogListener(Inbox inbox, ProductCopyUpdates copies) {
    this.inbox = inbox;
    this.copies = copies;
  }

  // one consumer, not one per partition as the saga's: product changes are rare, and each idle
  // consumer costs the broker two fetches a second (docs/performance.md)
  @KafkaListener(topics = CatalogTopics.PRODUCT_CHANGED, groupId = "orders", concurrency = "1")
  void on(ConsumerRecord<String, String> record) {
    inbox.receive(
        "orders",
        record,
        event -> {
          ProductChanged changed = json.data(event, ProductChanged.class);
          copies.changed(
              new ProductCopy(
                  changed.productId(),
                  changed.sku(),
                  changed.name(),
                  new Money(changed.priceAmount(), Currency.getInstance(changed.priceCurrency())),
                  changed.version()));
        });
  }
}
