import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** The props of `<AuditLogs />`, read from its interface (so a new prop without a story fails here). */
function auditLogsProps(): string[] {
  const source = readFileSync(path.join(root, 'src/hooks/props.ts'), 'utf8');
  const body = /export interface AuditLogsProps \{([\s\S]*?)\n\}/.exec(source)![1]!;
  return [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]!);
}

describe('Storybook', () => {
  it('shows every public prop of <AuditLogs /> in at least one story', () => {
    const stories = readdirSync(path.join(root, 'stories'))
      .filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'))
      .map((f) => readFileSync(path.join(root, 'stories', f), 'utf8'))
      .join('\n');
    const props = auditLogsProps();
    expect(props.length).toBeGreaterThan(20);
    const missing = props.filter((prop) => !new RegExp(`\\b${prop}(\\s*:|=\\{|=")`).test(stories));
    expect(missing).toEqual([]);
  });
});
