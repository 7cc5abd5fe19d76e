-- One row per e-mail to a customer (R11): the task's id is the idempotency key of its delivery,
-- the order event it answers is unique, so one event never yields two e-mails.
CREATE TABLE notification (
    id              uuid PRIMARY KEY,
    event_id        text NOT NULL UNIQUE,
    order_id        uuid NOT NULL,
    kind            text NOT NULL,
    channel         text NOT NULL DEFAULT 'email',
    recipient       text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    status          text NOT NULL CHECK (status IN ('QUEUED', 'RETRY_WAIT', 'SENT', 'DEAD')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz,
    sent_at         timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX notification_by_order ON notification (order_id, created_at);
CREATE INDEX notification_due_retries ON notification (next_attempt_at) WHERE status = 'RETRY_WAIT';
