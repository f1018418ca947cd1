import { describe, expect, it } from 'vitest';
import { BUILT_IN_FIELDS } from '../../src/core/fields';
import {
  shareSpareWidth,
  columnLayoutStorageKey,
  defaultColumns,
  moveColumn,
  moveColumnTo,
  firstSortDirection,
  fitWidths,
  parseColumnLayout,
  pinColumn,
  resizeColumn,
  resolveColumns,
  shownFields,
  toColumnLayout,
  toggleColumn,
} from '../../src/core/columnLayout';
import { defaultDataStructure } from '../../src/core/fields';

const { fields } = defaultDataStructure([{ name: 'region', displayName: 'Region', type: 'string' }]);
const visibleOrder = (c: ReturnType<typeof defaultColumns>) => c.order.filter((n) => c.visibility[n]);

describe('column layout', () => {
  it('defaults to the data structure: its visible fields, in its order', () => {
    expect(visibleOrder(defaultColumns(fields))).toEqual(['timestamp', 'severity', 'actor.name', 'actor.email', 'action', 'resource', 'ip', 'region']);
  });

  it('keeps the user’s choices, and shows a field added later with its default', () => {
    let columns = defaultColumns(fields);
    columns = toggleColumn(columns, 'ip', false);
    columns = moveColumn(columns, 'action', -1);
    columns = resizeColumn(columns, 'action', 333);
    columns = pinColumn(columns, 'timestamp', 'start');
    const saved = toColumnLayout(fields, columns);
    const later = defaultDataStructure([
      { name: 'region', displayName: 'Region', type: 'string' },
      { name: 'plan', displayName: 'Plan', type: 'string' },
    ]).fields;
    const resolved = resolveColumns(later, parseColumnLayout(JSON.stringify(saved)));
    expect(visibleOrder(resolved)).toEqual(['timestamp', 'severity', 'actor.name', 'action', 'actor.email', 'resource', 'region', 'plan']);
    expect(resolved.widths).toEqual({ action: 333 });
    expect(resolved.pinned).toEqual({ start: ['timestamp'], end: [] });
  });

  it('ignores removed fields and storage that is not a layout, without an error', () => {
    const layout = parseColumnLayout(JSON.stringify({ version: 1, order: ['gone', 'action'], visibility: { gone: true, action: 'yes' }, widths: { gone: 10 } }));
    const resolved = resolveColumns(fields, layout);
    expect(resolved.order).not.toContain('gone');
    expect(resolved.widths).toEqual({});
    for (const text of ['{', 'null', '[]', '{"version":2}', '']) expect(parseColumnLayout(text)).toBeUndefined();
  });

  it('keeps at least one column visible', () => {
    let columns = defaultColumns(fields);
    for (const name of visibleOrder(columns)) columns = toggleColumn(columns, name, false);
    expect(visibleOrder(columns)).toHaveLength(1);
    const none = resolveColumns(fields, { version: 1, visibility: Object.fromEntries(fields.map((f) => [f.name, false])) });
    expect(visibleOrder(none)).toEqual(['timestamp']);
  });

  it('saves nothing but what differs (a reset layout resolves to the defaults) and keys storage by tenant and viewer', () => {
    const reset = toColumnLayout(fields, defaultColumns(fields));
    expect(reset).toEqual({ version: 1, seen: fields.map((f) => f.name) });
    expect(resolveColumns(fields, reset)).toEqual(defaultColumns(fields));
    expect(columnLayoutStorageKey('acme')).not.toBe(columnLayoutStorageKey('globex'));
    expect(columnLayoutStorageKey('acme', 'billing')).not.toBe(columnLayoutStorageKey('acme'));
  });

  it('clamps widths, and moves only among visible columns', () => {
    expect(resizeColumn(defaultColumns(fields), 'ip', 5).widths.ip).toBe(60);
    const columns = moveColumn(defaultColumns(fields), 'timestamp', -1);
    expect(visibleOrder(columns)[0]).toBe('timestamp');
  });

  it('moves a column onto another’s place (a drop), either direction', () => {
    const columns = defaultColumns(fields);
    expect(visibleOrder(moveColumnTo(columns, 'ip', 'timestamp')).slice(0, 2)).toEqual(['ip', 'timestamp']);
    const later = visibleOrder(moveColumnTo(columns, 'timestamp', 'action'));
    expect(later.indexOf('timestamp')).toBe(later.indexOf('action') + 1);
    expect(moveColumnTo(columns, 'gone', 'ip')).toBe(columns);
  });

  it('fits default widths to sampled values and the type, never wider than needed', () => {
    const pick = fields.filter((f) => ['timestamp', 'ip', 'actor.email', 'region'].includes(f.name));
    const index = (name: string) => pick.findIndex((f) => f.name === name);
    const sample = [
      pick.map((f) => ({ timestamp: '', ip: '2001:db8:85a3:8d3:1319:8a2e:370:7348', 'actor.email': 'ada@acme.example', region: 'eu' })[f.name as 'ip'] ?? ''),
    ];
    const widths = fitWidths(pick, sample, index);
    expect(widths.timestamp).toBe(224);
    expect(widths.ip).toBeGreaterThan(39 * 7);
    expect(widths['actor.email']).toBeLessThan(widths.ip!);
    // "Region" (its header) is longer than "eu": the header decides.
    expect(widths.region).toBe(Math.round('Region'.length * 7.4 + 34));
  });
});

