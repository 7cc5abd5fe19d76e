package dev.mercado.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The java executable every child JVM runs with: the one running the launcher. */
final class Java {

  private Java() {}

  static String executable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
