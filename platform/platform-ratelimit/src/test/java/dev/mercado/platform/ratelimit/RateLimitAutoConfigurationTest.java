package dev.mercado.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.platform.ratelimit.internal.MemoryRateLimiter;
import dev.mercado.platform.ratelimit.internal.RateLimiterHealthIndicator;
import dev.mercado.platform.ratelimit.internal.RedisRateLimiter;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Configuration: the example binds; mistakes stop start-up naming the property. */
class RateLimitAutoConfigurationTest {

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(RateLimitAutoConfiguration.class));

  private static final String CATALOG = "mercado.ratelimit.policies.catalog-read.";

  @Test
  void bindsPoliciesWithKeysMatchesAndTiers() {
    contexts
        .withPropertyValues(
            CATALOG + "key=client",
            CATALOG + "routes=catalog",
            CATALOG + "methods=get,head",
            CATALOG + "tiers.free[0]=token-bucket 10/1s burst 20",
            CATALOG + "tiers.free[1]=sliding-window 1000/1h",
            CATALOG + "tiers.premium[0]=token-bucket 100/1s burst 200")
        .run(
            context -> {
              TieredPolicy policy = context.getBean(RateLimits.class).policy("catalog-read").get();

              assertThat(policy.key()).isEqualTo(KeySource.CLIENT);
              assertThat(policy.match().routes()).containsExactly("catalog");
              assertThat(policy.match().methods()).isEqualTo(Set.of("GET", "HEAD"));
              assertThat(policy.tiers().get("free").name()).isEqualTo("catalog-read:free");
              assertThat(policy.tiers().get("free").limits())
                  .containsExactly(
                      new Limit("free-10ps", Algorithm.TOKEN_BUCKET, 10, Duration.ofSeconds(1), 20),
                      Limit.of("free-1000ph", Algorithm.SLIDING_WINDOW, 1000, Duration.ofHours(1)));
              assertThat(policy.tiers().get("premium").limits())
                  .extracting(Limit::name, Limit::capacity)
                  .containsExactly(org.assertj.core.groups.Tuple.tuple("premium-100ps", 200L));
            });
  }

  @Test
  void eachInstanceOfAScaledServiceKeepsItsShareOfEveryLimitInMemory() {
    contexts
        .withPropertyValues(
            "mercado.ratelimit.memory.instances=3",
            CATALOG + "tiers.free[0]=token-bucket 10/1s burst 20",
            CATALOG + "tiers.free[1]=sliding-window 1000/1h")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(RateLimits.class)
                            .policy("catalog-read")
                            .get()
                            .tiers()
                            .get("free")
                            .limits())
                    .containsExactly(
                        new Limit("free-10ps", Algorithm.TOKEN_BUCKET, 4, Duration.ofSeconds(1), 7),
                        Limit.of(
                            "free-1000ph", Algorithm.SLIDING_WINDOW, 334, Duration.ofHours(1))));
  }

  @Test
  void keepsLimitsInMemoryUnlessToldOtherwise() {
    contexts.run(
        context -> {
          assertThat(context.getBean(RateLimiter.class)).isInstanceOf(MemoryRateLimiter.class);
          assertThat(context.getBean(RateLimits.class).policies()).isEmpty();
          HealthIndicator health =
              context.getBean("rateLimiterHealthIndicator", HealthIndicator.class);
          assertThat(health.health().getStatus()).isEqualTo(Status.UP);
          assertThat(health.health().getDetails()).containsEntry("backend", "memory");
        });
  }

  @Test
  void aMalformedLimitStopsStartUpNamingTheProperty() {
    contexts
        .withPropertyValues(
            CATALOG + "tiers.free[0]=token-bucket 10/1s",
            CATALOG + "tiers.free[1]=sliding-windw 1/1h")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining(
                        "Property mercado.ratelimit.policies.catalog-read.tiers.free[1] with value"
                            + " 'sliding-windw 1/1h' is invalid: unknown algorithm 'sliding-windw'"));
  }

  @Test
  void aBurstOnAWindowStopsStartUp() {
    contexts
        .withPropertyValues(CATALOG + "tiers.free[0]=fixed-window 10/1s burst 20")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("tiers.free[0]")
                    .hasMessageContaining("burst applies to token-bucket and leaky-bucket only"));
  }

  @Test
  void everyPolicyMustDefineTheDefaultTier() {
    contexts
        .withPropertyValues(CATALOG + "tiers.premium[0]=token-bucket 100/1s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("mercado.ratelimit.policies.catalog-read.tiers")
                    .hasMessageContaining("must define the default tier 'free'"));
  }

  @Test
  void anUnknownKeySourceStopsStartUp() {
    contexts
        .withPropertyValues(CATALOG + "key=cookie", CATALOG + "tiers.free[0]=token-bucket 1/1s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining(
                        "Failed to bind properties under"
                            + " 'mercado.ratelimit.policies.catalog-read.key'"));
  }

  @Test
  void canBeSwitchedOff() {
    contexts
        .withPropertyValues("mercado.ratelimit.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(RateLimiter.class);
              assertThat(context).doesNotHaveBean(RateLimits.class);
            });
  }

  @Test
  void theRedisBackendStartsDegradedAndFailsOpenWhenRedisIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    contexts
        .withPropertyValues(
            "mercado.ratelimit.backend=redis",
            "mercado.ratelimit.redis.uri=redis://127.0.0.1:" + port,
            "mercado.ratelimit.redis.connect-timeout=300ms",
            CATALOG + "tiers.free[0]=token-bucket 1/1h")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class);
              Decision decision =
                  context.getBean(RateLimits.class).check("catalog-read", "free", "ip:1");
              assertThat(decision.allowed()).isTrue();
              assertThat(decision.degraded()).isTrue();
              assertThat(
                      context
                          .getBean("rateLimiterHealthIndicator", HealthIndicator.class)
                          .health()
                          .getStatus())
                  .isEqualTo(RateLimiterHealthIndicator.DEGRADED);
            });
  }

  @Test
  void aServiceMayBringItsOwnLimiter() {
    contexts
        .withBean(RateLimiter.class, () -> RateLimiter.inMemory(new FakeTime()))
        .withPropertyValues(CATALOG + "tiers.free[0]=fixed-window 1/1h")
        .run(
            context -> {
              RateLimits limits = context.getBean(RateLimits.class);
              assertThat(limits.check("catalog-read", "free", "k").allowed()).isTrue();
              assertThat(limits.check("catalog-read", "free", "k").allowed()).isFalse();
              assertThat(limits.policies())
                  .extracting(TieredPolicy::name)
                  .isEqualTo(List.of("catalog-read"));
            });
  }
}
