package dev.mercado.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CloudEventJsonTest {

  record PriceChanged(String productId, BigDecimal price, String currency) {}

  private final CloudEventJson json = new CloudEventJson();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:15:30Z"), ZoneOffset.UTC);

  @Test
  void writesTheStructuredFormAndReadsItBack() {
    CloudEvent event =
        CloudEvent.create(
            "catalog",
            "catalog.product-changed",
            "p-1",
            json.data(new PriceChanged("p-1", new BigDecimal("12.50"), "EUR")),
            clock);

    String written = json.write(event);
    CloudEvent read = json.read(written);

    assertThat(written)
        .contains(
            "\"specversion\":\"1.0\"",
            "\"type\":\"catalog.product-changed\"",
            "\"time\":\"2026-11-26T10:15:30Z\"",
            "\"datacontenttype\":\"application/json\"");
    assertThat(read).isEqualTo(event);
    assertThat(json.data(read, PriceChanged.class))
        .isEqualTo(new PriceChanged("p-1", new BigDecimal("12.50"), "EUR"));
  }

  @Test
  void rejectsWhatIsNotACloudEvent() {
    assertThatThrownBy(() -> json.read("not json")).isInstanceOf(InvalidCloudEventException.class);
    assertThatThrownBy(() -> json.read("{\"specversion\":\"0.3\"}"))
        .isInstanceOf(InvalidCloudEventException.class)
        .hasMessageContaining("specversion");
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"specversion\":\"1.0\",\"source\":\"s\",\"type\":\"t\",\"subject\":\"x\","
                        + "\"time\":\"2026-11-26T10:15:30Z\",\"data\":{}}"))
        .isInstanceOf(InvalidCloudEventException.class)
        .hasMessageContaining("'id'");
  }
}
