package dev.mercado.platform.ratelimit.internal;

/**
 * Path patterns for policies, without a web framework: segments separated by {@code /}; {@code **}
 * matches any number of segments (also none), {@code *} any characters within one segment, {@code
 * ?} one character, and {@code {name}} a whole segment. Case-sensitive; a trailing slash counts.
 */
public final class PathPatterns {

  private PathPatterns() {}

  public static boolean matches(String pattern, String path) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    return segments(pattern.split("/", -1), 0, bare.split("/", -1), 0);
  }

  private static boolean segments(String[] pattern, int p, String[] path, int s) {
    if (p == pattern.length) {
      return s == path.length;
    }
    if (pattern[p].equals("**")) {
      for (int skip = s; skip <= path.length; skip++) {
        if (segments(pattern, p + 1, path, skip)) {
          return true;
        }
      }
      return false;
    }
    return s < path.length && segment(pattern[p], path[s]) && segments(pattern, p + 1, path, s + 1);
  }

  private static boolean segment(String pattern, String text) {
    if (pattern.startsWith("{") && pattern.endsWith("}")) {
      return !text.isEmpty();
    }
    return glob(pattern, 0, text, 0);
  }

  private static boolean glob(String pattern, int p, String text, int t) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '*') {
        for (int rest = t; rest <= text.length(); rest++) {
          if (glob(pattern, p + 1, text, rest)) {
            return true;
          }
        }
        return false;
      }
      if (t == text.length() || (c != '?' && c != text.charAt(t))) {
        return false;
      }
      p++;
      t++;
    }
    return t == text.length();
  }
}
