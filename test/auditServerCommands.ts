/**
 * Browser commands that run react-audit-logs/server in the test runner's Node process, on each store, for the
 * end-to-end browser tests: a page in Chromium talks to it over HTTP from another origin, as a host's does.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { BrowserCommand } from 'vitest/node';
import { createAuditLogsHandler, clickhouseStore, nodeListener, pgliteStore, postgresStore, type AuditLogStore } from '../src/server/index.ts';
import { generateAuditEvents } from '../src/mock/generator.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { POSTGRES_BIN, startPostgres, type PostgresServer } from './server/postgresServer.ts';

export type StoreKind = 'pglite' | 'chdb' | 'postgres';

let postgres: Promise<PostgresServer> | undefined;
let chdb: Promise<ClickHouseClient> | undefined;

async function openStore(kind: StoreKind): Promise<AuditLogStore> {
  if (kind === 'pglite') return pgliteStore();
  if (kind === 'postgres') {
    postgres ??= startPostgres().then((server) => {
      process.once('exit', () => server.stopSync());
      return server;
    });
    return postgresStore({ connectionString: await (await postgres).createDatabase() });
  }
  chdb ??= (async () => {
    const { createClient } = await import('@clickhouse/client');
    const { createChdbConnection } = await import('chdb/connection');
    // A directory of ours, removed when the test run's process ends (the client is never closed before it).
    const dir = mkdtempSync(join(tmpdir(), 'audit-chdb-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return createClient({ connection: createChdbConnection({ path: dir }) as never });
  })();
  const client = await chdb;
  for (const table of ['audit_events', 'audit_data_structures', 'audit_views']) await client.command({ query: `DROP TABLE IF EXISTS ${table}` });
  return clickhouseStore({ client });
}

const running = new Map<string, { server: Server; store: AuditLogStore }>();

/** What the test needs to know of the seeded log, to check the page against it. */
export interface StartedAuditServer {
  url: string;
  total: number;
  sample: { email: string; emailCount: number; criticalCount: number };
}

export const auditServerAvailable: BrowserCommand<[kind: StoreKind]> = async (_ctx, kind) => kind !== 'postgres' || Boolean(POSTGRES_BIN);

/** Starts the handler on a fresh store of `kind`, seeded with two tenants, allowing `origin` by CORS. */
export const startAuditServer: BrowserCommand<[kind: StoreKind, origin: string]> = async (_ctx, kind, origin): Promise<StartedAuditServer> => {
  const store = await openStore(kind);
  const now = Date.now();
  const acme = generateAuditEvents({ tenantId: 'acme', count: 120, seed: 7, now });
  await store.record([...acme, ...generateAuditEvents({ tenantId: 'globex', count: 40, seed: 8, now })]);
  const handler = createAuditLogsHandler({
    store,
    cors: [origin],
    authorize: (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      const [tenantId, scopes = ''] = (token ?? '').split('|');
      return tenantId ? { tenantId, userId: 'tester', scopes: scopes.split(',') } : null;
    },
  });
  const server = createServer(nodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  running.set(url, { server, store });
  const email = acme.find((e) => e.actor?.email)!.actor!.email!;
  return {
    url,
    total: acme.length,
    sample: {
      email,
      emailCount: acme.filter((e) => JSON.stringify(e).toLowerCase().includes(email.toLowerCase())).length,
      criticalCount: acme.filter((e) => e.severity === 'Critical').length,
    },
  };
};

/** How many events the tenant has now, read from the store (not through the page). */
export const auditServerCount: BrowserCommand<[url: string, tenantId: string]> = async (_ctx, url, tenantId) =>
  (await running.get(url)!.store.list(tenantId, {}, [], { type: 'offset', offset: 0, limit: 1 }, Date.now())).total ?? -1;

/** The names of the tenant's fields as the store keeps them. */
export const auditServerFields: BrowserCommand<[url: string, tenantId: string]> = async (_ctx, url, tenantId) =>
  (await running.get(url)!.store.dataStructure(tenantId)).fields.map((f) => f.name);

export const stopAuditServer: BrowserCommand<[url: string]> = async (_ctx, url) => {
  const entry = running.get(url);
  running.delete(url);
  if (!entry) return;
  // The page's keep-alive connections would hold close() open: end them with it.
  const closed = new Promise<void>((resolve) => entry.server.close(() => resolve()));
  entry.server.closeAllConnections();
  await closed;
  await entry.store.close();
};

declare module 'vitest/internal/browser' {
  interface BrowserCommands {
    auditServerAvailable: (kind: StoreKind) => Promise<boolean>;
    startAuditServer: (kind: StoreKind, origin: string) => Promise<StartedAuditServer>;
    auditServerCount: (url: string, tenantId: string) => Promise<number>;
    auditServerFields: (url: string, tenantId: string) => Promise<string[]>;
    stopAuditServer: (url: string) => Promise<void>;
  }
}
