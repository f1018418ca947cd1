import { describe, expect, it } from 'vitest';
import { Bytes, NEWLINE, TAB } from '../../src/server/bytes';

describe('Bytes (the rows of COPY and TabSeparated)', () => {
  it('holds exactly the UTF-8 of every value and its separator, however often it grows', () => {
    const values = ['', 'a', 'ü😀'.repeat(50), 'x'.repeat(300), '\u4e2d\u6587', 'end'];
    // Room for four bytes: every value after the first two needs the buffer to grow, some in the middle of a
    // character had it not.
    const out = new Bytes(4);
    values.forEach((v, i) => out.text(v, i === values.length - 1 ? NEWLINE : TAB));
    expect(out.bytes().toString('utf8')).toBe(`${values.join('\t')}\n`);
    expect(out.bytes().equals(Buffer.from(`${values.join('\t')}\n`))).toBe(true);
  });
});
