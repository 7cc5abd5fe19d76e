package dev.mercado.catalog.web;

/** A request field that passed the annotations but still cannot be accepted. */
class InvalidFieldException extends RuntimeException {

  private final String field;

  InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
