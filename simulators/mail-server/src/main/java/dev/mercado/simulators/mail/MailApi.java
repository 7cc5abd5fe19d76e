package dev.mercado.simulators.mail;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The API port: the received messages, the fault switches of the SMTP port and a health check that
 * answers whatever the faults. Changes to the faults are serialized, so that two concurrent {@code
 * PUT /faults} never leave the SMTP port open while the faults say {@code down}.
 */
final class MailApi extends JsonEndpoint {

  private final Inbox inbox;
  private final SmtpListener smtp;
  private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.NONE);

  MailApi(Inbox inbox, SmtpListener smtp) {
    this.inbox = inbox;
    this.smtp = smtp;
  }

  @Override
  Reply respond(Call call) {
    switch (call.path()) {
      case "/health":
        return call.method().equals("GET") ? health() : methodNotAllowed(call, "GET");
      case "/messages":
        switch (call.method()) {
          case "GET":
            return messages(call);
          case "DELETE":
            inbox.clear();
            return Reply.noContent();
          default:
            return methodNotAllowed(call, "GET, DELETE");
        }
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
      default:
        return notFound(call);
    }
  }

  private Reply health() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", "UP");
    json.put("smtp", smtp.isOpen() ? "UP" : "DOWN");
    return Reply.json(200, json);
  }

  private Reply messages(Call call) {
    MessageFilter filter =
        MessageFilter.of(call.queryParameter("to"), call.queryParameter("header"));
    return Reply.json(200, inbox.list(filter).stream().map(ReceivedMessage::toJson).toList());
  }

  // read and replace under one lock, so that concurrent changes all apply in order
  private synchronized Reply change(JsonNode changes) {
    return apply(faults.get().with(changes));
  }

  private synchronized Reply reset() {
    return apply(Faults.NONE);
  }

  private Reply apply(Faults next) {
    if (next.down()) {
      smtp.close();
    } else {
      try {
        if (next.stall()) {
          smtp.stall();
        } else {
          smtp.open();
        }
      } catch (IOException e) {
        throw Problem.of(
                503,
                "smtp-port-unavailable",
                "SMTP port unavailable",
                "the SMTP port cannot listen again, the faults are unchanged: " + e.getMessage())
            .toException();
      }
    }
    Faults previous = faults.getAndSet(next);
    if (!previous.equals(next)) {
      System.out.println("mail server faults: " + next.toJson());
    }
    return Reply.json(200, next.toJson());
  }
}
