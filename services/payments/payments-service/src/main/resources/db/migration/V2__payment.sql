-- One payment per order. The provider is called with idempotency keys derived from the order id,
-- so a redelivered command or a crash between the call and the commit never charges twice.
CREATE TABLE payment (
    id               uuid PRIMARY KEY,
    order_id         uuid NOT NULL UNIQUE,
    status           text NOT NULL,
    amount           numeric(12, 2) NOT NULL,
    currency         char(3) NOT NULL,
    authorization_id text,
    decline_reason   text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
