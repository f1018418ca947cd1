// @vitest-environment node
/**
 * react-audit-logs/server on ClickHouse: chDB runs ClickHouse's engine in this process, and `@clickhouse/client`
 * sends it the same SQL and parameters it would send a ClickHouse server or cluster over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { afterAll, expect, it, vi } from 'vitest';
import { clickhouseStore } from '../../src/server';
import { describeServerStore } from './describeServerStore';
import { describeTenantIsolation } from './tenantIsolation';
import { ALL_SCOPES, serve } from './serve';
import { normalized, schemaFile } from './schemaFiles';
import { CLICKHOUSE_SCHEMA } from '../../src/server/clickhouseSql';

vi.setConfig({ hookTimeout: 60_000, testTimeout: 60_000 });

// chDB binds one data directory per process: every store of this file shares the connection, and each starts empty.
// (chDB types its connection with its own copy of the client's common types: the same shape, another declaration.)
const dir = mkdtempSync(join(tmpdir(), 'audit-chdb-'));
const connection = createChdbConnection({ path: dir }) as unknown as NonNullable<Parameters<typeof createClient>[0]>['connection'];
const client = createClient({ connection });
afterAll(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

describeServerStore('chDB (ClickHouse in process)', async () => {
  for (const table of ['audit_events', 'audit_data_structures', 'audit_views']) await client.command({ query: `DROP TABLE IF EXISTS ${table}` });
  return { store: await clickhouseStore({ client }) };
});
// A search page looks through the newest hours first: with a window this small, both ways are taken.
describeTenantIsolation('chDB, searching the newest 60 events first', async () => {
  for (const table of ['audit_events', 'audit_data_structures', 'audit_views']) await client.command({ query: `DROP TABLE IF EXISTS ${table}` });
  return { store: await clickhouseStore({ client, searchWindow: 60 }) };
});

it('asks ClickHouse to parse a batch of events on several threads (1 MiB chunks), and the engine takes the setting', async () => {
  // A batch of 10,000 events is about 7 MB, under ClickHouse's 10 MiB default chunk: parsed on one thread without it.
  const settings: unknown[] = [];
  const watched = {
    query: client.query.bind(client),
    command: client.command.bind(client),
    close: client.close.bind(client),
    insert: ((params: Parameters<typeof client.insert>[0]) => {
      settings.push(params.clickhouse_settings);
      return client.insert(params);
    }) as typeof client.insert,
  };
  const store = await clickhouseStore({ client: watched });
  const at = '2026-11-01T10:00:00.000Z';
  const { recorded } = await store.record(['created', 'updated', 'deleted'].map((action) => ({ action, timestamp: at })), { tenantId: 'chunked' });
  expect(recorded).toHaveLength(3);
  expect(settings).toContainEqual({ min_chunk_bytes_for_parallel_parsing: 1 << 20 });
  const page = await store.list('chunked', {}, [], { type: 'offset', offset: 0, limit: 10 }, Date.parse(at) + 1000);
  expect(page.events.map((e) => e.action).sort()).toEqual(['created', 'deleted', 'updated']);
});

it('answers 503 naming the timeout when a query runs past max_execution_time, and tells the host', async () => {
  const store = await clickhouseStore({ client, statementTimeoutMs: 1000 });
  // A list that makes ClickHouse work past the store's limit: its own TIMEOUT_EXCEEDED, code 159.
  const slow = {
    ...store,
    list: async (...args: Parameters<typeof store.list>) => {
      await (await client.query({ query: 'SELECT sleepEachRow(0.3) FROM numbers(10) SETTINGS max_block_size = 1', format: 'JSONEachRow', clickhouse_settings: { max_execution_time: 1 } })).json();
      return store.list(...args);
    },
  };
  const errors: unknown[] = [];
  const { url, close } = await serve(slow, { onError: (error) => errors.push(error) });
  const response = await fetch(`${url}/events?limit=5`, { headers: { authorization: `Bearer acme|${ALL_SCOPES}` } });
  expect(response.status).toBe(503);
  expect(((await response.json()) as { error: { kind: string } }).error.kind).toBe('timeout');
  expect(errors).toEqual([expect.objectContaining({ type: 'TIMEOUT_EXCEEDED' })]);
  await close();
});

it('ships its schema as SQL: the file is what the store runs, and a store told migrate: false works on it', async () => {
  const { statements } = schemaFile('clickhouse');
  expect(normalized(statements)).toEqual(normalized(CLICKHOUSE_SCHEMA));
  for (const table of ['audit_events', 'audit_data_structures', 'audit_views']) await client.command({ query: `DROP TABLE IF EXISTS ${table}` });
  for (const statement of statements) await client.command({ query: statement });
  const store = await clickhouseStore({ client, migrate: false });
  await store.record({ tenantId: 'acme', action: 'user.login' });
  expect((await store.list('acme', {}, [], { type: 'offset', offset: 0, limit: 1 }, Date.now())).events.map((e) => e.action)).toEqual(['user.login']);
});
