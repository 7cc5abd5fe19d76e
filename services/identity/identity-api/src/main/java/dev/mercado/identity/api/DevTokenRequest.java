package dev.mercado.identity.api;

/**
 * The body of {@code POST} {@link IdentityEndpoints#DEV_TOKENS}: whose customer token to mint. The
 * answer has the token endpoint's shape ({@code access_token}, {@code token_type}, {@code
 * expires_in}, {@code scope}); an unknown or non-demo user is a 400 problem naming {@code
 * username}.
 *
 * @param username a seeded demo customer's sign-in name, e.g. {@link DemoCustomers#ALICE}
 */
public record DevTokenRequest(String username) {}
