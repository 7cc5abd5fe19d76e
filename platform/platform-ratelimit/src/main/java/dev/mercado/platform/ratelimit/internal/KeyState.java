package dev.mercado.platform.ratelimit.internal;

/**
 * One key's state under one policy, guarded by its own monitor. Once {@code dead} (swept), it is
 * out of the map and a decision that still holds it retries with a fresh one.
 */
final class KeyState {

  final long[] words;
  final long[][] logs;
  long idleAt = Long.MAX_VALUE;
  boolean dead;

  KeyState(long[] words, long[][] logs) {
    this.words = words;
    this.logs = logs;
  }
}
