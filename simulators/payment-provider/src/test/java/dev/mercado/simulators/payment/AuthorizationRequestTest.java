package dev.mercado.simulators.payment;

import static dev.mercado.simulators.payment.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mercado.simulators.kit.Problem;
import dev.mercado.simulators.kit.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationRequestTest {

  @Test
  void readsAValidRequest() {
    // when
    AuthorizationRequest request =
        AuthorizationRequest.from(
            json(
                """
                {"cardToken":"tok_mastercard","amount":"0.01","currency":"JPY","reference":"o-1"}
                """));

    // then
    assertThat(request.card()).isEqualTo(Card.MASTERCARD);
    assertThat(request.amount()).isEqualByComparingTo("0.01");
    assertThat(request.currency().getCurrencyCode()).isEqualTo("JPY");
    assertThat(request.reference()).isEqualTo("o-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.00", "-1.00", "1.234", "12,50", "1e3", "012.50", "1000000000"})
  void rejectsAnAmountThatIsNotAPositiveDecimalWithAtMostTwoDecimals(String amount) {
    // when
    Problem problem =
        problemOf(
            "{\"cardToken\":\"tok_visa\",\"amount\":\""
                + amount
                + "\",\"currency\":\"EUR\",\"reference\":\"o-1\"}");

    // then
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.detail()).startsWith("amount must be");
    assertThat(invalidFields(problem)).containsExactly("amount");
  }

  @Test
  void rejectsAnAmountGivenAsAJsonNumber() {
    Problem problem =
        problemOf(
            "{\"cardToken\":\"tok_visa\",\"amount\":12.5,"
                + "\"currency\":\"EUR\",\"reference\":\"o\"}");

    assertThat(problem.detail()).contains("amount must be a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eur", "EURO", "ABC", ""})
  void rejectsACurrencyThatIsNotAnIsoCode(String currency) {
    Problem problem =
        problemOf(
            "{\"cardToken\":\"tok_visa\",\"amount\":\"1.00\",\"currency\":\""
                + currency
                + "\",\"reference\":\"o-1\"}");

    assertThat(problem.status()).isEqualTo(400);
    assertThat(invalidFields(problem)).containsExactly("currency");
  }

  @Test
  void namesEveryMissingOrBlankField() {
    Problem problem = problemOf("{\"reference\":\"  \"}");

    assertThat(problem.status()).isEqualTo(400);
    assertThat(invalidFields(problem))
        .containsExactly("cardToken", "amount", "currency", "reference");
    assertThat(problem.detail())
        .contains("cardToken is required")
        .contains("reference must not be blank");
  }

  @Test
  void rejectsAnUnknownCardTokenWith422() {
    Problem problem =
        problemOf(
            "{\"cardToken\":\"tok_amex\",\"amount\":\"1.00\","
                + "\"currency\":\"EUR\",\"reference\":\"o\"}");

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.type()).endsWith(":unknown-card-token");
    assertThat(problem.detail()).contains("unknown card token 'tok_amex'");
  }

  private static Problem problemOf(String body) {
    return catchThrowableOfType(ProblemException.class, () -> AuthorizationRequest.from(json(body)))
        .problem();
  }

  @SuppressWarnings("unchecked")
  private static List<String> invalidFields(Problem problem) {
    return ((List<Map<String, String>>) problem.extensions().get("invalidParams"))
        .stream().map(param -> param.get("name")).toList();
  }
}
