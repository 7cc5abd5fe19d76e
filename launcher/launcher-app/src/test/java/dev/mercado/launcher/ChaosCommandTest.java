package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mercado.launcher.ChaosCommand.Call;
import dev.mercado.launcher.ChaosCommand.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosCommandTest {

  @Test
  void turnsAFaultIntoTheProxysAdminCall() {
    assertThat(
            ChaosCommand.parse(
                List.of("payment-provider", "latency", "1500", "jitter", "200", "for", "30")))
        .containsExactly(
            new Call(
                "chaos-proxy",
                "PUT",
                "/routes/payment-provider/faults",
                "{\"latencyMs\":1500,\"jitterMs\":200,\"durationSeconds\":30}"));
    assertThat(ChaosCommand.parse(List.of("mail", "blackhole")))
        .containsExactly(
            new Call("chaos-proxy", "PUT", "/routes/mail/faults", "{\"blackhole\":true}"));
    assertThat(ChaosCommand.parse(List.of("mail", "bandwidth", "8", "for", "10")).get(0).json())
        .isEqualTo("{\"bandwidthKbps\":8,\"durationSeconds\":10}");
    assertThat(ChaosCommand.parse(List.of("payment-provider", "reset")).get(0).json())
        .isEqualTo("{\"reset\":true}");
  }

  @Test
  void switchesAnExceptionAssaultOnEveryInstanceOfAServiceThenBoundsIt() {
    assertThat(ChaosCommand.parse(List.of("catalog", "exception", "rate", "0.5", "for", "90")))
        .containsExactly(
            new Call(
                "catalog",
                "POST",
                "/actuator/chaosmonkey/assaults",
                "{\"exceptionsActive\":true,\"latencyActive\":false,\"level\":2,"
                    + "\"deterministic\":false}"),
            new Call("catalog", "POST", "/actuator/chaosdeadline", "{\"seconds\":\"90\"}"));
  }

  @Test
  void aServiceAssaultLastsSixtySecondsAndHitsEveryCallUnlessToldOtherwise() {
    List<Call> calls = ChaosCommand.parse(List.of("payments", "exception"));

    assertThat(calls.get(0).json()).contains("\"level\":1");
    assertThat(calls.get(1).json()).isEqualTo("{\"seconds\":\"60\"}");
  }

  @Test
  void switchesALatencyAssaultWithARangeAndARate() {
    assertThat(
            ChaosCommand.parse(
                    List.of("orders", "latency", "200", "to", "800", "rate", "0.25", "for", "30"))
                .get(0)
                .json())
        .isEqualTo(
            "{\"latencyActive\":true,\"exceptionsActive\":false,\"latencyRangeStart\":200,"
                + "\"latencyRangeEnd\":800,\"level\":4,\"deterministic\":false}");
    assertThat(ChaosCommand.parse(List.of("notifications", "latency", "300")).get(0).json())
        .contains("\"latencyRangeStart\":300,\"latencyRangeEnd\":300");
  }

  @Test
  void readsStatusAndClearsFaultsAndAssaults() {
    assertThat(ChaosCommand.parse(List.of("status")))
        .containsExactly(
            new Call("chaos-proxy", "GET", "/routes", null),
            new Call("*", "GET", "/actuator/chaosdeadline", null));
    assertThat(ChaosCommand.parse(List.of("reset")))
        .containsExactly(
            new Call("chaos-proxy", "DELETE", "/faults", null),
            new Call(
                "*",
                "POST",
                "/actuator/chaosmonkey/assaults",
                "{\"exceptionsActive\":false,\"latencyActive\":false}"));
    assertThat(ChaosCommand.parse(List.of("mail", "clear")))
        .containsExactly(new Call("chaos-proxy", "DELETE", "/routes/mail/faults", null));
    assertThat(ChaosCommand.parse(List.of("catalog", "clear")))
        .containsExactly(
            new Call(
                "catalog",
                "POST",
                "/actuator/chaosmonkey/assaults",
                "{\"exceptionsActive\":false,\"latencyActive\":false}"));
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChaosCommand.parse(List.of("mail", "earthquake")))
        .withMessageContaining("earthquake");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChaosCommand.parse(List.of("mail", "latency", "soon")))
        .withMessageContaining("soon");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChaosCommand.parse(List.of("mail", "latency", "10", "extra")))
        .withMessageContaining("extra");
    assertThatIllegalArgumentException().isThrownBy(() -> ChaosCommand.parse(List.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChaosCommand.parse(List.of("catalog", "earthquake")))
        .withMessageContaining("earthquake");
  }

  @Test
  void boundsEveryServiceAssaultInTimeAndRate() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChaosCommand.parse(List.of("catalog", "exception", "for", "601")))
        .withMessageContaining("600");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChaosCommand.parse(List.of("catalog", "exception", "for", "0")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChaosCommand.parse(List.of("catalog", "exception", "rate", "0")))
        .withMessageContaining("0 < P <= 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChaosCommand.parse(List.of("catalog", "exception", "rate", "1.5")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChaosCommand.parse(List.of("catalog", "latency", "500", "to", "100")));
  }

  @Test
  void findsEveryInstanceOfAServiceAndOnlyServicesWithAMonkey() {
    RunState state =
        new RunState(
            1,
            2,
            "token",
            List.of(
                entry("postgres", "infrastructure", "postgresql://127.0.0.1:1"),
                entry("chaos-proxy", "simulator", "http://127.0.0.1:9000/routes"),
                entry("identity", "service", "http://127.0.0.1:8085"),
                entry("catalog", "service", "http://127.0.0.1:8081"),
                entry("catalog-2", "service", "http://127.0.0.1:9081"),
                entry("orders", "service", "http://127.0.0.1:8082"),
                entry("gateway", "service", "http://127.0.0.1:8080")));

    assertThat(ChaosCommand.targets(state, "catalog"))
        .containsExactly(
            new Target("catalog", "http://127.0.0.1:8081"),
            new Target("catalog-2", "http://127.0.0.1:9081"));
    assertThat(ChaosCommand.targets(state, "*"))
        .extracting(Target::name)
        .containsExactly("catalog", "catalog-2", "orders");
    assertThat(ChaosCommand.targets(state, "chaos-proxy"))
        .containsExactly(new Target("chaos-proxy", "http://127.0.0.1:9000"));
    assertThat(ChaosCommand.targets(state, "payments")).isEmpty();
  }

  private static RunState.Entry entry(String name, String kind, String url) {
    return new RunState.Entry(name, kind, url, url, true, 0, "");
  }
}
