-- react-audit-logs/server: the ClickHouse schema, version 1.
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
    INDEX audit_events_id id TYPE bloom_filter GRANULARITY 4
  ) ENGINE = MergeTree ORDER BY (tenant_id, ts, id);

CREATE TABLE IF NOT EXISTS audit_data_structures (tenant_id String, structure String, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY tenant_id;

CREATE TABLE IF NOT EXISTS audit_views (tenant_id String, book String, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY tenant_id;
