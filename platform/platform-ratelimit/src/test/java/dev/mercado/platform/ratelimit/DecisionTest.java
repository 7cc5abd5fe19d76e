package dev.mercado.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

  private static Decision admitted(String limit, long remaining, Duration delay) {
    Limit l = Limit.parse("leaky-bucket 10/1s name " + limit, "x");
    return new Decision(
        true,
        "p-" + limit,
        limit,
        remaining,
        Duration.ofMillis(100),
        Duration.ZERO,
        delay,
        List.of(new Quota(l, remaining, Duration.ofMillis(100), false)),
        null);
  }

  @Test
  void twoAdmissionsCombineIntoTheTighterOneWithBothQuotasAndTheLongerDelay() {
    Decision combined =
        admitted("wide", 9, Duration.ZERO).and(admitted("narrow", 2, Duration.ofMillis(300)));

    assertThat(combined.allowed()).isTrue();
    assertThat(combined.limit()).isEqualTo("narrow");
    assertThat(combined.policy()).isEqualTo("p-narrow");
    assertThat(combined.remaining()).isEqualTo(2);
    assertThat(combined.delay()).isEqualTo(Duration.ofMillis(300));
    assertThat(combined.quotas()).hasSize(2);
  }

  @Test
  void unlimitedIsNeutralAndARejectionDecides() {
    Decision rejected = Decision.failed("p", FailureMode.CLOSED, "down", Duration.ofSeconds(1));

    assertThat(Decision.unlimited().and(rejected)).isSameAs(rejected);
    assertThat(admitted("a", 1, Duration.ZERO).and(rejected).allowed()).isFalse();
    assertThat(admitted("a", 1, Duration.ZERO).and(rejected).failure()).isEqualTo("down");
  }
}
