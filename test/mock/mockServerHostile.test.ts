// @vitest-environment node
/**
 * The mock server under hostile or unlucky use: a stream that breaks after the headers, a slow reader, a
 * malformed % escape, endless new tenant ids, and a request log that must not keep credentials or grow forever.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_GENERATED_TENANTS } from '../../src/mock/createMockAdapter';
import { MAX_RECORDED_REQUESTS } from '../../src/mock/server/handler';
import { startMockServer, type MockServer } from '../../src/mock/server/node';
import { NOW } from '../fixtures/events';

let server: MockServer | undefined;
afterEach(() => server?.close());

const exportBody = JSON.stringify({ query: {}, columns: [{ name: 'action', displayName: 'Action' }] });
const postExport = (s: MockServer, init: RequestInit = {}) =>
  fetch(`${s.url}/events/export`, { method: 'POST', body: exportBody, headers: { 'x-tenant-id': 'acme', 'content-type': 'application/json' }, ...init });

describe('the mock server', () => {
  it('cuts the connection when a stream fails after the headers, and keeps serving', async () => {
    server = await startMockServer({ count: 20, now: NOW });
    const encoder = new TextEncoder();
    server.handler.backend.exportCsv = async () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('Action\r\nlogin\r\n'));
        },
        pull(controller) {
          controller.error(new Error('disk gone'));
        },
      });
    // The client never sees a short answer as a whole one: the request fails, at the headers or in the body.
    const outcome = await postExport(server).then((r) => r.text()).then(() => 'whole', () => 'cut');
    expect(outcome).toBe('cut');
    const again = await fetch(`${server.url}/events?limit=1`, { headers: { 'x-tenant-id': 'acme' } });
    expect(again.status).toBe(200);
  });

  it('waits for a slow reader instead of buffering an endless answer', async () => {
    server = await startMockServer({ count: 20, now: NOW });
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(65);
    server.handler.backend.exportCsv = async () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.length;
          controller.enqueue(chunk);
        },
      });
    const { port } = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/events/export', method: 'POST', headers: { 'x-tenant-id': 'acme', 'content-type': 'application/json' } }, (res) => {
        res.pause();
        // The client reads nothing for a while; then hangs up.
        setTimeout(() => {
          res.destroy();
          resolve();
        }, 500);
      });
      req.on('error', reject);
      req.end(exportBody);
    });
    expect(pulled).toBeLessThan(32 * 1024 * 1024);
  });

  it('answers a malformed % escape with 400', async () => {
    server = await startMockServer({ count: 5, now: NOW });
    const response = await fetch(`${server.url}/events/%E0%A4%A`, { headers: { 'x-tenant-id': 'acme' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { kind: 'bad-request' } });
  });

  it('keeps a bounded log of requests, without their credentials', async () => {
    server = await startMockServer({ count: 5, now: NOW });
    for (let i = 0; i < MAX_RECORDED_REQUESTS + 20; i++) {
      await fetch(`${server.url}/events?limit=1&i=${i}`, { headers: { 'x-tenant-id': 'acme', authorization: 'Bearer secret-token-1234', cookie: 'session=abcdefgh' } });
    }
    const { requests } = server.handler;
    expect(requests).toHaveLength(MAX_RECORDED_REQUESTS);
    expect(requests.at(-1)!.search).toContain(`i=${MAX_RECORDED_REQUESTS + 19}`);
    expect(requests.at(-1)!.headers.authorization).toBe('Bearer …1234');
    expect(JSON.stringify(requests)).not.toContain('secret-token');
    expect(JSON.stringify(requests)).not.toContain('session=abc');
    // 520 requests one after another: room for a busy 2-core machine (a timeout, not a timing claim).
  }, 30_000);

  it('keeps a bounded number of generated tenant logs', async () => {
    server = await startMockServer({ count: 5, now: NOW });
    const backend = server.handler.backend;
    const created = await backend.create!({ tenantId: 'first', event: { action: 'kept.for.a.while' } });
    for (let i = 0; i < MAX_GENERATED_TENANTS + 5; i++) await backend.list({ tenantId: `t${i}`, query: {}, page: { type: 'offset', offset: 0, limit: 1 } });
    // The least recently used log was dropped (and is made anew when asked for).
    await expect(backend.get({ tenantId: 'first', id: created.id })).rejects.toMatchObject({ kind: 'not-found' });
    expect((await backend.list({ tenantId: 'first', query: {}, page: { type: 'offset', offset: 0, limit: 1 } })).total).toBe(5);
  });
});
