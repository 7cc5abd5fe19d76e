-- One reservation per order: what catalog decided for it and what it holds. The primary key on
-- order_id is what makes a repeated command for the same order find the first one's outcome
-- instead of reserving twice.
CREATE TABLE reservation (
    order_id   uuid PRIMARY KEY,
    state      text NOT NULL
        CHECK (state IN ('RESERVED', 'RELEASED', 'COMMITTED', 'REJECTED')),
    -- only a REJECTED reservation has one; "already_released" is an answer, never a stored state
    reason     text CHECK (reason IN ('unknown_product', 'out_of_stock')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT reservation_rejected_has_reason CHECK ((state = 'REJECTED') = (reason IS NOT NULL))
);

-- The lines asked for. No foreign key to product: a rejected order may name products that do not
-- exist (reason unknown_product), and the answer to a repeated command must name them again.
CREATE TABLE reservation_line (
    order_id   uuid NOT NULL REFERENCES reservation (order_id),
    product_id uuid NOT NULL,
    quantity   int NOT NULL CHECK (quantity > 0),
    -- this line is why the order was rejected (unknown product, or not enough available)
    culprit    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (order_id, product_id)
);
