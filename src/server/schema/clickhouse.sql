-- react-audit-logs/server: the ClickHouse schema, version 2 (ClickHouse 24.8 or later).
-- The store runs these statements when it starts (each is idempotent). Where the application may not change
-- the schema, run this file yourself (clickhouse-client --multiquery < clickhouse.sql) and pass `migrate: false` to the store.
-- A later version adds its statements at the end of this file, each idempotent too: rerunning the file migrates.

CREATE TABLE IF NOT EXISTS audit_events (
    tenant_id String,
    id String,
    ts DateTime64(3, 'UTC'),
    severity LowCardinality(String),
    severity_rank Int32,
    severity_level LowCardinality(String),
    search_text String,
    event String,
    INDEX audit_events_id id TYPE bloom_filter GRANULARITY 4,
    PROJECTION audit_counts (SELECT tenant_id, toStartOfHour(ts), severity, severity_rank, count(), min(ts), max(ts) GROUP BY tenant_id, toStartOfHour(ts), severity, severity_rank)
  ) ENGINE = MergeTree ORDER BY (tenant_id, ts, id) SETTINGS lightweight_mutation_projection_mode = 'rebuild';

-- Version 2: counts per tenant, hour and severity (with the first and last time) as a projection ClickHouse keeps
-- with every part and rebuilds when a DELETE touches one; totals, histograms and spans of queries on time and
-- severity read it. On a table made by version 1, these two add it for new parts; build it for the rows already
-- there once with: ALTER TABLE audit_events MATERIALIZE PROJECTION audit_counts
ALTER TABLE audit_events ADD PROJECTION IF NOT EXISTS audit_counts (SELECT tenant_id, toStartOfHour(ts), severity, severity_rank, count(), min(ts), max(ts) GROUP BY tenant_id, toStartOfHour(ts), severity, severity_rank);

ALTER TABLE audit_events MODIFY SETTING lightweight_mutation_projection_mode = 'rebuild';

CREATE TABLE IF NOT EXISTS audit_data_structures (tenant_id String, structure String, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY tenant_id;

CREATE TABLE IF NOT EXISTS audit_views (tenant_id String, book String, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY tenant_id;
