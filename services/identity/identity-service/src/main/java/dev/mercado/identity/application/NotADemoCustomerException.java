package dev.mercado.identity.application;

/** A dev token was asked for an account that is unknown, not a demo customer, or disabled. */
public class NotADemoCustomerException extends RuntimeException {

  public NotADemoCustomerException(String username) {
    super("'" + username + "' is not a demo customer");
  }
}
