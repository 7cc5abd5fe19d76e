package dev.mercado.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./mercado chaos}: switches the fault proxy's faults on a running system (R6, F8). Every
 * fault is bounded in time ({@code for SECONDS}, default 60, at most 600) and loopback only.
 *
 * <pre>
 * ./mercado chaos status
 * ./mercado chaos reset
 * ./mercado chaos ROUTE latency MS [jitter MS] [for SECONDS]
 * ./mercado chaos ROUTE bandwidth KBPS [for SECONDS]
 * ./mercado chaos ROUTE reset|blackhole [for SECONDS]
 * ./mercado chaos ROUTE clear
 * </pre>
 */
final class ChaosCommand {

  static final String USAGE =
      """
      Usage: ./mercado chaos status
             ./mercado chaos reset                       clear every fault
             ./mercado chaos ROUTE latency MS [jitter MS] [for SECONDS]
             ./mercado chaos ROUTE bandwidth KBPS [for SECONDS]
             ./mercado chaos ROUTE reset|blackhole [for SECONDS]
             ./mercado chaos ROUTE clear
      ROUTE is payment-provider (payments -> provider) or mail (notifications -> SMTP); a fault
      ends by itself after SECONDS (default 60, at most 600).""";

  /** One call of the fault proxy's admin API. */
  record Call(String method, String path, String json) {}

  private ChaosCommand() {}

  /**
   * The admin call the arguments ask for.
   *
   * @throws IllegalArgumentException with what is wrong, for the usage message
   */
  static Call parse(List<String> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("chaos needs a route or status/reset");
    }
    if (args.size() == 1 && args.get(0).equals("status")) {
      return new Call("GET", "/routes", null);
    }
    if (args.size() == 1 && args.get(0).equals("reset")) {
      return new Call("DELETE", "/faults", null);
    }
    if (args.size() < 2) {
      throw new IllegalArgumentException("chaos " + args.get(0) + " needs a fault");
    }
    String route = args.get(0);
    String fault = args.get(1);
    if (fault.equals("clear") && args.size() == 2) {
      return new Call("DELETE", "/routes/" + route + "/faults", null);
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
    return new Call("PUT", "/routes/" + route + "/faults", json(faults));
  }

  /** Runs the command against the run's fault proxy; prints its answer. */
  static int run(RunState state, List<String> args, Console console) throws Exception {
    Call call;
    try {
      call = parse(args);
    } catch (IllegalArgumentException e) {
      console.line(e.getMessage());
      console.line(USAGE);
      return 2;
    }
    Optional<RunState.Entry> proxy =
        state.entries().stream().filter(entry -> entry.name().equals("chaos-proxy")).findFirst();
    if (proxy.isEmpty()) {
      console.line("this run has no chaos proxy (see ./mercado status)");
      return 2;
    }
    String admin = proxy.get().url().replaceFirst("/routes$", "");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(admin + call.path())).timeout(Duration.ofSeconds(10));
    request.method(
        call.method(),
        call.json() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.json()));
    if (call.json() != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    console.line(response.body().isBlank() ? "ok" : response.body().strip());
    return response.statusCode() / 100 == 2 ? 0 : 1;
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
