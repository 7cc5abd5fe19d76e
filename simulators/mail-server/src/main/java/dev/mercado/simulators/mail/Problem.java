package dev.mercado.simulators.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail. The type is a URN per kind of problem so that clients can tell two
 * problems with the same status apart (a malformed filter and malformed faults are both 400).
 */
record Problem(
    int status, String type, String title, String detail, Map<String, Object> extensions) {

  static final String TYPE_PREFIX = "urn:mercado:mail-server:problem:";
  static final String CONTENT_TYPE = "application/problem+json";

  static Problem of(int status, String kind, String title, String detail) {
    return new Problem(status, TYPE_PREFIX + kind, title, detail, Map.of());
  }

  Problem with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(status, type, title, detail, more);
  }

  ProblemException toException() {
    return new ProblemException(this);
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put("title", title);
    json.put("status", status);
    json.put("detail", detail);
    json.putAll(extensions);
    return json;
  }
}
