import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, eventCsvLine } from '../../src/core/csv';
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

  it('writes lists joined and objects as JSON', () => {
    expect(csvCell(['auth', 'pii'])).toBe('auth; pii');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('writes an event as the chosen fields in order', () => {
    expect(eventCsvLine(FIXTURE_EVENTS[1]!, ['timestamp', 'actor.email', 'severity', 'region'])).toBe(
      `${FIXTURE_EVENTS[1]!.timestamp},grace@acme.example,High,us-east-1\r\n`,
    );
  });
});
