package dev.mercado.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/** R5: a verified token is remembered by its text, and every use of it is still validated. */
class VerifiedTokensTest {

  private static final String ISSUER = "http://identity.test";
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final AtomicLong nanos = new AtomicLong();
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private VerifiedTokens tokens(VerifiedTokens.Limits limits) {
    JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
    // the validator reads the test's clock as it is when it runs
    timestamps.setClock(
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return clock.instant();
          }
        });
    return new VerifiedTokens(
        limits,
        new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)),
        nanos::get);
  }

  private static Jwt token(String text, Instant expiresAt) {
    return Jwt.withTokenValue(text)
        .header("alg", "RS256")
        .issuer(ISSUER)
        .subject("partner-premium")
        .issuedAt(NOW.minusSeconds(10))
        .expiresAt(expiresAt)
        .build();
  }

  @Test
  void recallsAVerifiedTokenByItsExactText() {
    VerifiedTokens tokens = tokens(VerifiedTokens.Limits.DEFAULT);
    Jwt jwt = tokens.remember(token("header.claims.signature", NOW.plusSeconds(300)));

    assertThat(tokens.recall("header.claims.signature")).containsSame(jwt);
    // one character of the signature changed: not the token that was verified
    assertThat(tokens.recall("header.claims.signaturf")).isEmpty();
    assertThat(tokens.recall("never.seen.before")).isEmpty();
  }

  @Test
  void stopsAcceptingARememberedTokenOnceItExpiresBeyondTheSkew() {
    VerifiedTokens tokens = tokens(VerifiedTokens.Limits.DEFAULT);
    tokens.remember(token("a.b.c", NOW.plusSeconds(30)));

    clock = Clock.fixed(NOW.plusSeconds(89), ZoneOffset.UTC);
    assertThat(tokens.recall("a.b.c")).as("within 60 s of skew").isPresent();

    clock = Clock.fixed(NOW.plusSeconds(91), ZoneOffset.UTC);
    assertThat(tokens.recall("a.b.c")).as("expired beyond the skew").isEmpty();
    clock = Clock.fixed(NOW, ZoneOffset.UTC);
    assertThat(tokens.recall("a.b.c")).as("forgotten once refused").isEmpty();
  }

  @Test
  void forgetsATokenAfterTheMaximumAgeSoAWithdrawnKeyStopsWorking() {
    VerifiedTokens tokens = tokens(new VerifiedTokens.Limits(100, Duration.ofMinutes(5)));
    tokens.remember(token("a.b.c", NOW.plusSeconds(3600)));

    nanos.addAndGet(Duration.ofMinutes(4).toNanos());
    assertThat(tokens.recall("a.b.c")).isPresent();
    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(tokens.recall("a.b.c")).isEmpty();
  }

  @Test
  void aSizeOfZeroRemembersNothing() {
    VerifiedTokens tokens = tokens(new VerifiedTokens.Limits(0, Duration.ofMinutes(5)));
    tokens.remember(token("a.b.c", NOW.plusSeconds(300)));

    assertThat(tokens.recall("a.b.c")).isEmpty();
  }

  @Test
  void refusesLimitsThatMakeNoSense() {
    assertThatThrownBy(() -> new VerifiedTokens.Limits(-1, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VerifiedTokens.Limits(1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
