package dev.mercado.simulators.payment;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The admin port: fault switches, a ledger view no fault touches, and a reset for tests. Changes to
 * the faults are serialized, so that two concurrent {@code PUT /faults} never leave the API port
 * open while the faults say {@code down}.
 */
final class AdminApi extends JsonEndpoint {

  private final AtomicReference<Faults> faults;
  private final Listener api;
  private final Ledger ledger;
  private final IdempotencyRecords idempotency;

  AdminApi(
      AtomicReference<Faults> faults, Listener api, Ledger ledger, IdempotencyRecords idempotency) {
    this.faults = faults;
    this.api = api;
    this.ledger = ledger;
    this.idempotency = idempotency;
  }

  @Override
  Reply respond(Call call) {
    switch (call.path()) {
      case "/health":
        return call.method().equals("GET") ? health() : methodNotAllowed(call, "GET");
      case "/faults":
        switch (call.method()) {
          case "GET":
            return Reply.json(200, faults.get().toJson());
          case "PUT":
            return change(Json.parseObject(call.body()));
          case "DELETE":
            return reset();
          default:
            return methodNotAllowed(call, "GET, PUT, DELETE");
        }
      case "/ledger":
        return call.method().equals("GET")
            ? PaymentApi.statement(ledger, call)
            : methodNotAllowed(call, "GET");
      case "/ledger/reset":
        return call.method().equals("POST") ? resetLedger() : methodNotAllowed(call, "POST");
      default:
        return notFound(call);
    }
  }

  private Reply health() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", "UP");
    json.put("api", api.isOpen() ? "UP" : "DOWN");
    return Reply.json(200, json);
  }

  // read and replace under one lock, so that concurrent changes of different switches all apply
  private synchronized Reply change(JsonNode changes) {
    return apply(faults.get().with(changes));
  }

  private synchronized Reply reset() {
    return apply(Faults.NONE);
  }

  private Reply apply(Faults next) {
    if (next.down()) {
      api.close();
    } else {
      try {
        api.open();
      } catch (IOException e) {
        throw Problem.of(
                503,
                "api-port-unavailable",
                "API port unavailable",
                "the API port cannot listen again, the faults are unchanged: " + e.getMessage())
            .toException();
      }
    }
    Faults previous = faults.getAndSet(next);
    if (!previous.equals(next)) {
      System.out.println("payment provider faults: " + next.toJson());
    }
    return Reply.json(200, next.toJson());
  }

  private Reply resetLedger() {
    // the records go too: a replay must never answer with an authorization the ledger forgot
    idempotency.clear();
    ledger.clear();
    return Reply.noContent();
  }
}
