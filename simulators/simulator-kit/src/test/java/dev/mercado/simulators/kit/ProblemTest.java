package dev.mercado.simulators.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private static final ProblemTypes TYPES = new ProblemTypes("urn:mercado:test:problem:");

  @Test
  void namesTheTypeByThePrefixAndTheKind() {
    Problem problem = TYPES.of(422, "unknown-card-token", "Unknown card token", "no such card");

    assertThat(problem.type()).isEqualTo("urn:mercado:test:problem:unknown-card-token");
    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.extensions()).isEmpty();
  }

  @Test
  void writesTheStandardMembersFirstAndTheExtensionsInTheOrderAdded() {
    // given
    Problem problem =
        TYPES
            .of(400, "invalid-faults", "Invalid faults", "down must be true or false")
            .with("field", "down")
            .with("known", "down, stall");

    // when
    Map<String, Object> json = problem.toJson();

    // then
    assertThat(json)
        .containsExactly(
            Map.entry("type", "urn:mercado:test:problem:invalid-faults"),
            Map.entry("title", "Invalid faults"),
            Map.entry("status", 400),
            Map.entry("detail", "down must be true or false"),
            Map.entry("field", "down"),
            Map.entry("known", "down, stall"));
  }

  @Test
  void leavesTheOriginalUnchangedWhenAddingAnExtension() {
    Problem plain = TYPES.of(404, "not-found", "Not found", "nothing here");

    plain.with("field", "id");

    assertThat(plain.extensions()).isEmpty();
  }

  @Test
  void carriesTheProblemInAnExceptionWithoutAStackTrace() {
    Problem problem = TYPES.of(409, "invalid-transition", "Invalid state transition", "refunded");

    ProblemException exception = problem.toException();

    assertThat(exception.problem()).isSameAs(problem);
    assertThat(exception).hasMessage("refunded");
    assertThat(exception.getStackTrace()).isEmpty();
  }

  @Test
  void refusesABlankPrefix() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ProblemTypes(" "));
    assertThatIllegalArgumentException().isThrownBy(() -> new ProblemTypes(null));
  }
}
