package dev.mercado.simulators.mail;

import static dev.mercado.simulators.mail.MailServer.PROBLEMS;

import dev.mercado.simulators.kit.Call;
import dev.mercado.simulators.kit.FaultSwitches;
import dev.mercado.simulators.kit.JsonEndpoint;
import dev.mercado.simulators.kit.Reply;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API port: the received messages, the fault switches of the SMTP port and a health check that
 * answers whatever the faults.
 */
final class MailApi extends JsonEndpoint {

  private final Inbox inbox;
  private final SmtpListener smtp;
  private final FaultSwitches<Faults> faults =
      new FaultSwitches<>(MailServer.NAME, PROBLEMS, "SMTP", Faults.NONE);

  MailApi(Inbox inbox, SmtpListener smtp) {
    super(MailServer.NAME, PROBLEMS);
    this.inbox = inbox;
    this.smtp = smtp;
  }

  @Override
  protected Reply respond(Call call) {
    switch (call.path()) {
      case "/health":
        return call.method().equals("GET") ? health() : call.methodNotAllowed("GET");
      case "/messages":
        switch (call.method()) {
          case "GET":
            return messages(call);
          case "DELETE":
            inbox.clear();
            return Reply.noContent();
          default:
            return call.methodNotAllowed("GET, DELETE");
        }
      case "/faults":
        return faults.respond(call, this::switchSmtp);
      default:
        return call.notFound();
    }
  }

  private Reply health() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", "UP");
    json.put("smtp", smtp.isOpen() ? "UP" : "DOWN");
    json.put("stalledConnections", smtp.stalledConnections());
    return Reply.json(200, json);
  }

  private Reply messages(Call call) {
    MessageFilter filter =
        MessageFilter.of(call.queryParameter("to"), call.queryParameter("header"));
    return Reply.json(200, inbox.list(filter).stream().map(ReceivedMessage::toJson).toList());
  }

  private void switchSmtp(Faults next) throws IOException {
    if (next.down()) {
      smtp.close();
    } else if (next.stall()) {
      smtp.stall();
    } else {
      smtp.open();
    }
  }
}
