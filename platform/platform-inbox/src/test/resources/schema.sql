-- The effect the test listener applies; deliberately without a unique constraint, so a duplicate
-- effect would show.
CREATE TABLE IF NOT EXISTS effect (event_id text NOT NULL, subject text NOT NULL);
