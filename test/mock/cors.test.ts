// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs, runCli } from '../../src/mock/server/cli';
import { startMockServer } from '../../src/mock/server/node';
import { NOW } from '../fixtures/events';

let server: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const preflight = (url: string, origin: string, headers = 'authorization, x-tenant-id') =>
  fetch(`${url}/events`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': headers } });

describe('the mock server across origins', () => {
  it('is closed by default: no CORS headers, the preflight not answered', async () => {
    server = await startMockServer({ count: 5, now: NOW });
    const answer = await preflight(server.url, 'http://localhost:5173');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${server.url}/events?limit=1`, { headers: { origin: 'http://localhost:5173', 'x-tenant-id': 'acme' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with cors, answers the preflight for an allowed origin (token and tenant headers) and marks its answers', async () => {
    server = await startMockServer({ count: 5, now: NOW, cors: ['http://localhost:5173'] });
    const answer = await preflight(server.url, 'http://localhost:5173');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(answer.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(answer.headers.get('access-control-allow-headers')).toMatch(/x-tenant-id/);
    const get = await fetch(`${server.url}/events?limit=1`, { headers: { origin: 'http://localhost:5173', 'x-tenant-id': 'acme' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(get.headers.get('access-control-expose-headers')).toMatch(/retry-after/);
  });

  it('refuses another origin, and headers it does not know', async () => {
    server = await startMockServer({ count: 5, now: NOW, cors: ['http://localhost:5173'] });
    expect((await preflight(server.url, 'https://evil.example')).status).toBe(403);
    expect((await preflight(server.url, 'http://localhost:5173', 'x-something-else')).status).toBe(403);
    await server.close();
    server = await startMockServer({ count: 5, now: NOW, cors: '*' });
    expect((await preflight(server.url, 'https://any.example')).headers.get('access-control-allow-origin')).toBe('https://any.example');
  });
});

describe('react-audit-logs-mock-server', () => {
  it('reads its options, and says what is wrong with bad ones', () => {
    expect(parseCliArgs(['--port', '9000', '--dialect', 'frontegg', '--cors', 'http://a.test, http://b.test'])).toEqual({
      options: { port: 9000, host: '127.0.0.1', dialect: 'frontegg', count: 1000, seed: 1, cors: ['http://a.test', 'http://b.test'] },
    });
    expect(parseCliArgs([])).toMatchObject({ options: { port: 8787, dialect: 'native' } });
    expect(parseCliArgs(['--port', 'x'])).toEqual({ error: '--port must be a whole number from 0 to 65535, not "x"' });
    expect(parseCliArgs(['--dialect', 'soap'])).toMatchObject({ error: expect.stringContaining('native, frontegg, fsh, logging') });
    expect(parseCliArgs(['--nope'])).toMatchObject({ error: expect.stringContaining('--nope') });
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });

  it('starts a server that answers, and prints where', async () => {
    const lines: string[] = [];
    server = await runCli(['--port', '0', '--count', '7', '--cors', '*'], (line) => lines.push(line));
    expect(lines[0]).toMatch(/^Mock audit-log server \(native dialect\) at http:\/\/127\.0\.0\.1:\d+$/);
    const body = await (await fetch(`${server!.url}/events?limit=100`, { headers: { 'x-tenant-id': 'acme' } })).json();
    expect(body.total).toBe(7);
  });
});
