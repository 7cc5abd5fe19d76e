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

  /** A module's jar and its copied dependencies ({@code target/lib}), as a class path. */
  static String classpath(Path repository, String target, String jar) {
    Path module = repository.resolve(target);
    return module.resolve(jar) + ":" + module.resolve("lib") + "/*";
  }

  static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
