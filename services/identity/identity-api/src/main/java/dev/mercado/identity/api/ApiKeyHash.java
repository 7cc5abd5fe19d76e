package dev.mercado.identity.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How API keys are identified without being stored: the lower-case hex SHA-256 of the key's UTF-8
 * bytes. Identity stores only this hash; the gateway hashes the key a partner sends and asks {@link
 * IdentityEndpoints#API_KEYS} who owns it. Stateless and thread-safe.
 */
public final class ApiKeyHash {

  private ApiKeyHash() {}

  /**
   * The hash of {@code apiKey}: 64 lower-case hex digits.
   *
   * @throws NullPointerException if {@code apiKey} is null
   */
  public static String of(String apiKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Whether {@code value} has the form of a hash: exactly 64 lower-case hex digits. */
  public static boolean isWellFormed(String value) {
    return value != null && value.matches("[0-9a-f]{64}");
  }
}
