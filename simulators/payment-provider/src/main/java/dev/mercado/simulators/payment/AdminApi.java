package dev.mercado.simulators.payment;

import dev.mercado.simulators.kit.Call;
import dev.mercado.simulators.kit.FaultSwitches;
import dev.mercado.simulators.kit.HttpListener;
import dev.mercado.simulators.kit.JsonEndpoint;
import dev.mercado.simulators.kit.Reply;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin port: fault switches of the API port, a ledger view no fault touches, and a reset for
 * tests.
 */
final class AdminApi extends JsonEndpoint {

  private final FaultSwitches<Faults> faults;
  private final HttpListener api;
  private final Ledger ledger;
  private final IdempotencyRecords idempotency;

  AdminApi(
      FaultSwitches<Faults> faults,
      HttpListener api,
      Ledger ledger,
      IdempotencyRecords idempotency) {
    super(PaymentProvider.NAME, PaymentProvider.PROBLEMS);
    this.faults = faults;
    this.api = api;
    this.ledger = ledger;
    this.idempotency = idempotency;
  }

  @Override
  protected Reply respond(Call call) {
    switch (call.path()) {
      case "/health":
        return call.method().equals("GET") ? health() : call.methodNotAllowed("GET");
      case "/faults":
        return faults.respond(call, this::switchApi);
      case "/ledger":
        return call.method().equals("GET")
            ? PaymentApi.statement(ledger, call)
            : call.methodNotAllowed("GET");
      case "/ledger/reset":
        return call.method().equals("POST") ? resetLedger() : call.methodNotAllowed("POST");
      default:
        return call.notFound();
    }
  }

  private Reply health() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", "UP");
    json.put("api", api.isOpen() ? "UP" : "DOWN");
    return Reply.json(200, json);
  }

  private void switchApi(Faults next) throws IOException {
    if (next.down()) {
      api.close();
    } else {
      api.open();
    }
  }

  private Reply resetLedger() {
    // the records go too: a replay must never answer with an authorization the ledger forgot
    idempotency.clear();
    ledger.clear();
    return Reply.noContent();
  }
}
