package dev.mercado.simulators.kit;

import static dev.mercado.simulators.kit.Fixtures.aCall;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultSwitchesTest {

  private final FaultSwitches<Switches> switches =
      new FaultSwitches<>("test simulator", Fixtures.TYPES, "SMTP", Switches.NONE);
  private final List<Switches> applied = new ArrayList<>();

  @Test
  void startsWithoutFaults() {
    Reply reply = switches.respond(aCall("GET", "/faults", null), applied::add);

    assertThat(switches.current()).isEqualTo(Switches.NONE);
    assertThat(body(reply)).isEqualTo("{\"down\":false,\"stall\":false}");
    assertThat(applied).isEmpty();
  }

  @Test
  void appliesAChangeToThePortAndThenMakesItCurrent() {
    // when
    Reply reply = switches.respond(aCall("PUT", "/faults", "{\"stall\":true}"), applied::add);

    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(body(reply)).isEqualTo("{\"down\":false,\"stall\":true}");
    assertThat(applied).containsExactly(new Switches(false, true));
    assertThat(switches.current()).isEqualTo(new Switches(false, true));
  }

  @Test
  void changesOnlyTheSwitchesGiven() {
    switches.respond(aCall("PUT", "/faults", "{\"stall\":true}"), applied::add);

    switches.respond(aCall("PUT", "/faults", "{\"down\":true}"), applied::add);

    assertThat(switches.current()).isEqualTo(new Switches(true, true));
  }

  @Test
  void resetsEverySwitch() {
    switches.respond(aCall("PUT", "/faults", "{\"down\":true}"), applied::add);

    Reply reply = switches.respond(aCall("DELETE", "/faults", null), applied::add);

    assertThat(body(reply)).isEqualTo("{\"down\":false,\"stall\":false}");
    assertThat(switches.current()).isEqualTo(Switches.NONE);
    assertThat(applied).last().isEqualTo(Switches.NONE);
  }

  @Test
  void keepsTheSwitchesWhenThePortCannotListenAgain() {
    // given
    switches.respond(aCall("PUT", "/faults", "{\"down\":true}"), applied::add);

    // when
    ProblemException rejected =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                switches.respond(
                    aCall("PUT", "/faults", "{\"down\":false}"),
                    next -> {
                      throw new IOException("port taken");
                    }));

    // then
    assertThat(rejected.problem().status()).isEqualTo(503);
    assertThat(rejected.problem().type())
        .isEqualTo(Fixtures.TYPES.prefix() + "smtp-port-unavailable");
    assertThat(rejected.problem().title()).isEqualTo("SMTP port unavailable");
    assertThat(rejected.problem().detail())
        .isEqualTo("the SMTP port cannot listen again, the faults are unchanged: port taken");
    assertThat(switches.current()).isEqualTo(new Switches(true, false));
  }

  @Test
  void rejectsInvalidChangesWithoutApplyingThem() {
    ProblemException notAnObject =
        catchThrowableOfType(
            ProblemException.class,
            () -> switches.respond(aCall("PUT", "/faults", "[true]"), applied::add));
    ProblemException badSwitch =
        catchThrowableOfType(
            ProblemException.class,
            () -> switches.respond(aCall("PUT", "/faults", "{\"down\":1}"), applied::add));

    assertThat(notAnObject.problem().status()).isEqualTo(400);
    assertThat(badSwitch.problem().extensions()).containsEntry("field", "down");
    assertThat(applied).isEmpty();
    assertThat(switches.current()).isEqualTo(Switches.NONE);
  }

  @Test
  void allowsOnlyReadChangeAndReset() {
    Reply reply = switches.respond(aCall("POST", "/faults", "{}"), applied::add);

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.headers()).containsEntry("Allow", "GET, PUT, DELETE");
  }

  private static String body(Reply reply) {
    return new String(reply.body(), UTF_8);
  }

  private record Switches(boolean down, boolean stall) implements FaultSettings<Switches> {

    static final Switches NONE = new Switches(false, false);

    @Override
    public Switches with(JsonNode json) {
      FaultChanges changes = FaultChanges.of(json, List.of("down", "stall"), Fixtures.TYPES);
      return new Switches(changes.flag("down", down), changes.flag("stall", stall));
    }

    @Override
    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("down", down);
      json.put("stall", stall);
      return json;
    }
  }
}
