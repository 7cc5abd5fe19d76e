package dev.mercado.catalog.domain;

/**
 * How many units of a product are on hand and how many of those are held for orders. Never
 * negative, and never more reserved than on hand; every change returns a new value and refuses to
 * break those rules rather than clamp.
 *
 * @param onHand units physically in stock, sold ones excluded
 * @param reserved units of {@code onHand} held for orders that are not confirmed yet
 */
public record Stock(int onHand, int reserved) {

  public Stock {
    if (onHand < 0) {
      throw new IllegalArgumentException("stock on hand cannot be negative: " + onHand);
    }
    if (reserved < 0) {
      throw new IllegalArgumentException("reserved stock cannot be negative: " + reserved);
    }
    if (reserved > onHand) {
      throw new IllegalArgumentException(
          "cannot reserve " + reserved + " when only " + onHand + " are on hand");
    }
  }

  /** Stock with nothing reserved. */
  public static Stock of(int onHand) {
    return new Stock(onHand, 0);
  }

  /** What can still be reserved. */
  public int available() {
    return onHand - reserved;
  }

  /** Whether {@code quantity} units could be reserved now. */
  public boolean covers(int quantity) {
    return quantity <= available();
  }

  /**
   * @throws IllegalStateException if fewer than {@code quantity} units are available
   */
  public Stock reserve(int quantity) {
    requirePositive(quantity);
    if (!covers(quantity)) {
      throw new IllegalStateException(
          "cannot reserve " + quantity + ": only " + available() + " available");
    }
    return new Stock(onHand, reserved + quantity);
  }

  /** Gives reserved units back to what is available. */
  public Stock release(int quantity) {
    requirePositive(quantity);
    requireReserved(quantity);
    return new Stock(onHand, reserved - quantity);
  }

  /** Reserved units leave the shelf: they are sold. */
  public Stock commit(int quantity) {
    requirePositive(quantity);
    requireReserved(quantity);
    return new Stock(onHand - quantity, reserved - quantity);
  }

  /** New units arrive. */
  public Stock restock(int quantity) {
    requirePositive(quantity);
    return new Stock(Math.addExact(onHand, quantity), reserved);
  }

  private void requireReserved(int quantity) {
    if (quantity > reserved) {
      throw new IllegalStateException(
          "cannot take " + quantity + " out of the " + reserved + " reserved");
    }
  }

  private static void requirePositive(int quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("a quantity must be positive: " + quantity);
    }
  }
}
