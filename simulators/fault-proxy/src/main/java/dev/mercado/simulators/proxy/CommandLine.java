package dev.mercado.simulators.proxy;

import dev.mercado.simulators.kit.PortOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of the fault proxy: {@code --admin-port <port>} once and {@code --route <name>=
 * <listen-port>:<target-host>:<target-port>} at least once, in any order. Immutable.
 *
 * @param adminPort the port of the admin API
 * @param routes the routes in the order given
 */
record CommandLine(int adminPort, List<RouteSpec> routes) {

  static final String ROUTE = "--route";

  /** The one port option, as the kit parses it. */
  static final PortOptions ADMIN_PORT = PortOptions.of("--admin-port");

  /** The route options for a usage line, after the kit's {@code --admin-port <1-65535>}. */
  static final String ROUTES_USAGE = ROUTE + " " + RouteSpec.FORM + " [" + ROUTE + " ...]";

  CommandLine {
    routes = List.copyOf(routes);
  }

  /**
   * @throws IllegalArgumentException with a one-line reason for a user: a bad {@code --admin-port}
   *     or {@code --route} (see {@link RouteSpec#parse}), an unknown argument, no route, two routes
   *     with the same name, two ports the same, or a target that is one of the proxy's own ports
   */
  static CommandLine parse(String[] args) {
    List<String> others = new ArrayList<>();
    List<RouteSpec> routes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].equals(ROUTE)) {
        others.add(args[i]);
      } else if (i + 1 >= args.length || args[i + 1].isBlank()) {
        throw new IllegalArgumentException(ROUTE + " needs a value, " + RouteSpec.FORM);
      } else {
        routes.add(RouteSpec.parse(args[++i]));
      }
    }
    int adminPort = ADMIN_PORT.parse(others.toArray(String[]::new))[0];
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("at least one " + ROUTE + " is required");
    }
    Map<Integer, String> listening = new HashMap<>();
    listening.put(adminPort, "--admin-port");
    for (RouteSpec route : routes) {
      String owner = ROUTE + " " + route.name();
      if (routes.stream().filter(r -> r.name().equals(route.name())).count() > 1) {
        throw new IllegalArgumentException("two routes are named " + route.name());
      }
      String clash = listening.putIfAbsent(route.listenPort(), owner);
      if (clash != null) {
        throw new IllegalArgumentException(
            owner + " listens on port " + route.listenPort() + ", as " + clash + " does");
      }
    }
    for (RouteSpec route : routes) {
      String owner = listening.get(route.target().getPort());
      if (owner != null) {
        throw new IllegalArgumentException(
            ROUTE
                + " "
                + route.name()
                + ": target port "
                + route.target().getPort()
                + " is the proxy's own ("
                + owner
                + "); it would forward to itself");
      }
    }
    return new CommandLine(adminPort, routes);
  }
}
