package dev.mercado.platform.ratelimit.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;

/**
 * This machine's Redis (127.0.0.1:6379, no password), used when {@code mercado.infra=local} ({@code
 * -Plocal-infra}). Tests own the keys under their prefix and delete them afterwards; they never
 * flush.
 */
final class LocalRedis {

  static final String URI = "redis://127.0.0.1:6379";

  private LocalRedis() {}

  static boolean local() {
    String mode = System.getProperty("mercado.infra", System.getenv("MERCADO_INFRA"));
    return mode != null && mode.toLowerCase(Locale.ROOT).equals("local");
  }

  static void assumeLocal() {
    assumeTrue(
        local(),
        "needs this machine's Redis at 127.0.0.1:6379: runs with -Plocal-infra"
            + " (mercado.infra=local); no embedded Redis comes from Maven artifacts we accept");
  }

  /** Deletes every key under {@code prefix}. */
  static void deleteKeys(RedisCommands<String, String> redis, String prefix) {
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page =
          redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
      List<String> keys = page.getKeys();
      if (!keys.isEmpty()) {
        redis.del(keys.toArray(String[]::new));
      }
      cursor = page;
    } while (!cursor.isFinished());
  }

  static List<String> keys(RedisCommands<String, String> redis, String prefix) {
    return redis.keys(prefix + "*");
  }

  /** A port on 127.0.0.1 where nothing listens (taken and released). */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
