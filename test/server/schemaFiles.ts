/** The shipped schema files, read as a host's migration tool reads them: statements split at `;` line ends. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function schemaFile(db: 'postgres' | 'clickhouse'): { text: string; statements: string[] } {
  const text = readFileSync(join(import.meta.dirname, '../../src/server/schema', `${db}.sql`), 'utf8');
  // A `;` inside a dollar-quoted body ($$ … $$, a function's) does not end its statement.
  const statements: string[] = [];
  let current = '';
  for (const part of text.split(/(?<=;)\s*\n/)) {
    current += `${part}\n`;
    if ((current.match(/\$\$/g) ?? []).length % 2 === 0) {
      statements.push(current.replace(/^--.*$/gm, '').trim().replace(/;$/, ''));
      current = '';
    }
  }
  return { text, statements: statements.filter(Boolean) };
}

/** Statements compared without their layout. */
export const normalized = (statements: readonly string[]) => statements.map((s) => s.replace(/\s+/g, ' ').trim());
