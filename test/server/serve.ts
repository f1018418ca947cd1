/**
 * The handler on a free port of 127.0.0.1, as a host would mount it. The bearer token names the tenant and the
 * scopes (`tenant|scope,scope`): `authorize` alone decides who asks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuditLogsHandler, nodeListener, type AuditLogsHandlerOptions, type AuditLogStore } from '../../src/server';
import { afterAll, beforeAll } from 'vitest';
import { NOW } from '../fixtures/events';

/** A fresh, empty store and how to throw it away. */
export type OpenStore = () => Promise<{ store: AuditLogStore; dispose?: () => Promise<void> }>;

export const ALL_SCOPES = 'audit:read,audit:write,audit:fields,audit:views';

export async function serve(store: AuditLogStore, options: Partial<AuditLogsHandlerOptions> = {}): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const handler = createAuditLogsHandler({
    store,
    now: () => NOW,
    ...options,
    authorize: (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      if (!token) return null;
      const [tenantId, scopes = ''] = token.split('|');
      return { tenantId: tenantId!, userId: request.headers.get('x-user-id') ?? undefined, scopes: scopes.split(',') };
    },
  });
  const server = createServer(nodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, close };
}

/**
 * A store from `open`, filled by `fill`, served for the tests of the enclosing describe block and thrown away
 * after them. Read `store` and `url` inside the tests (they are set before the first runs).
 */
export function servedStore(open: OpenStore, fill: (store: AuditLogStore) => Promise<unknown>): { store: AuditLogStore; url: string } {
  const served = { url: '' } as { store: AuditLogStore; url: string };
  let close: (() => Promise<void>) | undefined;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ store: served.store, dispose } = await open());
    await fill(served.store);
    ({ url: served.url, close } = await serve(served.store));
  });
  afterAll(async () => {
    await close?.();
    await served.store?.close();
    await dispose?.();
  });
  return served;
}
