package dev.mercado.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code ./mercado chaos}: switches faults on a running system (R6, F8), on the wire through the
 * fault proxy (ROUTE) or inside a service through its Chaos Monkey for Spring Boot (SERVICE, every
 * instance of it). Every fault is bounded in time ({@code for SECONDS}, default 60, at most 600)
 * and loopback only.
 *
 * <p>Who ends a fault when its time is up: the fault proxy for a route, the service itself for an
 * assault (platform-chaos's {@code AssaultDeadline}, told the duration through {@code POST
 * /actuator/chaosdeadline}). The command exits at once, and an assault switched on some other way
 * still ends after the service's default 60 s. A service has one assault at a time: an exception
 * assault switches its latency assault off and the other way round.
 *
 * <pre>
 * ./mercado chaos status
 * ./mercado chaos reset
 * ./mercado chaos ROUTE latency MS [jitter MS] [for SECONDS]
 * ./mercado chaos ROUTE bandwidth KBPS [for SECONDS]
 * ./mercado chaos ROUTE reset|blackhole [for SECONDS]
 * ./mercado chaos ROUTE clear
 * ./mercado chaos SERVICE exception [rate P] [for SECONDS]
 * ./mercado chaos SERVICE latency MS [to MS] [rate P] [for SECONDS]
 * ./mercado chaos SERVICE clear
 * </pre>
 */
final class ChaosCommand {

  static final String USAGE =
      """
      Usage: ./mercado chaos status
             ./mercado chaos reset                       clear every fault and every assault
             ./mercado chaos ROUTE latency MS [jitter MS] [for SECONDS]
             ./mercado chaos ROUTE bandwidth KBPS [for SECONDS]
             ./mercado chaos ROUTE reset|blackhole [for SECONDS]
             ./mercado chaos ROUTE clear
             ./mercado chaos SERVICE exception [rate P] [for SECONDS]
             ./mercado chaos SERVICE latency MS [to MS] [rate P] [for SECONDS]
             ./mercado chaos SERVICE clear
      ROUTE is payment-provider (payments -> provider) or mail (notifications -> SMTP).
      SERVICE is catalog, orders, payments or notifications (every instance): Chaos Monkey fails
      or slows its use cases (@Service beans), a share P of the calls (0 < P <= 1, default 1,
      rounded to one call in N). A fault ends by itself after SECONDS (default 60, at most 600).""";

  /** Where a call goes: the fault proxy's admin API. */
  static final String PROXY = "chaos-proxy";

  /** Where a call goes: every instance of every service with Chaos Monkey. */
  static final String EVERY_SERVICE = "*";

  static final long DEFAULT_SECONDS = 60;
  static final long MAX_SECONDS = 600;

  static final String ASSAULTS = "/actuator/chaosmonkey/assaults";
  static final String DEADLINE = "/actuator/chaosdeadline";
  static final String NO_ASSAULT = "{\"exceptionsActive\":false,\"latencyActive\":false}";

  /**
   * One HTTP call of the command.
   *
   * @param target {@link #PROXY}, {@link #EVERY_SERVICE} or a service's name (all its instances)
   */
  record Call(String target, String method, String path, String json) {}

  private ChaosCommand() {}

