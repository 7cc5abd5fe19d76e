package dev.mercado.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import dev.mercado.identity.IdentityProperties;
import dev.mercado.identity.domain.KeyState;
import dev.mercado.identity.domain.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class SigningKeysTest {

  private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final Duration GRACE = Duration.ofMinutes(1);
  private static final Duration PERIOD = Duration.ofHours(24);

  private final InMemorySigningKeys repository = new InMemorySigningKeys();
  private final MutableClock clock = new MutableClock(START);
  private final SigningKeys keys = instance();

  @Test
  void createsTheFirstKeyWhenNoneExists() {
    assertThat(keys.signingKey().isPrivate()).isTrue();
    assertThat(keys.publishedKeys().getKeys())
        .singleElement()
        .satisfies(
            key -> {
              assertThat(key.getKeyID()).isEqualTo(keys.signingKey().getKeyID());
              assertThat(key.isPrivate()).isFalse();
            });
  }

  @Test
  void rotatesOnlyOnceTheActiveKeyHasSignedForThePeriod() {
    String first = keys.signingKey().getKeyID();

    clock.advance(PERIOD.minusSeconds(1));
    Optional<SigningKeys.Rotation> early = keys.rotateIfDue();
    clock.advance(Duration.ofSeconds(1));
    Optional<SigningKeys.Rotation> due = keys.rotateIfDue();

    assertThat(early).isEmpty();
    assertThat(due)
        .hasValueSatisfying(rotation -> assertThat(rotation.retiredKid()).isEqualTo(first));
    assertThat(keys.signingKey().getKeyID()).isEqualTo(due.get().activeKid()).isNotEqualTo(first);
  }

  @Test
  void keepsPublishingARetiredKeyUntilItsTokensHaveExpired() {
    String first = keys.signingKey().getKeyID();

    SigningKeys.Rotation rotation = keys.rotate();

    assertThat(rotation.publishedKids()).containsExactly(rotation.activeKid(), first);
    assertThat(publishedKids()).containsExactlyInAnyOrder(rotation.activeKid(), first);

    clock.advance(LIFETIME.plus(GRACE).minusSeconds(1));
    keys.rotateIfDue();
    assertThat(publishedKids()).contains(first);

    clock.advance(Duration.ofSeconds(1));
    keys.rotateIfDue();
    assertThat(publishedKids()).containsExactly(rotation.activeKid());
    assertThat(stateOf(first)).isEqualTo(KeyState.EXPIRED);
  }

  @Test
  void forgetsThePrivateHalfOfARetiredKey() {
    String first = keys.signingKey().getKeyID();

    keys.rotate();

    SigningKey retired =
        repository.all().stream().filter(key -> key.kid().equals(first)).findFirst().orElseThrow();
    assertThat(retired.state()).isEqualTo(KeyState.RETIRED);
    assertThat(retired.privateJwk()).isNull();
  }

  @Test
  void signsWithAnotherInstancesNewKeyOnceItsCacheIsStale() {
    String first = keys.signingKey().getKeyID();

    SigningKeys.Rotation elsewhere = instance().rotate();

    assertThat(keys.signingKey().getKeyID()).isEqualTo(first);
    clock.advance(SigningKeys.RELOAD_AFTER);
    assertThat(keys.signingKey().getKeyID()).isEqualTo(elsewhere.activeKid());
  }

  /** The keys published now, as an instance without a cache sees them. */
  private List<String> publishedKids() {
    return instance().publishedKeys().getKeys().stream().map(JWK::getKeyID).toList();
  }

  private SigningKeys instance() {
    return new SigningKeys(
        repository,
        new TransactionTemplate(new NoTransactions()),
        new IdentityProperties(
            "http://127.0.0.1:8085",
            LIFETIME,
            new IdentityProperties.KeyRotation(PERIOD, Duration.ofMinutes(1), GRACE),
            new IdentityProperties.DevTokens(false, "secret"),
            List.of()),
        clock);
  }

  private KeyState stateOf(String kid) {
    return repository.all().stream()
        .filter(key -> key.kid().equals(kid))
        .map(SigningKey::state)
        .findFirst()
        .orElseThrow();
  }

  private static final class MutableClock extends Clock {

    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Runs the callback as is: the in-memory repository needs no transaction. */
  private static final class NoTransactions extends AbstractPlatformTransactionManager {

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}
