package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosCommandTest {

  @Test
  void turnsAFaultIntoTheProxysAdminCall() {
    assertThat(
            ChaosCommand.parse(
                List.of("payment-provider", "latency", "1500", "jitter", "200", "for", "30")))
        .isEqualTo(
            new ChaosCommand.Call(
                "PUT",
                "/routes/payment-provider/faults",
                "{\"latencyMs\":1500,\"jitterMs\":200,\"durationSeconds\":30}"));
    assertThat(ChaosCommand.parse(List.of("mail", "blackhole")))
        .isEqualTo(new ChaosCommand.Call("PUT", "/routes/mail/faults", "{\"blackhole\":true}"));
    assertThat(ChaosCommand.parse(List.of("mail", "bandwidth", "8", "for", "10")).json())
        .isEqualTo("{\"bandwidthKbps\":8,\"durationSeconds\":10}");
    assertThat(ChaosCommand.parse(List.of("payment-provider", "reset")).json())
        .isEqualTo("{\"reset\":true}");
  }

  @Test
  void readsStatusAndClearsFaults() {
    assertThat(ChaosCommand.parse(List.of("status")))
        .isEqualTo(new ChaosCommand.Call("GET", "/routes", null));
    assertThat(ChaosCommand.parse(List.of("reset")))
        .isEqualTo(new ChaosCommand.Call("DELETE", "/faults", null));
    assertThat(ChaosCommand.parse(List.of("mail", "clear")))
        .isEqualTo(new ChaosCommand.Call("DELETE", "/routes/mail/faults", null));
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
  }
}
