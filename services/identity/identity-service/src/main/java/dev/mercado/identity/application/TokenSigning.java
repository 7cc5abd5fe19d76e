package dev.mercado.identity.application;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.mercado.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signing and verifying with {@link SigningKeys}: the authorization server's JWK Set endpoint
 * publishes {@link #jwkSource}; every token (SAS's and dev tokens) is signed by {@link
 * #jwtEncoder}, which only ever sees the active key, so it never has to choose; identity's own API
 * verifies bearer tokens with {@link #jwtDecoder}.
 */
@Configuration(proxyBeanMethods = false)
class TokenSigning {

  /** The published keys (public halves only): what the JWKS serves and verifiers use. */
  @Bean
  JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
    return (selector, context) -> selector.select(keys.publishedKeys());
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    return new NimbusJwtEncoder(
        (selector, context) -> selector.select(new JWKSet(keys.signingKey())));
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
    return decoder;
  }
}
