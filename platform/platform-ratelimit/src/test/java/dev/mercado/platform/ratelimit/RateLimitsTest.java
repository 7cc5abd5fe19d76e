package dev.mercado.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Policies from configuration applied to requests: matching, tiers, keys, several policies. */
class RateLimitsTest {

  private final FakeTime time = new FakeTime();
  private final RateLimiter limiter = RateLimiter.inMemory(time);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private final TieredPolicy perIp =
      new TieredPolicy(
          "per-ip",
          KeySource.IP,
          TieredPolicy.Match.any(),
          Map.of("free", Policy.of("per-ip:free", Limit.parse("fixed-window 5/1m", "free"))));
  private final TieredPolicy orders =
      new TieredPolicy(
          "place-order",
          KeySource.USER,
          new TieredPolicy.Match(Set.of("orders"), Set.of("POST"), List.of("/api/v1/orders")),
          Map.of(
              "free",
              Policy.of("place-order:free", Limit.parse("token-bucket 2/1m", "free")),
              "premium",
              Policy.of("place-order:premium", Limit.parse("token-bucket 4/1m", "premium"))));

  private final RateLimits limits = new RateLimits(limiter, List.of(perIp, orders), "free", meters);

  private static final Requester ALICE = new Requester("alice", "10.0.0.1", null, null, null);
  private static final Requester PREMIUM_BOB =
      new Requester("bob", "10.0.0.2", null, null, "premium");

  @AfterEach
  void close() {
    limiter.close();
  }

  @Test
  void findsThePoliciesARequestMatchesByRouteMethodAndPath() {
    assertThat(limits.matching("orders", "POST", "/api/v1/orders"))
        .extracting(TieredPolicy::name)
        .containsExactly("per-ip", "place-order");
    assertThat(limits.matching("orders", "GET", "/api/v1/orders"))
        .extracting(TieredPolicy::name)
        .containsExactly("per-ip");
    assertThat(limits.matching("catalog", "POST", "/api/v1/orders"))
        .extracting(TieredPolicy::name)
        .containsExactly("per-ip");
  }

  @Test
  void aRequestMatchedBySeveralPoliciesMustPassThemAll() {
    Decision first = limits.check("orders", "POST", "/api/v1/orders", ALICE);
    limits.check("orders", "POST", "/api/v1/orders", ALICE);
    Decision third = limits.check("orders", "POST", "/api/v1/orders", ALICE);

    assertThat(first.allowed()).isTrue();
    assertThat(first.quotas())
        .extracting(q -> q.limit().name())
        .containsExactly("free-5pm", "free-2pm");
    assertThat(first.limit()).isEqualTo("free-2pm");
    assertThat(third.allowed()).isFalse();
    assertThat(third.policy()).isEqualTo("place-order:free");
    assertThat(third.violated()).containsExactly("free-2pm");
  }

  @Test
  void eachTierHasItsOwnLimitsAndAnUnknownTierGetsTheDefault() {
    Requester unknownTier = new Requester("carol", "10.0.0.3", null, null, "gold");

    assertThat(admitted(PREMIUM_BOB, 10)).isEqualTo(4);
    assertThat(admitted(unknownTier, 10)).isEqualTo(2);
  }

  @Test
  void aPolicyCountsByItsKeyAndAnAnonymousCallerByIp() {
    Requester aliceElsewhere = new Requester("alice", "10.9.9.9", null, null, null);
    Requester anonymous = Requester.anonymous("10.0.0.1");

    assertThat(admittedUnder("place-order", ALICE, 1)).isEqualTo(1);
    assertThat(admittedUnder("place-order", aliceElsewhere, 5)).as("same user").isEqualTo(1);
    assertThat(admittedUnder("place-order", anonymous, 5)).as("counted by IP").isEqualTo(2);
  }

  @Test
  void anApiKeyIsCountedByAHashNeverStoredAsSent() {
    Requester partner = new Requester(null, "10.0.0.4", "s3cret-key", null, null);

    String key = partner.key(KeySource.API_KEY);

    assertThat(key).startsWith("api-key:").doesNotContain("s3cret").hasSize(8 + 32);
    assertThat(partner.key(KeySource.CLIENT)).isEqualTo("ip:10.0.0.4");
    assertThat(new Requester(null, null, null, null, null).key(KeySource.USER))
        .isEqualTo("ip:unknown");
  }

  @Test
  void aRequestNoPolicyMatchesIsUnlimited() {
    RateLimits none = new RateLimits(limiter, List.of(orders), "free", null);

    Decision decision = none.check("catalog", "GET", "/api/v1/catalog/products", ALICE);

    assertThat(decision).isSameAs(Decision.unlimited());
    assertThat(RateLimitHeaders.of(decision)).isEmpty();
  }

  @Test
  void theAsynchronousPathDecidesTheSame() throws Exception {
    for (int i = 0; i < 2; i++) {
      limits.checkAsync("orders", "POST", "/api/v1/orders", ALICE).toCompletableFuture().get();
    }
    Decision third =
        limits.checkAsync("orders", "POST", "/api/v1/orders", ALICE).toCompletableFuture().get();
    Decision byName =
        limits.checkAsync("place-order", "free", "user:alice").toCompletableFuture().get();

    assertThat(third.allowed()).isFalse();
    assertThat(byName.allowed()).isFalse();
    assertThat(byName.retryAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anUnknownPolicyIsAProgrammingError() {
    assertThatThrownBy(() -> limits.check("nope", ALICE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no rate-limit policy nope")
        .hasMessageContaining("per-ip");
  }

  @Test
  void countsDecisionsByPolicyTierLimitAndOutcome() {
    for (int i = 0; i < 3; i++) {
      limits.check("place-order", ALICE);
    }

    assertThat(count("allowed")).isEqualTo(2);
    assertThat(count("rejected")).isEqualTo(1);
    assertThat(
            meters
                .get("mercado.ratelimit.decision.duration")
                .tag("policy", "place-order")
                .tag("backend", "memory")
                .timer()
                .count())
        .isEqualTo(3);
  }

  private double count(String outcome) {
    return meters
        .get("mercado.ratelimit.decisions")
        .tag("policy", "place-order")
        .tag("tier", "free")
        .tag("limit", "free-2pm")
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  private int admitted(Requester requester, int attempts) {
    return admittedUnder("place-order", requester, attempts);
  }

  private int admittedUnder(String policy, Requester requester, int attempts) {
    int admitted = 0;
    for (int i = 0; i < attempts; i++) {
      if (limits.check(policy, requester).allowed()) {
        admitted++;
      }
    }
    return admitted;
  }
}
