-- Issue 22: a refund that arrives before any authorization is recorded as a tombstone (so a late
-- authorization command is declined). Nothing was ever asked for, so it has no amount and no
-- currency, rather than the invented 0.00 'XXX' it was stored with. Only such a tombstone may lack
-- them, and then it lacks both.
ALTER TABLE payment ALTER COLUMN amount DROP NOT NULL;
ALTER TABLE payment ALTER COLUMN currency DROP NOT NULL;
UPDATE payment SET amount = NULL, currency = NULL
    WHERE currency = 'XXX' AND amount = 0 AND status = 'REFUNDED' AND authorization_id IS NULL;
ALTER TABLE payment ADD CONSTRAINT payment_amount_only_missing_for_early_refund
    CHECK ((amount IS NOT NULL AND currency IS NOT NULL)
        OR (amount IS NULL AND currency IS NULL AND status = 'REFUNDED'
            AND authorization_id IS NULL));
