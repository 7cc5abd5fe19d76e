package dev.mercado.simulators.mail;

import static dev.mercado.simulators.mail.Fixtures.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mercado.simulators.kit.ProblemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageFilterTest {

  private final ReceivedMessage toAlice = aMessage("alice@example.com", "o-1");

  @Test
  void matchesEveryMessageWithoutParameters() {
    assertThat(MessageFilter.of(Optional.empty(), Optional.empty())).isEqualTo(MessageFilter.ALL);
    assertThat(MessageFilter.ALL.matches(toAlice)).isTrue();
  }

  @Test
  void matchesTheRecipientIgnoringCase() {
    assertThat(filter("ALICE@Example.com", null).matches(toAlice)).isTrue();
    assertThat(filter("bob@example.com", null).matches(toAlice)).isFalse();
    assertThat(filter("alice@example.co", null).matches(toAlice)).isFalse();
  }

  @Test
  void matchesTheHeaderNameIgnoringCaseAndTheValueExactly() {
    assertThat(filter(null, "X-Mercado-Order-Id:o-1").matches(toAlice)).isTrue();
    assertThat(filter(null, "x-mercado-order-id:o-1").matches(toAlice)).isTrue();
    assertThat(filter(null, "X-Mercado-Order-Id:O-1").matches(toAlice)).isFalse();
    assertThat(filter(null, "X-Mercado-Task-Id:o-1").matches(toAlice)).isFalse();
  }

  @Test
  void keepsAColonInTheHeaderValue() {
    MessageFilter filter = filter(null, "X-Mercado-Order-Id:urn:order:1");
    assertThat(filter.headerName()).isEqualTo("X-Mercado-Order-Id");
    assertThat(filter.headerValue()).isEqualTo("urn:order:1");
  }

  @Test
  void matchesOnlyWhenRecipientAndHeaderBothMatch() {
    assertThat(filter("alice@example.com", "X-Mercado-Order-Id:o-1").matches(toAlice)).isTrue();
    assertThat(filter("alice@example.com", "X-Mercado-Order-Id:o-2").matches(toAlice)).isFalse();
    assertThat(filter("bob@example.com", "X-Mercado-Order-Id:o-1").matches(toAlice)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Mercado-Order-Id", "Subject:Order", ":o-1", "X-:o-1", "X-a b:o-1"})
  void rejectsAHeaderParameterThatIsNotAnExtensionHeaderAndAValue(String header) {
    ProblemException rejected =
        catchThrowableOfType(ProblemException.class, () -> filter(null, header));

    assertThat(rejected.problem().status()).isEqualTo(400);
    assertThat(rejected.problem().extensions()).containsEntry("field", "header");
  }

  @ParameterizedTest
  @CsvSource(value = {"''", "' '"})
  void rejectsABlankRecipient(String to) {
    ProblemException rejected =
        catchThrowableOfType(ProblemException.class, () -> filter(to, null));

    assertThat(rejected.problem().status()).isEqualTo(400);
    assertThat(rejected.problem().extensions()).containsEntry("field", "to");
  }

  private static MessageFilter filter(String to, String header) {
    return MessageFilter.of(Optional.ofNullable(to), Optional.ofNullable(header));
  }
}
