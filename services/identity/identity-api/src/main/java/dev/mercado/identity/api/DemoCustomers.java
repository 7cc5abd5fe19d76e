package dev.mercado.identity.api;

import java.util.UUID;

/**
 * The accounts identity's first migration seeds, with their <b>demo</b> passwords (stored as BCrypt
 * hashes). The passwords are public — they are in this file — and only serve local runs, scripts
 * and tests. Only the demo customers with the role {@code customer} ({@link #ALICE}, {@link #BOB})
 * can be given dev tokens.
 */
public final class DemoCustomers {

  /** A customer. */
  public static final String ALICE = "alice";

  /** {@link #ALICE}'s customer id: the {@code sub} and {@code customer_id} of her tokens. */
  public static final UUID ALICE_ID = UUID.fromString("a11ce000-0000-4000-8000-000000000001");

  /** {@link #ALICE}'s demo password. */
  public static final String ALICE_PASSWORD = "alice-demo-password";

  /** Another customer. */
  public static final String BOB = "bob";

  /** {@link #BOB}'s customer id. */
  public static final UUID BOB_ID = UUID.fromString("b0b00000-0000-4000-8000-000000000002");

  /** {@link #BOB}'s demo password. */
  public static final String BOB_PASSWORD = "bob-demo-password";

  /** An operator signing in through the web UI: the role {@code admin}. */
  public static final String ADMIN = "admin";

  /** {@link #ADMIN}'s id. */
  public static final UUID ADMIN_ID = UUID.fromString("ad000000-0000-4000-8000-000000000003");

  /** {@link #ADMIN}'s demo password. */
  public static final String ADMIN_PASSWORD = "admin-demo-password";

  private DemoCustomers() {}
}
