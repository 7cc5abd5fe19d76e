package dev.mercado.platform.chaos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import de.codecentric.spring.boot.chaos.monkey.configuration.AssaultProperties;
import de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeyProperties;
import de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeySettings;
import de.codecentric.spring.boot.chaos.monkey.configuration.WatcherProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssaultDeadlineTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private ChaosMonkeySettings settings;
  private AssaultDeadline deadline;

  @BeforeEach
  void aMonkeyWithoutAssault() {
    settings =
        new ChaosMonkeySettings(
            new ChaosMonkeyProperties(), new AssaultProperties(), new WatcherProperties());
    settings.getChaosMonkeyProperties().setEnabled(true);
    deadline =
        new AssaultDeadline(settings, Duration.ofSeconds(60), Duration.ofSeconds(600), clock);
  }

  @Test
  void givesAnAssaultSwitchedOnElsewhereTheDefaultDurationThenEndsIt() {
    settings.getAssaultProperties().setExceptionsActive(true);

    deadline.check();
    assertThat(deadline.until()).contains(clock.instant().plusSeconds(60));

    clock.advance(Duration.ofSeconds(59));
    deadline.check();
    assertThat(settings.getAssaultProperties().isExceptionsActive()).isTrue();

    clock.advance(Duration.ofSeconds(1));
    deadline.check();
    assertThat(settings.getAssaultProperties().isExceptionsActive()).isFalse();
    assertThat(deadline.until()).isEmpty();
  }

  @Test
  void endsAnAssaultWhenTheTimeItWasGivenIsUp() {
    settings.getAssaultProperties().setLatencyActive(true);

    deadline.expireIn(Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(5));
    deadline.check();

    assertThat(settings.getAssaultProperties().isLatencyActive()).isFalse();
    assertThat(deadline.status())
        .containsEntry("until", null)
        .containsEntry("remainingSeconds", 0L);
  }

  @Test
  void forgetsTheDeadlineOfAnAssaultSwitchedOffEarly() {
    settings.getAssaultProperties().setExceptionsActive(true);
    deadline.expireIn(Duration.ofSeconds(500));
    settings.getAssaultProperties().setExceptionsActive(false);
    deadline.check();

    settings.getAssaultProperties().setExceptionsActive(true);
    deadline.check();

    assertThat(deadline.until()).contains(clock.instant().plusSeconds(60));
  }

  @Test
  void refusesDurationsOutOfBoundsAndDeadlinesWithoutAnAssault() {
    assertThatIllegalStateException().isThrownBy(() -> deadline.expireIn(Duration.ofSeconds(10)));
    settings.getAssaultProperties().setExceptionsActive(true);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> deadline.expireIn(Duration.ofSeconds(601)))
        .withMessageContaining("600");
    assertThatIllegalArgumentException().isThrownBy(() -> deadline.expireIn(Duration.ZERO));
  }

  @Test
  void showsTheAssaultAndTheTimeLeft() {
    settings.getAssaultProperties().setLevel(2);
    settings.getAssaultProperties().setLatencyActive(true);
    settings.getAssaultProperties().setLatencyRangeStart(100);
    settings.getAssaultProperties().setLatencyRangeEnd(300);
    deadline.expireIn(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(10));

    assertThat(deadline.status())
        .containsEntry("enabled", true)
        .containsEntry("latencyActive", true)
        .containsEntry("exceptionsActive", false)
        .containsEntry("level", 2)
        .containsEntry("latencyRangeStart", 100)
        .containsEntry("latencyRangeEnd", 300)
        .containsEntry("remainingSeconds", 20L);
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
