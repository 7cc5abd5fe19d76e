package dev.mercado.catalog.domain;

/** Why an order's lines could not be reserved; {@link #code()} is what the answer carries. */
public enum RejectionReason {
  /** A line names a product catalog does not know. */
  UNKNOWN_PRODUCT("unknown_product"),
  /** A line asks for more than is available. */
  OUT_OF_STOCK("out_of_stock"),
  /** The order was released before (or instead of) being reserved. */
  ALREADY_RELEASED("already_released");

  private final String code;

  RejectionReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * @throws IllegalArgumentException for an unknown code
   */
  public static RejectionReason ofCode(String code) {
    for (RejectionReason reason : values()) {
      if (reason.code.equals(code)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("no rejection reason " + code);
  }
}
