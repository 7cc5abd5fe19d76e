-- Orders' own copy of the catalogue (F6, M3): filled by catalog.product-changed events, never by
-- calling catalog. version orders the copies: an older event never overwrites a newer price.
CREATE TABLE product_copy (
    product_id     uuid PRIMARY KEY,
    sku            text NOT NULL,
    name           text NOT NULL,
    price_amount   numeric(12, 2) NOT NULL,
    price_currency char(3) NOT NULL,
    version        bigint NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- An order and its saga state. deadline_at is set while the saga waits for an answer.
CREATE TABLE customer_order (
    id                  uuid PRIMARY KEY,
    customer_id         text NOT NULL,
    status              text NOT NULL,
    total_amount        numeric(12, 2) NOT NULL,
    currency            char(3) NOT NULL,
    card_token          text NOT NULL,
    placed_at           timestamptz NOT NULL,
    deadline_at         timestamptz,
    cancellation_reason text
);
CREATE INDEX customer_order_by_customer ON customer_order (customer_id, placed_at DESC);
CREATE INDEX customer_order_waiting ON customer_order (deadline_at) WHERE deadline_at IS NOT NULL;

CREATE TABLE order_line (
    order_id   uuid NOT NULL REFERENCES customer_order (id),
    line_no    int NOT NULL,
    product_id uuid NOT NULL,
    name       text NOT NULL,
    quantity   int NOT NULL CHECK (quantity > 0),
    unit_price numeric(12, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- Every transition of every order, in order.
CREATE TABLE order_transition (
    order_id    uuid NOT NULL REFERENCES customer_order (id),
    seq         int NOT NULL,
    from_status text,
    to_status   text NOT NULL,
    reason      text,
    at          timestamptz NOT NULL,
    PRIMARY KEY (order_id, seq)
);

-- Idempotency-Key of POST /api/v1/orders: the primary key, not a check-then-insert, makes two
-- concurrent requests with one key produce one order.
CREATE TABLE idempotency_key (
    key          text PRIMARY KEY,
    request_hash text NOT NULL,
    order_id     uuid NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
