import { describe, expect, it } from 'vitest';
import { createFormatter, jsonPreview } from '../../src/core/format';
import { nextRowIndex } from '../../src/core/rowNavigation';

describe('createFormatter', () => {
  it('formats by type: dates in the zone, numbers by locale, lists joined, JSON previewed', () => {
    const f = createFormatter({ locale: 'en-US', timeZone: 'America/New_York' });
    expect(f.cell('2026-01-01T12:00:00.000Z', 'datetime')).toBe('Jan 01, 2026, 07:00:00 AM');
    expect(f.cell(1234.5, 'number')).toBe('1,234.5');
    expect(f.cell(['a', 'b'], 'enum')).toBe('a, b');
    expect(f.cell({ a: 1 }, 'json')).toBe('{"a":1}');
    expect(f.cell(undefined, 'string')).toBe('');
    expect(f.warnings).toEqual([]);
  });

  it('falls back for an unknown zone or locale, with a warning, never throwing', () => {
    const f = createFormatter({ locale: 'not a locale!!', timeZone: 'Nowhere/Land' });
    expect(f.options).toEqual({ locale: 'en-US', timeZone: 'UTC' });
    expect(f.warnings).toHaveLength(2);
    expect(f.dateTime('garbage')).toBe('garbage');
  });

  it('cuts long previews with an ellipsis', () => {
    expect(jsonPreview('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('nextRowIndex', () => {
  it.each([
    ['ArrowDown', 5, 6],
    ['ArrowUp', 5, 4],
    ['ArrowUp', 0, 0],
    ['ArrowDown', 99, 99],
    ['PageDown', 5, 14],
    ['PageUp', 5, 0],
    ['Home', 50, 0],
    ['End', 5, 99],
    ['a', 5, undefined],
  ] as const)('%s from %i goes to %s', (key, from, to) => {
    expect(nextRowIndex(key, from, 100, 10)).toBe(to);
  });

  it('does nothing in an empty table', () => {
    expect(nextRowIndex('End', 0, 0, 10)).toBeUndefined();
  });
});

describe('toIsoUtc', () => {
  it('writes exactly what Date#toISOString writes, for any time (and throws as it does)', async () => {
    const { toIsoUtc } = await import('../../src/core/time');
    const samples = [0, -1, 1, 86_399_999, 86_400_000, -86_400_001, 1_772_806_995_123, 253_402_300_799_999, 253_402_300_800_000, -62_167_219_200_000, -62_167_219_200_001, 1.9, -1.9];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor((Math.random() - 0.3) * 4e12), Math.random() * 1e13);
    for (const ms of samples) expect([ms, toIsoUtc(ms)]).toEqual([ms, new Date(ms).toISOString()]);
    expect(() => toIsoUtc(Number.NaN)).toThrow(RangeError);
  });
});

describe('the time zone a date header names', () => {
  it('is "UTC" for UTC and its aliases, else the zone\'s short name in the locale', async () => {
    const { createFormatter, shortZoneName } = await import('../../src/core/format');
    expect(createFormatter({ timeZone: 'UTC' }).zoneName).toBe('UTC');
    expect(shortZoneName('en-US', 'Etc/UTC')).toBe('UTC');
    const january = Date.UTC(2026, 0, 15);
    const july = Date.UTC(2026, 6, 15);
    expect(shortZoneName('en-US', 'America/New_York', january)).toBe('EST');
    expect(shortZoneName('en-US', 'America/New_York', july)).toBe('EDT');
    expect(shortZoneName('de-DE', 'Europe/Berlin', january)).toBe('MEZ');
    // An unknown zone falls back to UTC (with a notice), so the header never names a zone it does not show.
    expect(createFormatter({ timeZone: 'Nowhere/Land' }).zoneName).toBe('UTC');
  });
});
