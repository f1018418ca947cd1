import { describe, expect, it } from 'vitest';
import { CUT_MARK, MAX_CELL_CHARS, csvCell, csvLine, eventCsvLine, exportFileName } from '../../src/core/csv';
import type { JsonValue } from '../../src/core/event';
import { parseCsv } from '../fixtures/csvParse';
import { FIXTURE_EVENTS } from '../fixtures/events';

describe('CSV encoding', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', 3, null, undefined])).toBe(
      'a,"b,c","say ""hi""","two\nlines",3,,\r\n',
    );
  });

  it('never lets a spreadsheet run a value as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1']) {
      const cell = csvCell(evil);
      expect(cell.replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell(-5)).toBe('-5');
  });

  it('neutralizes a formula behind leading spaces or quotes; plain numbers in text stay numbers', () => {
    for (const evil of ['  =1+1', '"=1+1', "'=1+1", ' \t x', ' @A1', '\u3000=1']) {
      expect(parseCsv(csvLine([evil]))[0]![0], JSON.stringify(evil)).toBe(`'${evil}`);
    }
    for (const number of ['-5', '+1.5', '-0.25e3', '12']) expect(csvCell(number)).toBe(number);
    expect(csvCell('-5+1')).toBe("'-5+1");
  });

  it('quotes a cell with a semicolon or a tab, so a ; list separator cannot split or run it', () => {
    expect(csvCell('x;=1+1')).toBe('"x;=1+1"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(parseCsv(csvLine(['x;=1+1', 'b']))[0]).toEqual(['x;=1+1', 'b']);
  });

  it('writes lists joined and objects as JSON', () => {
    expect(csvCell(['auth', 'pii'])).toBe('"auth; pii"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('writes an event as the chosen fields in order', () => {
    expect(eventCsvLine(FIXTURE_EVENTS[1]!, ['timestamp', 'actor.email', 'severity', 'region'])).toBe(
      `${FIXTURE_EVENTS[1]!.timestamp},grace@acme.example,High,us-east-1\r\n`,
    );
  });
});

describe('CSV encoding, by property', () => {
  /** A seeded generator (the same cases on every run). */
  function random(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const ALPHABET = ['a', 'Z', '0', ' ', ',', '"', '\r', '\n', '\r\n', '\t', '=', '+', '-', '@', '\uFEFF', 'é', '中', '😀', "'", ';'];

  it('round-trips random text through an RFC 4180 reader: only formula starts change, by a leading apostrophe', () => {
    const next = random(42);
    for (let n = 0; n < 2_000; n++) {
      const cells = Array.from({ length: 1 + Math.floor(next() * 5) }, () =>
        Array.from({ length: Math.floor(next() * 12) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''),
      );
      const [row] = parseCsv(csvLine(cells));
      expect(row).toHaveLength(cells.length);
      row!.forEach((cell, i) => {
        const original = cells[i]!;
        // Only = + - @ TAB CR after leading spaces, quotes or line feeds; a plain number such as "-0" is data.
        const formula = /^[ "'\n]*[=+\-@\t\r]/.test(original) && !/^[+-]?\d+$/.test(original);
        expect(cell, JSON.stringify(original)).toBe(formula ? `'${original}` : original);
      });
    }
  });

  it('cuts a cell longer than a spreadsheet cell holds, with a mark', () => {
    const cell = csvCell('x'.repeat(40_000));
    expect(cell.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cell.endsWith(CUT_MARK)).toBe(true);
  });

  it('writes JSON values compact, even nested too deeply to stringify', () => {
    let deep: JsonValue = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => csvCell(deep)).not.toThrow();
    expect(csvCell({ a: [1, 2] })).toBe('"{""a"":[1,2]}"');
  });

  it('names files audit-logs-<tenant>-<yyyyMMdd-HHmm>, the tenant made safe', () => {
    const at = Date.UTC(2026, 2, 6, 14, 5);
    expect(exportFileName('acme', at, 'csv')).toBe('audit-logs-acme-20260306-1405.csv');
    expect(exportFileName('../../etc/pass wd', at, 'jsonl')).toBe('audit-logs-etc-pass-wd-20260306-1405.jsonl');
    expect(exportFileName('', at, 'csv')).toBe('audit-logs-tenant-20260306-1405.csv');
  });
});
