// @vitest-environment node
/**
 * The native dialect's saved views against a server written here from docs/protocol.md ("Saved views"), not from
 * our mock: a bare array for the list, numeric versions, weak entity tags, 412 for a stale If-Match, and a server
 * that keeps no views at all (404).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuditApiError } from '../../src/api/errors';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { viewOps } from '../../src/hooks/viewStore';

interface Row { id: string; name: string; scope: string; state: unknown; version: number; owner: string }
const rows: Row[] = [];
const seen: { method: string; path: string; user?: string; ifMatch?: string }[] = [];
let views = true;

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function reply(res: ServerResponse, status: number, value?: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(value === undefined ? undefined : JSON.stringify(value));
}

/** As the protocol says: the user from X-User-Id, versions as the server likes (numbers here), ETag per view. */
async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url!, 'http://x');
  const user = req.headers['x-user-id'] as string | undefined;
  seen.push({ method: req.method!, path: url.pathname, user, ifMatch: req.headers['if-match'] as string | undefined });
  if (!views) return reply(res, 404, { error: { message: 'Not found' } });
  const out = (r: Row) => ({ id: r.id, name: r.name, scope: r.scope, state: r.state, version: r.version, ownerId: r.owner });
  if (req.method === 'GET' && url.pathname === '/views') {
    // A bare array (the protocol reads it too), with a view this client cannot read among good ones.
    return reply(res, 200, [...rows.filter((r) => r.scope === 'tenant' || r.owner === user).map(out), { id: 'broken' }]);
  }
  if (req.method === 'POST' && url.pathname === '/views') {
    const b = await body(req);
    const row: Row = { id: `v${rows.length + 1}`, name: String(b.name), scope: String(b.scope), state: b.state, version: 1, owner: user ?? '' };
    rows.push(row);
    return reply(res, 201, out(row), { etag: `W/"${row.version}"` });
  }
  const one = url.pathname.match(/^\/views\/(.+)$/);
  const row = one && rows.find((r) => r.id === decodeURIComponent(one[1]!));
  if (!row) return reply(res, 404, { error: { message: 'No such view' } });
  if (req.method === 'PATCH') {
    const tag = String(req.headers['if-match'] ?? '').replace(/^W\//, '').replace(/"/g, '');
    if (tag !== String(row.version)) return reply(res, 412, { error: { message: 'Precondition Failed' } });
    Object.assign(row, await body(req));
    row.version++;
    return reply(res, 200, out(row));
  }
  if (req.method === 'DELETE') {
    rows.splice(rows.indexOf(row), 1);
    res.writeHead(204).end();
  }
}

let baseUrl = '';
const server = createServer((req, res) => void handle(req, res));
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('native saved views against a server written from the protocol', () => {
  it('creates, lists (a bare array, numbers for versions), updates with If-Match, refuses a stale one, deletes', async () => {
    const adapter = createHttpAdapter({ baseUrl, dialect: 'native', retryDelayMs: 1 });
    const created = await adapter.createView!({ tenantId: 'acme', userId: 'ada', view: { name: 'Logins', scope: 'personal', state: { query: { search: 'login' } } } });
    expect(created).toMatchObject({ id: 'v1', version: '1', name: 'Logins' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', user: 'ada' });
    const listed = await adapter.listViews!({ tenantId: 'acme', userId: 'ada' });
    expect(listed.map((v) => v.name)).toEqual(['Logins']);
    expect(await adapter.listViews!({ tenantId: 'acme', userId: 'grace' })).toEqual([]);

    const renamed = await adapter.updateView!({ tenantId: 'acme', userId: 'ada', id: 'v1', version: '1', changes: { name: 'Sign-ins' } });
    expect(seen.at(-1)).toMatchObject({ method: 'PATCH', ifMatch: '"1"' });
    expect(renamed).toMatchObject({ name: 'Sign-ins', version: '2' });
    const stale = await adapter.updateView!({ tenantId: 'acme', userId: 'ada', id: 'v1', version: '1', changes: { name: 'Lost' } }).catch((e: unknown) => e);
    expect(isAuditApiError(stale) && [stale.kind, stale.status]).toEqual(['conflict', 412]);

    await adapter.deleteView!({ tenantId: 'acme', userId: 'ada', id: 'v1' });
    expect(await adapter.listViews!({ tenantId: 'acme', userId: 'ada' })).toEqual([]);
  });

  it('a server without views answers 404, and the viewer keeps views in this browser instead', async () => {
    views = false;
    const adapter = createHttpAdapter({ baseUrl, dialect: 'native', retryDelayMs: 1 });
    const error = await adapter.listViews!({ tenantId: 'acme' }).catch((e: unknown) => e);
    expect(isAuditApiError(error) && error.kind).toBe('not-found');
    const ops = viewOps(adapter, { where: 'adapter' });
    // The list answers from this browser's store (none in Node: nothing saved yet), and says where views live now.
    expect(await ops.list({ tenantId: 'acme' })).toEqual([]);
    expect(ops.where()).toBe('browser');
    views = true;
  });
});