describe('shownFields', () => {
  it('lists the visible fields in display order: pinned to the start, the rest in order, pinned to the end', () => {
    let columns = pinColumn(pinColumn(defaultColumns(fields), 'ip', 'start'), 'timestamp', 'end');
    columns = toggleColumn(columns, 'resource', false);
    expect(shownFields(fields, columns).map((f) => f.name)).toEqual(['ip', 'severity', 'actor.name', 'actor.email', 'action', 'region', 'timestamp']);
  });

  it('reads visibility as own properties: a field named like an Object member is hidden unless shown', () => {
    const odd = defaultDataStructure([
      { name: 'constructor', displayName: 'Constructor', type: 'string' },
      { name: 'toString', displayName: 'To string', type: 'string', visible: true },
    ]).fields;
    const columns = { order: ['constructor', 'toString', 'timestamp'], visibility: { toString: true, timestamp: true }, pinned: { start: [], end: [] } };
    expect(shownFields(odd, columns).map((f) => f.name)).toEqual(['toString', 'timestamp']);
  });
});

describe('firstSortDirection', () => {
  it('sorts times, severities and numbers highest first, text A to Z', () => {
    const byName = new Map(BUILT_IN_FIELDS.map((f) => [f.name, f]));
    expect(firstSortDirection(byName.get('timestamp')!)).toBe('desc');
    expect(firstSortDirection(byName.get('severity')!)).toBe('desc');
    expect(firstSortDirection({ ...byName.get('action')!, type: 'number' })).toBe('desc');
    expect(firstSortDirection(byName.get('action')!)).toBe('asc');
    expect(firstSortDirection(byName.get('ip')!)).toBe('asc');
  });
});

describe('shareSpareWidth', () => {
  it('shares the room left at the end among the text columns the user has not sized, and leaves the rest', () => {
    const columns = defaultColumns(BUILT_IN_FIELDS);
    const widths = { timestamp: 224, severity: 110, 'actor.name': 150, 'actor.email': 250, action: 200, resource: 150, ip: 150 };
    const total = Object.values(widths).reduce((a, b) => a + b, 0);
    const shared = shareSpareWidth(BUILT_IN_FIELDS, widths, columns, total + 300);
    expect(shared.timestamp).toBe(224);
    expect(shared.severity).toBe(110);
    expect(shared['actor.email']).toBeGreaterThan(250);
    const sum = Object.entries(shared).filter(([n]) => n in widths).reduce((a, [, w]) => a + w, 0);
    expect(sum).toBeGreaterThan(total + 290);
    expect(sum).toBeLessThanOrEqual(total + 300);
    // A column the user sized keeps its width; no room, no change.
    const sized = { ...columns, widths: { 'actor.email': 180 } };
    expect(shareSpareWidth(BUILT_IN_FIELDS, widths, sized, total + 300)['actor.email']).toBe(250);
    expect(shareSpareWidth(BUILT_IN_FIELDS, widths, columns, total - 100)).toEqual(widths);
  });
});
