import { describe, expect, it } from 'vitest';
import {
  overlayDataStructure,
  BUILT_IN_FIELDS,
  DataStructureError,
  defaultDataStructure,
  getFieldValue,
  parseDataStructure,
} from '../../src/core/fields';
import { FIXTURE_EVENTS } from '../fixtures/events';

const e02 = FIXTURE_EVENTS[1]!;

describe('data structure', () => {
  it('starts with the built-in fields in order, then custom ones', () => {
    const ds = defaultDataStructure([{ name: 'region', displayName: 'Region', type: 'string' }]);
    expect(ds.fields.slice(0, BUILT_IN_FIELDS.length).map((f) => f.name)).toEqual(BUILT_IN_FIELDS.map((f) => f.name));
    expect(ds.fields.at(-1)).toMatchObject({ name: 'region', custom: true, visible: true, filterable: false });
    expect(ds.fields.filter((f) => f.visible).map((f) => f.displayName)).toEqual([
      'Time', 'Severity', 'User', 'Email', 'Action', 'Resource', 'IP address', 'Region',
    ]);
  });

  it('adds back built-in fields a saved structure left out, hidden', () => {
    const ds = parseDataStructure({ fields: [BUILT_IN_FIELDS[0]] });
    expect(ds.fields).toHaveLength(BUILT_IN_FIELDS.length);
    expect(ds.fields.find((f) => f.name === 'action')?.visible).toBe(false);
  });

  it.each([
    [[{ name: 'region', displayName: 'R', type: 'string', custom: true }, { name: 'region', displayName: 'R2', type: 'string', custom: true }], 'used twice'],
    [[{ name: 'action', displayName: 'Mine', type: 'string', custom: true }], 'a built-in field has this name'],
    [[{ name: '1bad name', displayName: 'X', type: 'string', custom: true }], 'starts with a letter'],
    [[{ name: 'x', displayName: '   ', type: 'string', custom: true }], 'Display name is required'],
    [[{ name: 'x', displayName: 'X', type: 'colour', custom: true }], 'fields.0.type'],
    [[{ name: 'timestamp', displayName: 'Time', type: 'string' }], 'keeps its type (datetime)'],
    [[{ name: 'plan', displayName: 'Plan', type: 'enum', custom: true }], 'needs at least one option'],
    [[{ name: 'ghost', displayName: 'Ghost', type: 'string' }], 'not a built-in field'],
  ])('rejects %j with a clear message', (fields, message) => {
    expect(() => parseDataStructure({ fields })).toThrow(DataStructureError);
    expect(() => parseDataStructure({ fields })).toThrow(message);
  });

  it('reads built-in and custom values from an event', () => {
    expect(getFieldValue(e02, 'actor.email')).toBe('grace@acme.example');
    expect(getFieldValue(e02, 'severity')).toBe('High');
    expect(getFieldValue(e02, 'region')).toBe('us-east-1');
    expect(getFieldValue(e02, 'tags')).toEqual(['admin']);
    expect(getFieldValue(e02, 'missing')).toBeUndefined();
  });
});

describe('overlayDataStructure (the vendor layer)', () => {
  it('overrides what the server says of a field and adds fields only the host names', () => {
    const server = defaultDataStructure();
    const merged = overlayDataStructure(server, {
      fields: [
        { name: 'ip', displayName: 'Client IP', type: 'ip', visible: false },
        { name: 'plan', displayName: 'Plan', type: 'string', order: 3 },
      ],
    });
    expect(merged.fields.find((f) => f.name === 'ip')).toMatchObject({ displayName: 'Client IP', visible: false });
    expect(merged.fields.find((f) => f.name === 'plan')).toMatchObject({ custom: true, visible: true });
    // A built-in keeps its type; invalid input leaves the server's structure.
    expect(overlayDataStructure(server, { fields: [{ name: '9bad', displayName: 'x', type: 'string' }] })).toBe(server);
  });
});
