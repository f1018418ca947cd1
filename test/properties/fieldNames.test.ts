/**
 * Any custom field name a tenant admin can type (prototype member names favoured) works end to end in the
 * memory adapter: its values list, filter, sort, search and export like any other field's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_NAME_PATTERN, getFieldValue } from '../../src/core/fields';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { parseCsv } from '../fixtures/csvParse';

const NOW = Date.UTC(2026, 10, 1);
const first = { type: 'offset', offset: 0, limit: 50 } as const;
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) => FIELD_NAME_PATTERN.test(n));
const name = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,20}$/),
).filter((n) => !['id', 'timestamp', 'severity', 'action', 'resource', 'ip', 'source', 'tags', 'changes', 'payload', 'message', 'userAgent', 'eventType', 'traceId', 'requestId', 'correlationId', 'resourceId'].includes(n));

describe('any field name, by property', () => {
  it('lists, filters, sorts, searches and exports through the memory adapter', async () => {
    await fc.assert(
      fc.asyncProperty(name, async (field) => {
        const events = [3, 1, 2].map((n) => ({
          id: `e${n}`,
          tenantId: 'acme',
          timestamp: new Date(NOW - n * 60_000).toISOString(),
          severity: 'Info',
          action: 'a',
          fields: JSON.parse(`{${JSON.stringify(field)}: "v${n}zq"}`) as Record<string, string>,
        }));
        const adapter = createMemoryAdapter(events, { now: NOW, fields: [{ name: field, displayName: `F ${field}`, type: 'string', filterable: true, sortable: true }] });
        const all = await adapter.list({ tenantId: 'acme', query: {}, page: first });
        expect(all.events.map((e) => getFieldValue(e, field))).toEqual(['v1zq', 'v2zq', 'v3zq']);
        const eq = await adapter.list({ tenantId: 'acme', query: { filters: [{ field, op: 'eq', value: 'v2zq' }] }, page: first });
        expect(eq.events.map((e) => e.id)).toEqual(['e2']);
        const sorted = await adapter.list({ tenantId: 'acme', query: { sort: { field, direction: 'desc' } }, page: first });
        expect(sorted.events.map((e) => e.id)).toEqual(['e3', 'e2', 'e1']);
        const found = await adapter.list({ tenantId: 'acme', query: { search: 'v3zq' }, page: first });
        expect(found.events.map((e) => e.id)).toEqual(['e3']);
        const stream = await adapter.exportCsv({ tenantId: 'acme', query: {}, columns: [{ name: field, displayName: field }] });
        const rows = parseCsv((await new Response(stream).text()).replace(/^\uFEFF/, ''));
        expect(rows).toEqual([[field], ['v1zq'], ['v2zq'], ['v3zq']]);
      }),
      { numRuns: 150, seed: 16 },
    );
  });
});
