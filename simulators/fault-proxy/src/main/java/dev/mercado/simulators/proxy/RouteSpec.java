package dev.mercado.simulators.proxy;

import dev.mercado.simulators.kit.Simulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --route NAME=LISTEN_PORT:TARGET_HOST:TARGET_PORT} of the command line: listen on
 * {@code 127.0.0.1:LISTEN_PORT} and forward to the target, which is on this machine. Immutable.
 *
 * @param name how the admin API and the launcher call the route: lower-case letters, digits and
 *     hyphens
 * @param listenPort the port on {@link Simulator#BIND_ADDRESS}; 0 picks a free one
 * @param target a loopback address and a port, resolved once, at start
 */
record RouteSpec(String name, int listenPort, InetSocketAddress target) {

  /** The form of a {@code --route} value, for messages. */
  static final String FORM = "<name>=<listen-port>:<target-host>:<target-port>";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  /**
   * @throws IllegalArgumentException if the target is not a loopback address
   */
  RouteSpec {
    if (!target.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "route " + name + ": target " + target + " is not a loopback address");
    }
  }

  /**
   * Parses a {@code --route} value. The target host is an IPv4 or IPv6 literal ({@code [::1]}) or
   * {@code localhost}, never looked up in DNS.
   *
   * @throws IllegalArgumentException with a one-line reason for a user: not of the form {@link
   *     #FORM}, a name that is not lower-case kebab, a port not within 1-65535, a host name other
   *     than {@code localhost}, or an address that is not loopback
   */
  static RouteSpec parse(String value) {
    int equals = value.indexOf('=');
    int first = value.indexOf(':', equals + 1);
    int last = value.lastIndexOf(':');
    if (equals < 0 || first < 0 || first == last) {
      throw new IllegalArgumentException("--route must be " + FORM + ", not '" + value + "'");
    }
    String name = value.substring(0, equals);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "--route name '"
              + name
              + "' must be 1-63 lower-case letters, digits and hyphens, not starting with a hyphen");
    }
    int listenPort = port(name, "listen port", value.substring(equals + 1, first));
    String host = value.substring(first + 1, last);
    int targetPort = port(name, "target port", value.substring(last + 1));
    return new RouteSpec(name, listenPort, new InetSocketAddress(loopback(name, host), targetPort));
  }

  /** The target as {@code 127.0.0.1:8090} or {@code [::1]:8090}. */
  String targetText() {
    String address = target.getAddress().getHostAddress();
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + target.getPort();
  }

  private static int port(String route, String what, String value) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--route " + route + ": " + what + " must be a number, not '" + value + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "--route " + route + ": " + what + " must be within 1-65535, not " + port);
    }
    return port;
  }

  // only literals and localhost: a name that DNS resolves today could point elsewhere tomorrow
  private static InetAddress loopback(String route, String host) {
    InetAddress address;
    if (host.equalsIgnoreCase("localhost")) {
      address = InetAddress.getLoopbackAddress();
    } else if (IPV4.matcher(host).matches()) {
      address = ipv4(route, host);
    } else if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
      address = ipv6(route, host);
    } else {
      throw notLoopback(route, host);
    }
    if (!address.isLoopbackAddress()) {
      throw notLoopback(route, host);
    }
    return address;
  }

  private static InetAddress ipv4(String route, String host) {
    Matcher octets = IPV4.matcher(host);
    octets.matches();
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = Integer.parseInt(octets.group(i + 1));
      if (octet > 255) {
        throw new IllegalArgumentException(
            "--route " + route + ": target host '" + host + "' is not an IPv4 address");
      }
      bytes[i] = (byte) octet;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an IPv4 address", e);
    }
  }

  private static InetAddress ipv6(String route, String host) {
    try {
      // with its brackets, the JDK reads it as a literal and never asks a name service
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "--route " + route + ": target host '" + host + "' is not an IPv6 address");
    }
  }

  private static IllegalArgumentException notLoopback(String route, String host) {
    return new IllegalArgumentException(
        "--route "
            + route
            + ": target host '"
            + host
            + "' is not a loopback address; the fault proxy only forwards on this machine, to"
            + " 127.x.x.x, [::1] or localhost");
  }
}
