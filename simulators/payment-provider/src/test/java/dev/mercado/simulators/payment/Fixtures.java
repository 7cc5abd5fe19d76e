package dev.mercado.simulators.payment;

import java.math.BigDecimal;
import java.util.Currency;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class Fixtures {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Fixtures() {}

  static AuthorizationRequest anAuthorizationRequest(Card card, String reference) {
    return new AuthorizationRequest(
        card, new BigDecimal("12.50"), Currency.getInstance("EUR"), reference);
  }

  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }
}
