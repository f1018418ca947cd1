-- react-audit-logs/server: the PostgreSQL (and PGlite) schema, version 1.
-- The store runs these statements when it starts (each is idempotent). Where the application may not change
-- the schema, run this file yourself (psql -f postgres.sql) and pass `migrate: false` to the store.
-- A later version adds its statements at the end of this file, each idempotent too: rerunning the file migrates.

CREATE TABLE IF NOT EXISTS audit_events (
    tenant_id text NOT NULL,
    id text NOT NULL,
    ts timestamptz NOT NULL,
    severity text NOT NULL,
    severity_rank integer NOT NULL,
    severity_level text NOT NULL,
    search_text text NOT NULL,
    event jsonb NOT NULL,
    PRIMARY KEY (tenant_id, id)
  );

CREATE INDEX IF NOT EXISTS audit_events_tenant_time ON audit_events (tenant_id, ts DESC, id DESC);

-- A severity filter, newest first, and its count (severities match without case).
CREATE INDEX IF NOT EXISTS audit_events_tenant_severity ON audit_events (tenant_id, lower(severity), ts DESC, id DESC);

CREATE TABLE IF NOT EXISTS audit_data_structures (tenant_id text PRIMARY KEY, structure jsonb NOT NULL);

CREATE TABLE IF NOT EXISTS audit_views (tenant_id text PRIMARY KEY, book jsonb NOT NULL);

-- Optional (postgresStore({ searchIndex: 'trigram' })): a trigram index that search's substring match uses.
-- Needs pg_trgm (PostgreSQL's contrib) and the right to create the extension.
-- CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- CREATE INDEX IF NOT EXISTS audit_events_search ON audit_events USING gin (search_text gin_trgm_ops);
