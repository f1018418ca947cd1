/**
 * Names from data are data: a custom field, an event's `fields` key or a payload key named after a member
 * of `Object.prototype` (`valueOf`, `toString`, `constructor`, `__proto__`, …) displays, filters, sorts,
 * searches and exports like any other name, and never resolves to the inherited method.
 */
import { describe, expect, it } from 'vitest';
import { eventCsvLine } from '../../src/core/csv';
import { defaultColumns, resolveColumns } from '../../src/core/columnLayout';
import { FIELD_NAME_PATTERN, getFieldValue, parseDataStructure, BUILT_IN_FIELDS } from '../../src/core/fields';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { parseCsv } from '../fixtures/csvParse';

/** Every name on Object.prototype, and the ones a custom field may take. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const FIELD_NAMES = PROTOTYPE_NAMES.filter((n) => FIELD_NAME_PATTERN.test(n));
const NOW = Date.UTC(2026, 10, 1);
const first = { type: 'offset', offset: 0, limit: 100 } as const;

const event = (id: string, value: number, hour: number) => ({
  id,
  tenantId: 'acme',
  timestamp: new Date(NOW - hour * 3_600_000).toISOString(),
  severity: 'Info',
  action: 'user.login',
  // JSON.parse makes "__proto__" an own key, as it arrives from a server.
  fields: JSON.parse(`{${PROTOTYPE_NAMES.map((n) => `"${n}": ${value}`).join(',')}}`) as Record<string, number>,
});

describe('field names that are members of Object.prototype', () => {
  it('are the names a tenant admin can type (valueOf, toString, hasOwnProperty, …)', () => {
    expect(FIELD_NAMES).toEqual(expect.arrayContaining(['valueOf', 'toString', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString', 'constructor']));
  });

  it('read the event’s own value, or nothing, never the inherited method', () => {
    const e = { id: 'x', tenantId: 'acme', timestamp: '2026-01-01T00:00:00.000Z', severity: 'Info', severityRank: 20, action: 'a' };
    for (const name of PROTOTYPE_NAMES) {
      expect(getFieldValue(e, name), name).toBeUndefined();
      expect(getFieldValue({ ...e, fields: {} }, name), name).toBeUndefined();
      expect(getFieldValue(e, 'x', `payload.${name}`), name).toBeUndefined();
    }
    const own = event('y', 7, 1);
    for (const name of PROTOTYPE_NAMES) expect(getFieldValue({ ...e, fields: own.fields }, name), name).toBe(7);
  });

  it('resolve columns from a layout that never named them (hidden or shown as the structure says)', () => {
    const ds = parseDataStructure({ fields: [...BUILT_IN_FIELDS, ...FIELD_NAMES.map((name, i) => ({ name, displayName: `F ${name}`, type: 'number', custom: true, order: 100 + i, visible: i % 2 === 0 }))] });
    const resolved = resolveColumns(ds.fields, { version: 1, visibility: {}, widths: {} });
    FIELD_NAMES.forEach((name, i) => {
      expect(resolved.visibility[name], name).toBe(i % 2 === 0);
      expect(Object.prototype.hasOwnProperty.call(resolved.widths, name)).toBe(false);
    });
    expect(defaultColumns(ds.fields).order).toEqual(expect.arrayContaining(FIELD_NAMES));
  });

  it('list, filter, sort, search, get and export through the memory adapter', async () => {
    const adapter = createMemoryAdapter([event('a', 1, 3), event('b', 2, 2), event('c', 3, 1)], {
      now: NOW,
      fields: FIELD_NAMES.map((name) => ({ name, displayName: `F ${name}`, type: 'number', filterable: true, sortable: true })),
    });
    const { fields } = await adapter.getDataStructure({ tenantId: 'acme' });
    for (const name of FIELD_NAMES) expect(fields.find((f) => f.name === name), name).toMatchObject({ custom: true });
    const page = await adapter.list({ tenantId: 'acme', query: {}, page: first });
    expect(page.events.map((e) => e.id)).toEqual(['c', 'b', 'a']);
    for (const name of FIELD_NAMES) {
      const eq = await adapter.list({ tenantId: 'acme', query: { filters: [{ field: name, op: 'eq', value: 2 }] }, page: first });
      expect(eq.events.map((e) => e.id), `${name} = 2`).toEqual(['b']);
      const gt = await adapter.list({ tenantId: 'acme', query: { filters: [{ field: name, op: 'gt', value: 1 }] }, page: first });
      expect(gt.total, `${name} > 1`).toBe(2);
      const asc = await adapter.list({ tenantId: 'acme', query: { sort: { field: name, direction: 'asc' } }, page: first });
      expect(asc.events.map((e) => e.id), `sort by ${name}`).toEqual(['a', 'b', 'c']);
    }
    expect((await adapter.list({ tenantId: 'acme', query: { search: '3' }, page: first })).events.map((e) => e.id)).toContain('c');
    const got = await adapter.get({ tenantId: 'acme', id: 'b' });
    expect(getFieldValue(got, 'valueOf')).toBe(2);
    expect(getFieldValue(got, 'hasOwnProperty')).toBe(2);
    const stream = await adapter.exportCsv({ tenantId: 'acme', query: {}, columns: FIELD_NAMES.map((name) => ({ name, displayName: name })) });
    const rows = parseCsv((await new Response(stream).text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(FIELD_NAMES);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['3', '2', '1']);
    expect(eventCsvLine(got, ['valueOf', 'toString', '__proto__'])).toBe('2,2,2\r\n');
  });
});
