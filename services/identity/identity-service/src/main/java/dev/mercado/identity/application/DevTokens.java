package dev.mercado.identity.application;

import dev.mercado.identity.IdentityProperties;
import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.identity.domain.Customer;
import dev.mercado.identity.domain.TokenClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Customer tokens without a browser, for scripts and tests (dev profile only): the same claims,
 * scopes, lifetime and signing key as a token from the authorization-code flow through shop-web,
 * but issued to the calling client ({@code aud} and {@code client_id} {@code dev-scripts}) and not
 * recorded as an authorization (they cannot be revoked; they expire).
 *
 * <p>Only demo customers ({@link Customer#mayReceiveDevTokens()}) get one, and every issuance is
 * logged at WARN. The bean exists only when {@code mercado.identity.dev-tokens.enabled=true}.
 */
@Service
@ConditionalOnBooleanProperty("mercado.identity.dev-tokens.enabled")
public class DevTokens {

  private static final Logger log = LoggerFactory.getLogger(DevTokens.class);

  private final CustomerAccounts customers;
  private final JwtEncoder encoder;
  private final IdentityProperties properties;
  private final Clock clock;

  DevTokens(
      CustomerAccounts customers, JwtEncoder encoder, IdentityProperties properties, Clock clock) {
    this.customers = customers;
    this.encoder = encoder;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A customer token for the demo customer {@code username}, issued to {@code clientId}.
   *
   * @throws NotADemoCustomerException if there is no such enabled demo customer
   */
  public Jwt issue(String username, String clientId) {
    Customer customer =
        customers
            .find(username)
            .filter(Customer::mayReceiveDevTokens)
            .orElseThrow(() -> new NotADemoCustomerException(username));
    Instant now = clock.instant();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(properties.issuer())
            .subject(customer.id().toString())
            .audience(List.of(clientId))
            .issuedAt(now)
            .notBefore(now)
            .expiresAt(now.plus(properties.accessTokenLifetime()))
            .id(UUID.randomUUID().toString())
            .claim(IdentityClaims.SCOPE, ClientRegistrations.CUSTOMER_SCOPES)
            .claims(all -> all.putAll(TokenClaims.ofCustomer(customer, clientId)))
            .build();
    Jwt token =
        encoder.encode(
            JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims));
    log.warn(
        "DEV TOKEN issued to client {} for demo customer {} ({}), jti {}, expires {}",
        clientId,
        customer.username(),
        customer.id(),
        token.getId(),
        token.getExpiresAt());
    return token;
  }
}
