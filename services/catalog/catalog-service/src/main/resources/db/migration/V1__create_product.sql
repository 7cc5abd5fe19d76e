-- Products and their current price. Owned by catalog alone (P4); other services learn about
-- products from catalog's events, never from this table.
CREATE TABLE product (
    id             uuid PRIMARY KEY,
    sku            text NOT NULL UNIQUE,
    name           text NOT NULL,
    description    text NOT NULL,
    price_amount   numeric(12, 2) NOT NULL CHECK (price_amount >= 0),
    price_currency char(3) NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