  /**
   * The calls the arguments ask for, in order.
   *
   * @throws IllegalArgumentException with what is wrong, for the usage message
   */
  static List<Call> parse(List<String> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("chaos needs a route, a service or status/reset");
    }
    if (args.size() == 1 && args.get(0).equals("status")) {
      return List.of(
          new Call(PROXY, "GET", "/routes", null), new Call(EVERY_SERVICE, "GET", DEADLINE, null));
    }
    if (args.size() == 1 && args.get(0).equals("reset")) {
      return List.of(
          new Call(PROXY, "DELETE", "/faults", null),
          new Call(EVERY_SERVICE, "POST", ASSAULTS, NO_ASSAULT));
    }
    if (args.size() < 2) {
      throw new IllegalArgumentException("chaos " + args.get(0) + " needs a fault");
    }
    return Topology.CHAOS_SERVICES.contains(args.get(0)) ? assault(args) : List.of(proxy(args));
  }

  /** A fault of the fault proxy on one route. */
  private static Call proxy(List<String> args) {
    String route = args.get(0);
    String fault = args.get(1);
    if (fault.equals("clear") && args.size() == 2) {
      return new Call(PROXY, "DELETE", "/routes/" + route + "/faults", null);
    }
    Map<String, Object> faults = new LinkedHashMap<>();
    int next = 2;
    switch (fault) {
      case "latency" -> {
        faults.put("latencyMs", number(args, next++, "latency"));
        if (next < args.size() && args.get(next).equals("jitter")) {
          faults.put("jitterMs", number(args, next + 1, "jitter"));
          next += 2;
        }
      }
      case "bandwidth" -> faults.put("bandwidthKbps", number(args, next++, "bandwidth"));
      case "reset" -> faults.put("reset", true);
      case "blackhole" -> faults.put("blackhole", true);
      default -> throw new IllegalArgumentException("unknown fault " + fault);
    }
    if (next < args.size() && args.get(next).equals("for")) {
      faults.put("durationSeconds", number(args, next + 1, "for"));
      next += 2;
    }
    if (next != args.size()) {
      throw new IllegalArgumentException("unexpected " + args.get(next));
    }
    return new Call(PROXY, "PUT", "/routes/" + route + "/faults", json(faults));
  }

  /**
   * A Chaos Monkey assault on every instance of one service: the assault through Chaos Monkey's own
   * endpoint, then its end through platform-chaos's deadline endpoint.
   */
  private static List<Call> assault(List<String> args) {
    String service = args.get(0);
    String fault = args.get(1);
    if (fault.equals("clear") && args.size() == 2) {
      return List.of(new Call(service, "POST", ASSAULTS, NO_ASSAULT));
    }
    Map<String, Object> assault = new LinkedHashMap<>();
    int next = 2;
    switch (fault) {
      case "exception" -> {
        assault.put("exceptionsActive", true);
        assault.put("latencyActive", false);
      }
      case "latency" -> {
        long from = number(args, next++, "latency");
        long to = from;
        if (next < args.size() && args.get(next).equals("to")) {
          to = number(args, next + 1, "to");
          next += 2;
        }
        if (from < 1 || to < from) {
          throw new IllegalArgumentException(
              "latency needs 1 <= MS, and MS <= the MS after 'to', not " + from + " to " + to);
        }
        assault.put("latencyActive", true);
        assault.put("exceptionsActive", false);
        assault.put("latencyRangeStart", from);
        assault.put("latencyRangeEnd", to);
      }
      default -> throw new IllegalArgumentException("unknown assault " + fault);
    }
    int level = 1;
    if (next < args.size() && args.get(next).equals("rate")) {
      level = level(args, next + 1);
      next += 2;
    }
    assault.put("level", level);
    assault.put("deterministic", false);
    long seconds = DEFAULT_SECONDS;
    if (next < args.size() && args.get(next).equals("for")) {
      seconds = number(args, next + 1, "for");
      next += 2;
    }
    if (seconds < 1 || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "for needs 1 to " + MAX_SECONDS + " seconds, not " + seconds);
    }
    if (next != args.size()) {
      throw new IllegalArgumentException("unexpected " + args.get(next));
    }
    return List.of(
        new Call(service, "POST", ASSAULTS, json(assault)),
        // a JSON string: Actuator reads a write operation's body as Map<String, String>, and the
        // services' JSON reading refuses a number for a string (platform-errors' strict numbers)
        new Call(service, "POST", DEADLINE, "{\"seconds\":\"" + seconds + "\"}"));
  }

  /** Runs the command against the run's fault proxy and services; prints every answer. */
  static int run(RunState state, List<String> args, Console console) throws Exception {
    List<Call> calls;
    try {
      calls = parse(args);
    } catch (IllegalArgumentException e) {
      console.line(e.getMessage());
      console.line(USAGE);
      return 2;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int result = 0;
    List<String> failed = new ArrayList<>();
    for (Call call : calls) {
      List<Target> targets = targets(state, call.target());
      if (targets.isEmpty() && !call.target().equals(EVERY_SERVICE)) {
        console.line(
            call.target().equals(PROXY)
                ? "this run has no chaos proxy (see ./mercado status)"
                : "this run has no instance of " + call.target() + " (see ./mercado status)");
        return 2;
      }
      for (Target target : targets) {
        if (failed.contains(target.name())) {
          // its assault did not take: no deadline for it
          continue;
        }
        String answer;
        boolean ok;
        try {
          HttpResponse<String> response = send(http, target.base(), call);
          ok = response.statusCode() / 100 == 2;
          answer = response.body().isBlank() ? "ok" : response.body().strip();
          if (!ok) {
            answer = response.statusCode() + " " + answer;
          }
        } catch (IOException e) {
          ok = false;
          answer = "unreachable (" + e.getMessage() + ")";
        }
        console.line(target.name() + ": " + answer);
        if (!ok) {
          failed.add(target.name());
          result = 1;
        }
      }
    }
    return result;
  }

  /** One process a call goes to: its name in the run state and its base URL. */
  record Target(String name, String base) {}

  /** The processes a call's target names in this run, in the run state's order. */
  static List<Target> targets(RunState state, String target) {
    List<Target> targets = new ArrayList<>();
    for (RunState.Entry entry : state.entries()) {
      if (target.equals(PROXY) && entry.name().equals(PROXY)) {
        targets.add(new Target(entry.name(), entry.url().replaceFirst("/routes$", "")));
      } else if (!target.equals(PROXY) && entry.kind().equals("service")) {
        Optional<String> service = serviceOf(entry.name());
        if (service.isPresent() && (target.equals(EVERY_SERVICE) || service.get().equals(target))) {
          targets.add(new Target(entry.name(), entry.url()));
        }
      }
    }
    return targets;
  }

  /**
   * The service with Chaos Monkey a process is an instance of: {@code catalog}, {@code catalog-2}.
   */
  private static Optional<String> serviceOf(String process) {
    return Topology.CHAOS_SERVICES.stream()
        .filter(
            service ->
                process.equals(service) || process.matches(Pattern.quote(service) + "-[0-9]+"))
        .findFirst();
  }

  private static HttpResponse<String> send(HttpClient http, String base, Call call)
      throws IOException, InterruptedException {
    URI uri = URI.create(base + call.path());
    if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
      throw new IOException("refusing " + uri.getHost() + ": chaos talks to loopback only");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    request.method(
        call.method(),
        call.json() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.json()));
    if (call.json() != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Chaos Monkey's level for a rate: it attacks about one call in {@code level}. */
  private static int level(List<String> args, int index) {
    if (index >= args.size()) {
      throw new IllegalArgumentException("rate needs a share of calls, 0 < P <= 1");
    }
    double rate;
    try {
      rate = Double.parseDouble(args.get(index));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rate needs a share of calls, not " + args.get(index));
    }
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate needs 0 < P <= 1, not " + args.get(index));
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.round(1 / rate));
  }

  private static long number(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a number");
    }
    try {
      return Long.parseLong(args.get(index));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, not " + args.get(index));
    }
  }

  private static String json(Map<String, Object> values) {
    StringBuilder json = new StringBuilder("{");
    values.forEach(
        (name, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append('"').append(name).append("\":").append(value);
        });
    return json.append('}').toString();
  }
}
