-- Issue 6: when the primary provider's answer is lost (a timeout after it authorized), payments may
-- authorize again at the alternative, or decline; the primary then holds an authorization payments
-- never recorded. Reconciliation compares the providers' ledgers with each payment the primary did
-- not decide, voids such strays, and records when it has done so.
ALTER TABLE payment ADD COLUMN reconciled_at timestamptz;
CREATE INDEX payment_unreconciled ON payment (created_at)
    WHERE reconciled_at IS NULL;
