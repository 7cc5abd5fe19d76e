package dev.mercado.orders.application;

/** A request orders understood but cannot carry out; the web layer answers 422 or 404. */
public class OrderProblem extends RuntimeException {

  /** What kind of problem, for the answer's status and title. */
  public enum Kind {
    UNKNOWN_PRODUCT,
    MIXED_CURRENCIES,
    TOTAL_TOO_LARGE,
    IDEMPOTENCY_KEY_REUSED,
    ORDER_NOT_FOUND
  }

  private final Kind kind;

  public OrderProblem(Kind kind, String detail) {
    super(detail);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
