package dev.mercado.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who sends a request, as far as rate limiting cares: the identities a policy may count by and the
 * requester's tier. Any of them may be {@code null} (unknown). The gateway fills it from the token,
 * the API key and the connection; a service from its security context.
 *
 * @param user the authenticated user (token subject)
 * @param ip the client's address
 * @param apiKey the partner's API key, as sent
 * @param client the calling application
 * @param tier the requester's tier, e.g. {@code free} or {@code premium}; {@code null}: the default
 */
public record Requester(String user, String ip, String apiKey, String client, String tier) {

  /** An anonymous requester known by its address only, in the default tier. */
  public static Requester anonymous(String ip) {
    return new Requester(null, ip, null, null, null);
  }

  /**
   * The key a policy counting by {@code source} uses for this requester, prefixed by what it is
   * ({@code user:alice}, {@code ip:10.0.0.7}, {@code api-key:<sha-256 prefix>}, {@code
   * client:shop-web}). A requester without that identity is counted by IP ({@code ip:...}, or
   * {@code ip:unknown}), so a missing identity never escapes limiting.
   */
  public String key(KeySource source) {
    switch (source) {
      case USER:
        if (user != null && !user.isBlank()) {
          return "user:" + user;
        }
        break;
      case API_KEY:
        if (apiKey != null && !apiKey.isBlank()) {
          return "api-key:" + fingerprint(apiKey);
        }
        break;
      case CLIENT:
        if (client != null && !client.isBlank()) {
          return "client:" + client;
        }
        break;
      default:
        break;
    }
    return "ip:" + (ip == null || ip.isBlank() ? "unknown" : ip);
  }

  /** The first 16 bytes of the key's SHA-256, in hex: stable, and the key never leaves memory. */
  private static String fingerprint(String apiKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
