package dev.mercado.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.platform.resilience.internal.DownstreamRetryMetrics;
import dev.mercado.platform.resilience.internal.RetryBudgetMetrics;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The policies bound from {@code mercado.resilience.downstreams.*}, validated at start-up. */
class ResilienceAutoConfigurationTest {

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

  @Test
  void bindsEachDownstreamsRetryPolicyFromKebabCaseKeys() {
    contexts
        .withPropertyValues(
            "mercado.resilience.downstreams.payment-provider.retry.strategy=decorrelated-jitter",
            "mercado.resilience.downstreams.payment-provider.retry.max-attempts=4",
            "mercado.resilience.downstreams.payment-provider.retry.base=20ms",
            "mercado.resilience.downstreams.payment-provider.retry.cap=1s",
            "mercado.resilience.downstreams.payment-provider.retry.budget.ratio=0.2",
            "mercado.resilience.downstreams.payment-provider.retry.budget.capacity=5",
            "mercado.resilience.downstreams.payment-provider.retry.idempotent-only=false")
        .run(
            context -> {
              ResilienceProperties.RetryPolicy retry =
                  context
                      .getBean(ResilienceProperties.class)
                      .downstream("payment-provider")
                      .retry();

              assertThat(retry)
                  .isEqualTo(
                      new ResilienceProperties.RetryPolicy(
                          Backoff.Strategy.DECORRELATED_JITTER,
                          4,
                          Duration.ofMillis(20),
                          Duration.ofSeconds(1),
                          new ResilienceProperties.Budget(0.2, 5),
                          false));
              DownstreamRetries retries = context.getBean(DownstreamRetries.class);
              assertThat(retries.downstreams()).containsExactly("payment-provider");
              assertThat(retries.budget("payment-provider").capacity()).isEqualTo(5);
              assertThat(
                      retries
                          .retry("payment-provider", Idempotence.NOT_IDEMPOTENT)
                          .getRetryConfig()
                          .getMaxAttempts())
                  .isEqualTo(4);
            });
  }

  @Test
  void fillsUnsetValuesWithTheDefaults() {
    contexts
        .withPropertyValues("mercado.resilience.downstreams.catalog.retry.max-attempts=2")
        .run(
            context -> {
              ResilienceProperties.RetryPolicy retry =
                  context.getBean(ResilienceProperties.class).downstream("catalog").retry();

              assertThat(retry.strategy()).isEqualTo(Backoff.Strategy.EXPONENTIAL_FULL_JITTER);
              assertThat(retry.base()).isEqualTo(Duration.ofMillis(50));
              assertThat(retry.cap()).isEqualTo(Duration.ofSeconds(2));
              assertThat(retry.budget()).isEqualTo(new ResilienceProperties.Budget(0.1, 10));
              assertThat(retry.idempotentOnly()).isTrue();
              assertThat(context).hasSingleBean(RetryBudgetMetrics.class);
              assertThat(context).hasSingleBean(DownstreamRetryMetrics.class);
            });
  }

  @Test
  void startsWithNoDownstreamConfigured() {
    contexts.run(
        context -> assertThat(context.getBean(DownstreamRetries.class).downstreams()).isEmpty());
  }

  @Test
  void refusesToStartOnAnInvalidPolicyNamingTheKey() {
    assertStartupFails(
        "mercado.resilience.downstreams.catalog.retry.max-attempts=0",
        "mercado.resilience.downstreams.catalog.retry.max-attempts must be 1 to 100");
    assertStartupFails(
        "mercado.resilience.downstreams.catalog.retry.base=500us",
        "mercado.resilience.downstreams.catalog.retry.base must be at least 1ms");
    assertStartupFails(
        "mercado.resilience.downstreams.catalog.retry.cap=10ms",
        "mercado.resilience.downstreams.catalog.retry.cap");
    assertStartupFails(
        "mercado.resilience.downstreams.catalog.retry.budget.ratio=0",
        "mercado.resilience.downstreams.catalog.retry.budget.ratio must be 0.001 to 1");
    assertStartupFails(
        "mercado.resilience.downstreams.catalog.retry.budget.capacity=0",
        "mercado.resilience.downstreams.catalog.retry.budget.capacity must be 1 to 1000000");
    assertStartupFails(
        "mercado.resilience.downstreams.catalog.retry.strategy=fibonacci",
        "mercado.resilience.downstreams.catalog.retry.strategy");
  }

  @Test
  void publishesConfigurationMetadataForTheIde() throws Exception {
    try (InputStream metadata =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(metadata).isNotNull();
      assertThat(new String(metadata.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"mercado.resilience.downstreams\"");
    }
  }

  private void assertStartupFails(String property, String message) {
    contexts
        .withPropertyValues(property)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(allMessages(context.getStartupFailure())).contains(message);
            });
  }

  private static String allMessages(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append('\n');
    }
    return messages.toString();
  }
}
