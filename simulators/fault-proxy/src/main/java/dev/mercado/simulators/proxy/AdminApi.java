package dev.mercado.simulators.proxy;

import static dev.mercado.simulators.proxy.FaultProxy.PROBLEMS;

import dev.mercado.simulators.kit.Call;
import dev.mercado.simulators.kit.JsonEndpoint;
import dev.mercado.simulators.kit.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin port: the routes with their counters, and the faults of each route to read, change and
 * clear. The proxied ports never see it, so it answers whatever the faults.
 */
final class AdminApi extends JsonEndpoint {

  private static final String ROUTES = "/routes";

  private final Map<String, Route> routes = new LinkedHashMap<>();

  /**
   * @param routes in the order {@code GET /routes} lists them
   */
  AdminApi(List<Route> routes) {
    super(FaultProxy.NAME, PROBLEMS);
    for (Route route : routes) {
      this.routes.put(route.name(), route);
    }
  }

  @Override
  protected Reply respond(Call call) {
    switch (call.path()) {
      case "/health":
        return call.method().equals("GET")
            ? Reply.json(200, Map.of("status", "UP"))
            : call.methodNotAllowed("GET");
      case ROUTES:
        return call.method().equals("GET")
            ? Reply.json(200, routes())
            : call.methodNotAllowed("GET");
      case "/faults":
        return call.method().equals("DELETE") ? clearAll() : call.methodNotAllowed("DELETE");
      default:
        return call.path().startsWith(ROUTES + "/") ? route(call) : call.notFound();
    }
  }

  private Reply route(Call call) {
    String[] parts = call.path().substring(ROUTES.length() + 1).split("/", -1);
    if (parts.length == 1) {
      return call.method().equals("GET")
          ? Reply.json(200, named(parts[0]).toJson())
          : call.methodNotAllowed("GET");
    }
    if (parts.length != 2 || !parts[1].equals("faults")) {
      return call.notFound();
    }
    Route route = named(parts[0]);
    switch (call.method()) {
      case "GET":
        return Reply.json(200, route.faults().toJson());
      case "PUT":
        return Reply.json(200, route.change(call.jsonObject()).toJson());
      case "DELETE":
        return Reply.json(200, route.clearFaults().toJson());
      default:
        return call.methodNotAllowed("GET, PUT, DELETE");
    }
  }

  private Route named(String name) {
    Route route = routes.get(name);
    if (route == null) {
      throw PROBLEMS
          .of(
              404,
              "unknown-route",
              "Unknown route",
              "there is no route '" + name + "'; routes: " + String.join(", ", routes.keySet()))
          .with("route", name)
          .toException();
    }
    return route;
  }

  private Reply clearAll() {
    for (Route route : routes.values()) {
      route.clearFaults();
    }
    return Reply.json(200, routes());
  }

  private Map<String, Object> routes() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Route route : routes.values()) {
      list.add(route.toJson());
    }
    return Map.of("routes", list);
  }
}
