package dev.mercado.simulators.kit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The command line of a simulator: a set of named ports, each required once, all different, such as
 * {@code --port 8090 --admin-port 8091} in any order. Immutable and thread-safe.
 */
public final class PortOptions {

  private final List<String> names;

  private PortOptions(List<String> names) {
    this.names = names;
  }

  /**
   * @param names the options, such as {@code --port}, in the order {@link #parse} returns their
   *     values
   * @throws IllegalArgumentException if there is none, one does not start with {@code --}, or two
   *     are the same
   */
  public static PortOptions of(String... names) {
    List<String> list = List.of(names);
    if (list.isEmpty()
        || list.stream().anyMatch(name -> !name.startsWith("--") || name.length() < 3)
        || new HashSet<>(list).size() != list.size()) {
      throw new IllegalArgumentException("port options must be distinct --names, not " + list);
    }
    return new PortOptions(list);
  }

  /**
   * The ports, in the order of the names; an option given twice counts the last time.
   *
   * @throws IllegalArgumentException with a one-line reason for a user: an unknown argument, an
   *     option without a value, a value that is not a number within 1-65535, a missing option, or
   *     two options with the same port
   */
  public int[] parse(String[] args) {
    Integer[] ports = new Integer[names.size()];
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      int index = names.indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException("unknown argument '" + name + "'");
      }
      if (i + 1 >= args.length || args[i + 1].isBlank()) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      ports[index] = port(name, args[++i]);
    }
    for (int i = 0; i < ports.length; i++) {
      if (ports[i] == null) {
        throw new IllegalArgumentException(names.get(i) + " is required");
      }
    }
    for (int i = 0; i < ports.length; i++) {
      for (int j = i + 1; j < ports.length; j++) {
        if (ports[i].equals(ports[j])) {
          throw new IllegalArgumentException(
              names.get(i) + " and " + names.get(j) + " must differ");
        }
      }
    }
    int[] values = new int[ports.length];
    for (int i = 0; i < ports.length; i++) {
      values[i] = ports[i];
    }
    return values;
  }

  /** The options for a usage line: {@code --port <1-65535> --admin-port <1-65535>}. */
  public String usage() {
    List<String> usage = new ArrayList<>();
    for (String name : names) {
      usage.add(name + " <1-65535>");
    }
    return String.join(" ", usage);
  }

  private static int port(String name, String value) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " must be within 1-65535, not " + port);
    }
    return port;
  }
}
