-- Shop customers (and operators) who sign in with a password. Owned by identity alone (P4); other
-- services know a customer only by the id in their tokens (sub = customer_id).
CREATE TABLE customer (
    id            uuid PRIMARY KEY,
    username      text NOT NULL UNIQUE,
    -- Spring Security's delegating format, e.g. {bcrypt}$2a$10$...
    password_hash text NOT NULL,
    roles         text[] NOT NULL CHECK (roles <@ ARRAY['customer', 'admin']::text[]),
    -- seeded for local runs and tests; only demo customers can be given dev tokens
    demo          boolean NOT NULL DEFAULT false,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Keys that sign access tokens. Exactly one is active (signs); retired keys no longer sign but
-- stay in the JWKS until every token they signed has expired; expired keys are history. The
-- private half exists only while a key is active.
CREATE TABLE signing_key (
    kid         text PRIMARY KEY,
    algorithm   text NOT NULL CHECK (algorithm = 'RS256'),
    -- the public JWK (JSON), as published
    public_jwk  text NOT NULL,
    -- the private JWK (JSON); plain text here, in a real deployment encrypted or in a KMS
    private_jwk text,
    state       text NOT NULL CHECK (state IN ('active', 'retired', 'expired')),
    created_at  timestamptz NOT NULL,
    retired_at  timestamptz,
    expired_at  timestamptz,
    CHECK ((state = 'active') = (private_jwk IS NOT NULL)),
    CHECK ((state = 'active') = (retired_at IS NULL)),
    CHECK ((state = 'expired') = (expired_at IS NOT NULL))
);

-- at most one active key, whatever instances rotate at the same time
CREATE UNIQUE INDEX signing_key_one_active ON signing_key ((true)) WHERE state = 'active';

-- Partners' API keys, by the hex SHA-256 of the key (dev.mercado.identity.api.ApiKeyHash): the
-- key itself is never stored.
CREATE TABLE api_key (
    sha256     char(64) PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    client_id  varchar(100) NOT NULL,
    tier       text NOT NULL CHECK (tier IN ('free', 'premium')),
    label      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

-- DEMO accounts and keys: their passwords and keys are public (dev.mercado.identity.api
-- DemoCustomers, DemoClients and the README).
INSERT INTO customer (id, username, password_hash, roles, demo) VALUES
    ('a11ce000-0000-4000-8000-000000000001', 'alice',
     '{bcrypt}$2a$10$1dbQIwWt1ZpFDts89IdMHuPF.OW7SCyVgDTJI00CEfLmn/JZjPgbq', ARRAY['customer'], true),
    ('b0b00000-0000-4000-8000-000000000002', 'bob',
     '{bcrypt}$2a$10$l1eVJz44PWNYmd.nxZmzwe2s3iquI/Qd63V19Dq9p.FKhDWig3J92', ARRAY['customer'], true),
    ('ad000000-0000-4000-8000-000000000003', 'admin',
     '{bcrypt}$2a$10$XN78cJuiLTri3TSzAlObY.ShY74bi3aiKl5MZPdeAOlNqkN9dJS4S', ARRAY['admin'], true);

INSERT INTO api_key (sha256, client_id, tier, label) VALUES
    ('f298c92362d15ec7b16518f01d47b92292cb39afaeb8b093d3d8c69a934a947d', 'partner-free', 'free',
     'demo key of partner-free'),
    ('66462c2d8b615e004febf98439a02d238640c720359f28856dc6db68f446016e', 'partner-premium', 'premium',
     'demo key of partner-premium');
