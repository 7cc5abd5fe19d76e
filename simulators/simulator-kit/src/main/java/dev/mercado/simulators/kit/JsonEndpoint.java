package dev.mercado.simulators.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;

/**
 * Handles every request of one HTTP port: reads the request completely, lets the subclass compute a
 * {@link Reply} and sends it. Thread-safe if the subclass is; requests are handled concurrently.
 *
 * <p>Failure behaviour: a body over {@link #MAX_BODY_BYTES} is answered 413 {@code
 * payload-too-large} and a body that cannot be read 400 {@code invalid-request}, without calling
 * the subclass. A {@link ProblemException} becomes its problem detail; any other exception becomes
 * a generic 500 {@code internal-error} problem, and its stack trace goes to stderr, never to the
 * client. A client that goes away gets no answer, and nothing is logged.
 */
public abstract class JsonEndpoint implements HttpHandler {

  /** The largest request body read, in bytes: 64 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private final String simulator;
  private final ProblemTypes problems;

  /**
   * @param simulator the simulator's name in words, such as {@code mail server}, for the stderr
   *     line and the detail of a 500
   * @param problems the types of the problems this endpoint and its {@link Call}s answer
   */
  protected JsonEndpoint(String simulator, ProblemTypes problems) {
    this.simulator = simulator;
    this.problems = problems;
  }

  @Override
  public final void handle(HttpExchange exchange) {
    try {
      replyTo(exchange).send(exchange);
    } catch (IOException e) {
      // the client went away or the listener was closed under the request: nobody to answer
    } finally {
      exchange.close();
    }
  }

  /**
   * The reply to a request; may block, for example to simulate latency.
   *
   * @throws ProblemException to answer with its problem detail
   */
  protected abstract Reply respond(Call call);

  private Reply replyTo(HttpExchange exchange) {
    try {
      Call call =
          new Call(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              readBody(exchange),
              problems);
      return respond(call);
    } catch (ProblemException e) {
      return Reply.problem(e.problem());
    } catch (IOException e) {
      return Reply.problem(
          problems.of(400, "invalid-request", "Invalid request", "the body could not be read"));
    } catch (RuntimeException e) {
      System.err.println(simulator + ": unexpected error, answering 500");
      e.printStackTrace();
      return Reply.problem(
          problems.of(
              500,
              "internal-error",
              "Internal error",
              "the " + simulator + " could not handle the request"));
    }
  }

  private byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw problems
            .of(
                413,
                "payload-too-large",
                "Payload too large",
                "the body must be at most " + MAX_BODY_BYTES + " bytes")
            .toException();
      }
      return body;
    }
  }
}
