/**
 * Hostile parameters in every position of the protocol (quotes, `;`, SQL keywords, a database's own parameter
 * syntax, NUL, unknown fields, huge values): a well-formed value is only ever data (200, nothing matched
 * wrongly, nothing dropped), a malformed one answers 400 naming the problem; never a 500, never SQL in a reply.
 */
import { describe, expect, it } from 'vitest';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';
import { ALL_SCOPES, servedStore, type OpenStore } from './serve';

const HOSTILE = ["'", '"', "'; DROP TABLE audit_events; --", "' OR '1'='1", 'SELECT * FROM audit_events', '\\', '%', '_', '{p1:String}', '$1', '\u0000', '😀', 'x'.repeat(5000)];

/** Each position: the path and parameters with the hostile value in it. */
const POSITIONS: [string, (h: string) => string][] = [
  ['search', (h) => `/events?offset=0&q=${encodeURIComponent(h)}`],
  ['severity', (h) => `/events?offset=0&severity=${encodeURIComponent(h)}`],
  ['filter field', (h) => `/events?offset=0&filter=${encodeURIComponent(`${h}:eq:1`)}`],
  ['filter operator', (h) => `/events?offset=0&filter=${encodeURIComponent(`action:${h}:1`)}`],
  ['filter value', (h) => `/events?offset=0&filter=${encodeURIComponent(`action:eq:${h}`)}`],
  ['filter list', (h) => `/events?offset=0&filter=${encodeURIComponent(`action:in:${JSON.stringify([h, 'x'])}`)}`],
  ['sort field', (h) => `/events?sort=${encodeURIComponent(`${h}:asc`)}`],
  ['sort direction', (h) => `/events?sort=${encodeURIComponent(`action:${h}`)}`],
  ['range', (h) => `/events?range=${encodeURIComponent(h)}`],
  ['from', (h) => `/events?from=${encodeURIComponent(h)}`],
  ['limit', (h) => `/events?limit=${encodeURIComponent(h)}`],
  ['offset', (h) => `/events?offset=${encodeURIComponent(h)}`],
  ['cursor', (h) => `/events?cursor=${encodeURIComponent(h)}`],
  ['event id', (h) => `/events/${encodeURIComponent(h)}`],
  ['stats buckets', (h) => `/stats?buckets=${encodeURIComponent(h)}`],
  ['stats search', (h) => `/stats?q=${encodeURIComponent(h)}`],
];

export function describeHostileParameters(name: string, open: OpenStore): void {
  describe(`hostile parameters on ${name}`, () => {
    const served = servedStore(open, async (store) => {
      await store.record(generateAuditEvents({ tenantId: 'acme', count: 60, seed: 9, now: NOW }));
      await store.record({ tenantId: 'acme', id: 'evt_quote', action: "o'brien; DROP TABLE audit_events; --", severity: 'Info', timestamp: new Date(NOW - 1000).toISOString() });
    });
    const auth = { authorization: `Bearer acme|${ALL_SCOPES}` };
    const total = async () => ((await (await fetch(`${served.url}/events?offset=0&limit=1`, { headers: auth })).json()) as { total: number }).total;

    it('answers 200 or a 400 that names the problem in every position, and the log is whole afterwards', async () => {
      const before = await total();
      const answers: string[] = [];
      for (const [position, path] of POSITIONS) {
        for (const h of HOSTILE) {
          const response = await fetch(`${served.url}${path(h)}`, { headers: auth });
          const text = await response.text();
          answers.push(`${position} ${JSON.stringify(h.slice(0, 20))}: ${response.status}`);
          expect([200, 400, 404], `${position} ${JSON.stringify(h.slice(0, 40))}: ${text.slice(0, 200)}`).toContain(response.status);
          if (response.status !== 200) expect(text).not.toMatch(/SQLSTATE|DB::Exception|syntax error|invalid input syntax|at character \d|Code: \d+/i);
          if (response.status === 400) expect((JSON.parse(text) as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
        }
      }
      // Malformed values name what is wrong.
      const problem = async (path: string) => ((await (await fetch(`${served.url}${path}`, { headers: auth })).json()) as { error: { message: string } }).error.message;
      expect(await problem(`/events?filter=${encodeURIComponent("x';--:eq:1")}`)).toMatch(/unknown field/);
      expect(await problem(`/events?sort=${encodeURIComponent('payload;DROP:asc')}`)).toMatch(/sort/i);
      expect(await problem('/events?limit=1;DROP')).toMatch(/limit/);
      expect(await problem('/events?cursor=%27%3B--')).toMatch(/cursor/);
      expect(await problem('/stats?buckets=-1')).toMatch(/buckets/);
      expect(await total()).toBe(before);
      expect(answers.length).toBe(POSITIONS.length * HOSTILE.length);
    });

    it('finds text with quotes and SQL in it as plain text', async () => {
      const found = (await (await fetch(`${served.url}/events?offset=0&q=${encodeURIComponent("o'brien; drop")}`, { headers: auth })).json()) as { events: { id: string }[] };
      expect(found.events.map((e) => e.id)).toEqual(['evt_quote']);
      const byFilter = (await (await fetch(`${served.url}/events?offset=0&filter=${encodeURIComponent("action:startsWith:o'brien;")}`, { headers: auth })).json()) as { events: { id: string }[] };
      expect(byFilter.events.map((e) => e.id)).toEqual(['evt_quote']);
      const none = (await (await fetch(`${served.url}/events?offset=0&q=${encodeURIComponent('%')}`, { headers: auth })).json()) as { total: number };
      expect(none.total).toBe(0);
    });

    it('answers 400 for a query in an export body with a huge value, and for an unknown column', async () => {
      const post = (body: unknown) => fetch(`${served.url}/events/export`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      const huge = await post({ query: { filters: [{ field: 'action', op: 'eq', value: 'x'.repeat(100_000) }] } });
      expect(huge.status).toBe(400);
      const column = await post({ query: {}, columns: [{ name: "action'); DROP TABLE audit_events; --", displayName: 'A' }] });
      expect(column.status).toBe(400);
      expect(await column.text()).toMatch(/Unknown export columns/);
    });
  });
}
