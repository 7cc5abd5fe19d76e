-- Stock on the product row, so reserving an order locks exactly the rows it touches. The CHECK
-- constraints are the last line of defence: whatever the code does, the database refuses stock
-- that goes negative or more reserved than is on hand.
ALTER TABLE product
    ADD COLUMN on_hand  int NOT NULL DEFAULT 0,
    ADD COLUMN reserved int NOT NULL DEFAULT 0,
    -- grows with every change consumers are told about (catalog.product-changed), so a consumer
    -- keeping a copy can ignore an event older than what it holds
    ADD COLUMN version bigint NOT NULL DEFAULT 1,
    -- the highest version announced through the outbox; products created by a migration (the
    -- seed below) start at 0 and are announced once when the service starts
    ADD COLUMN announced_version bigint NOT NULL DEFAULT 0,
    ADD CONSTRAINT product_on_hand_not_negative CHECK (on_hand >= 0),
    ADD CONSTRAINT product_reserved_not_negative CHECK (reserved >= 0),
    ADD CONSTRAINT product_reserved_within_on_hand CHECK (reserved <= on_hand),
    ADD CONSTRAINT product_version_positive CHECK (version >= 1),
    ADD CONSTRAINT product_announced_version_known CHECK (announced_version <= version);

ALTER TABLE product ALTER COLUMN on_hand DROP DEFAULT;

-- Enough for demos; the sticker pack runs out after three, so "out of stock" can be shown live.
UPDATE product SET on_hand = 100;
UPDATE product SET on_hand = 3 WHERE sku = 'STK-008';
