package dev.mercado.identity.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.mercado.identity.IdentityProperties;
import dev.mercado.identity.domain.SigningKey;
import dev.mercado.identity.domain.SigningKeyRepository;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign access tokens, kept in the database so that every instance signs with the same
 * key and a rotation survives restarts.
 *
 * <p>Exactly one key is active and signs; rotating retires it (its private half is deleted) and
 * activates a new one. A retired key stays in the published set (the JWKS) for {@link
 * IdentityProperties#retiredKeyRetention()}, so a token it signed just before the rotation keeps
 * verifying until it expires; then it expires too. Verifiers that meet an unknown {@code kid} fetch
 * the JWKS again, so they accept tokens of the new key without a restart.
 *
 * <p>The keys are cached for {@link #RELOAD_AFTER} (and reloaded at once after a rotation by this
 * instance), so another instance's rotation reaches this one within that time. Thread-safe.
 */
@Service
public class SigningKeys {

  /** How long this instance serves its cached keys before reading them again. */
  static final Duration RELOAD_AFTER = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  /** The keys now: the one that signs and the public ones verifiers need. */
  private record Snapshot(RSAKey signing, JWKSet published, Instant loadedAt) {}

  /** A rotation: the new active key, the key it retired, and every key now published. */
  public record Rotation(String activeKid, String retiredKid, List<String> publishedKids) {}

  private final SigningKeyRepository keys;
  private final TransactionTemplate transactions;
  private final IdentityProperties properties;
  private final Clock clock;
  private volatile Snapshot snapshot;

  SigningKeys(
      SigningKeyRepository keys,
      TransactionTemplate transactions,
      IdentityProperties properties,
      Clock clock) {
    this.keys = keys;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  /** The active key, with its private half: the only key that signs. */
  public RSAKey signingKey() {
    return current().signing();
  }

  /** The public keys verifiers need now: the active key and the recently retired ones. */
  public JWKSet publishedKeys() {
    return current().published();
  }

  /**
   * Retires the active key and activates a new one, at once; concurrent rotations happen one after
   * the other.
   */
  public Rotation rotate() {
    Rotation rotation =
        transactions.execute(
            status -> {
              keys.lockForRotation();
              Instant now = clock.instant();
              return rotateLocked(keys.active(), now);
            });
    snapshot = null;
    return rotation;
  }

  /**
   * Rotates if the active key is older than {@code mercado.identity.key-rotation.period}, and
   * expires the retired keys no token can need any more. Called on a schedule; harmless on every
   * instance at once.
   *
   * @return the rotation, if one was due
   */
  public Optional<Rotation> rotateIfDue() {
    Optional<Rotation> rotation =
        transactions.execute(
            status -> {
              keys.lockForRotation();
              Instant now = clock.instant();
              Optional<SigningKey> active = keys.active();
              if (active.isPresent()
                  && !active.get().isDueForRotation(now, properties.keyRotation().period())) {
                expireOldKeys(now);
                return Optional.<Rotation>empty();
              }
              return Optional.of(rotateLocked(active, now));
            });
    if (rotation.isPresent()) {
      snapshot = null;
    }
    return rotation;
  }

  private Rotation rotateLocked(Optional<SigningKey> active, Instant now) {
    active.ifPresent(key -> keys.retire(key.kid(), now));
    SigningKey created = newKey(now);
    keys.addActive(created);
    expireOldKeys(now);
    List<String> published =
        keys.published(now.minus(properties.retiredKeyRetention())).stream()
            .map(SigningKey::kid)
            .toList();
    String retired = active.map(SigningKey::kid).orElse(null);
    log.info(
        "rotated the signing key: {} signs from now on, {} is retired; published: {}",
        created.kid(),
        retired,
        published);
    return new Rotation(created.kid(), retired, published);
  }

  private void expireOldKeys(Instant now) {
    int expired = keys.expireRetiredBefore(now.minus(properties.retiredKeyRetention()), now);
    if (expired > 0) {
      log.info("expired {} retired signing key(s): no token they signed is still valid", expired);
    }
  }

  private Snapshot current() {
    Snapshot current = snapshot;
    if (current == null || !current.loadedAt().plus(RELOAD_AFTER).isAfter(clock.instant())) {
      current = load();
    }
    return current;
  }

  private synchronized Snapshot load() {
    Snapshot current = snapshot;
    if (current != null && current.loadedAt().plus(RELOAD_AFTER).isAfter(clock.instant())) {
      return current; // another thread reloaded while this one waited
    }
    Snapshot loaded =
        transactions.execute(
            status -> {
              Instant now = clock.instant();
              Optional<SigningKey> active = keys.active();
              if (active.isEmpty()) {
                // the first start: create the first key, unless another instance just did
                keys.lockForRotation();
                active = keys.active();
                if (active.isEmpty()) {
                  SigningKey first = newKey(now);
                  keys.addActive(first);
                  log.info("created the first signing key {}", first.kid());
                  active = Optional.of(first);
                }
              }
              List<JWK> published =
                  keys.published(now.minus(properties.retiredKeyRetention())).stream()
                      .map(key -> parse(key.publicJwk()))
                      .toList();
              return new Snapshot(
                  parse(active.get().privateJwk()).toRSAKey(), new JWKSet(published), now);
            });
    snapshot = loaded;
    return loaded;
  }

  private static SigningKey newKey(Instant now) {
    try {
      RSAKey key =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .issueTime(Date.from(now))
              .generate();
      return SigningKey.active(
          key.getKeyID(), key.toPublicJWK().toJSONString(), key.toJSONString(), now);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not generate an RSA key", e);
    }
  }

  private static JWK parse(String json) {
    try {
      return JWK.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("a stored signing key is not a valid JWK", e);
    }
  }
}
