package dev.mercado.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

  private static final Instant CREATED = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration DAY = Duration.ofHours(24);
  private static final Duration RETENTION = Duration.ofMinutes(6);

  @Test
  void isDueForRotationOnceItHasSignedForThePeriod() {
    SigningKey key = anActiveKey();

    assertThat(key.isDueForRotation(CREATED.plus(DAY).minusSeconds(1), DAY)).isFalse();
    assertThat(key.isDueForRotation(CREATED.plus(DAY), DAY)).isTrue();
  }

  @Test
  void aRetiredKeyIsNeverDueForRotation() {
    assertThat(aKeyRetiredAt(CREATED).isDueForRotation(CREATED.plus(DAY), DAY)).isFalse();
  }

  @Test
  void anActiveKeyIsAlwaysPublished() {
    assertThat(anActiveKey().isPublishedAt(CREATED.plus(Duration.ofDays(400)), RETENTION)).isTrue();
  }

  @Test
  void aRetiredKeyIsPublishedUntilTheTokensItSignedHaveExpired() {
    Instant retired = CREATED.plus(DAY);
    SigningKey key = aKeyRetiredAt(retired);

    assertThat(key.isPublishedAt(retired.plus(RETENTION).minusMillis(1), RETENTION)).isTrue();
    assertThat(key.isPublishedAt(retired.plus(RETENTION), RETENTION)).isFalse();
  }

  @Test
  void onlyAnActiveKeyHasItsPrivateHalf() {
    assertThatThrownBy(
            () -> new SigningKey("k", "{}", "{private}", KeyState.RETIRED, CREATED, CREATED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SigningKey("k", "{}", null, KeyState.ACTIVE, CREATED, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SigningKey anActiveKey() {
    return SigningKey.active("kid-1", "{\"public\":1}", "{\"private\":1}", CREATED);
  }

  private static SigningKey aKeyRetiredAt(Instant retiredAt) {
    return new SigningKey("kid-0", "{\"public\":0}", null, KeyState.RETIRED, CREATED, retiredAt);
  }
}
