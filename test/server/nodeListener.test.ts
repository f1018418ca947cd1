// @vitest-environment node
/**
 * The `node:http` listener when an export fails midway: the client's download fails (never a complete-looking,
 * truncated file), and the server lives on for the next request.
 */
import { describe, expect, it } from 'vitest';
import { defaultDataStructure } from '../../src/core/fields';
import { generateAuditEvents } from '../../src/mock/generator';
import type { AuditLogStore } from '../../src/server';
import { NOW } from '../fixtures/events';
import { ALL_SCOPES, serve } from './serve';

const events = generateAuditEvents({ tenantId: 'acme', count: 50, seed: 9, now: NOW });
const store = {
  dataStructure: async () => defaultDataStructure([]),
  list: async () => ({ events: events.slice(0, 5), total: events.length, offset: 0 }),
  async *exportEvents() {
    yield events;
    throw new Error('the database went away');
  },
  close: async () => undefined,
} as unknown as AuditLogStore;

describe('nodeListener', () => {
  it('ends a failing export’s connection instead of finishing the file, and keeps serving', async () => {
    const errors: unknown[] = [];
    const { url, close } = await serve(store, { onError: (e) => errors.push(e) });
    const headers = { authorization: `Bearer acme|${ALL_SCOPES}` };
    // The rows written so far may or may not reach the client before the connection ends: either way it fails.
    const download = fetch(`${url}/events/export`, { method: 'POST', headers, body: JSON.stringify({ query: {}, columns: [{ name: 'action', displayName: 'Action' }] }) }).then((r) => r.text());
    await expect(download).rejects.toThrow();
    expect((await fetch(`${url}/events?limit=5`, { headers })).status).toBe(200);
    await close();
  });
});
