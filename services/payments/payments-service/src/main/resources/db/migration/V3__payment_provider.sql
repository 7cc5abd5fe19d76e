-- Issue 6: an authorization may come from the alternative provider while the primary's circuit
-- breaker is open. The provider that decided is recorded, so that the capture or refund goes to the
-- provider that holds the authorization. Null when no provider answered (provider_unavailable).
ALTER TABLE payment ADD COLUMN provider text;
UPDATE payment SET provider = 'payment-provider' WHERE authorization_id IS NOT NULL;
