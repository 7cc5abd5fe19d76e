package dev.mercado.simulators.kit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultChangesTest {

  private static final List<String> KNOWN = List.of("down", "stall");

  @Test
  void readsTheFlagsPresentAndKeepsTheOthers() {
    FaultChanges changes = FaultChanges.of(json("{\"down\":true}"), KNOWN, Fixtures.TYPES);

    assertThat(changes.flag("down", false)).isTrue();
    assertThat(changes.flag("stall", true)).isTrue();
    assertThat(changes.get("stall")).isNull();
  }

  @Test
  void rejectsAnUnknownSwitchNamingItAndTheKnownOnes() {
    ProblemException rejected =
        catchThrowableOfType(
            ProblemException.class,
            () -> FaultChanges.of(json("{\"down\":true,\"latencyMs\":1}"), KNOWN, Fixtures.TYPES));

    assertThat(rejected.problem().status()).isEqualTo(400);
    assertThat(rejected.problem().type()).isEqualTo(Fixtures.TYPES.prefix() + "invalid-faults");
    assertThat(rejected.problem().extensions()).containsEntry("field", "latencyMs");
    assertThat(rejected.problem().detail())
        .isEqualTo("unknown fault 'latencyMs'; known: down, stall");
  }

  @Test
  void rejectsAFlagThatIsNotABoolean() {
    FaultChanges changes = FaultChanges.of(json("{\"stall\":\"yes\"}"), KNOWN, Fixtures.TYPES);

    ProblemException rejected =
        catchThrowableOfType(ProblemException.class, () -> changes.flag("stall", false));

    assertThat(rejected.problem().extensions()).containsEntry("field", "stall");
    assertThat(rejected.problem().detail()).isEqualTo("stall must be true or false");
  }

  private static JsonNode json(String text) {
    return Json.parse(text.getBytes(UTF_8)).orElseThrow();
  }
}
