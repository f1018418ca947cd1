-- react-audit-logs/server: the PostgreSQL (and PGlite) schema, version 2.
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

-- Version 2: counts per tenant, hour and severity, kept by triggers on audit_events whatever writes or deletes
-- there (the store, your own SQL, retention). Totals and histograms over time and severity read these and count
-- only the partial hours at the edges of their range. Needs PostgreSQL 11 or later (statement triggers with
-- transition tables). The last statement fills the counts from the events already there, once.
CREATE TABLE IF NOT EXISTS audit_event_counts (
    tenant_id text NOT NULL,
    hour bigint NOT NULL,
    severity text NOT NULL,
    severity_rank integer NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (tenant_id, hour, severity, severity_rank)
  );

CREATE OR REPLACE FUNCTION audit_events_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE audit_event_counts;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE audit_event_counts AS c SET n = c.n - g.n
      FROM (SELECT tenant_id, floor(extract(epoch FROM ts) / 3600)::bigint AS hour, severity, severity_rank, count(*) AS n FROM removed GROUP BY 1, 2, 3, 4) AS g
      WHERE c.tenant_id = g.tenant_id AND c.hour = g.hour AND c.severity = g.severity AND c.severity_rank = g.severity_rank;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO audit_event_counts AS c (tenant_id, hour, severity, severity_rank, n)
      SELECT tenant_id, floor(extract(epoch FROM ts) / 3600)::bigint, severity, severity_rank, count(*) FROM added GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (tenant_id, hour, severity, severity_rank) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_events_counted_insert' AND tgrelid = 'audit_events'::regclass) THEN
    LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM audit_event_counts;
    INSERT INTO audit_event_counts (tenant_id, hour, severity, severity_rank, n)
      SELECT tenant_id, floor(extract(epoch FROM ts) / 3600)::bigint, severity, severity_rank, count(*) FROM audit_events GROUP BY 1, 2, 3, 4;
    CREATE TRIGGER audit_events_counted_insert AFTER INSERT ON audit_events REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION audit_events_count();
    CREATE TRIGGER audit_events_counted_delete AFTER DELETE ON audit_events REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION audit_events_count();
    CREATE TRIGGER audit_events_counted_update AFTER UPDATE ON audit_events REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION audit_events_count();
    CREATE TRIGGER audit_events_counted_truncate AFTER TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_count();
  END IF;
END
$$;

-- Optional (postgresStore({ searchIndex: 'trigram' })): a trigram index that search's substring match uses.
-- Needs pg_trgm (PostgreSQL's contrib) and the right to create the extension.
-- CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- CREATE INDEX IF NOT EXISTS audit_events_search ON audit_events USING gin (search_text gin_trgm_ops);
