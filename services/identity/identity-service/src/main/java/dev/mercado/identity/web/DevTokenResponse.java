package dev.mercado.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A dev token, in the shape of the token endpoint's answer (RFC 6749 section 5.1). */
record DevTokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    String scope) {}
