package dev.mercado.simulators.kit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.Headers;

final class Fixtures {

  static final ProblemTypes TYPES = new ProblemTypes("urn:mercado:test:problem:");

  private Fixtures() {}

  static Call aCall(String method, String pathAndQuery, String body) {
    int question = pathAndQuery.indexOf('?');
    return new Call(
        method,
        question < 0 ? pathAndQuery : pathAndQuery.substring(0, question),
        question < 0 ? null : pathAndQuery.substring(question + 1),
        new Headers(),
        body == null ? new byte[0] : body.getBytes(UTF_8),
        TYPES);
  }
}
