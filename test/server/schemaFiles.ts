/** The shipped schema files, read as a host's migration tool reads them: statements split at `;` line ends. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function schemaFile(db: 'postgres' | 'clickhouse'): { text: string; statements: string[] } {
  const text = readFileSync(join(import.meta.dirname, '../../src/server/schema', `${db}.sql`), 'utf8');
  const statements = text
    .split(/;\s*\n/)
    .map((s) => s.replace(/^--.*$/gm, '').trim())
    .filter(Boolean);
  return { text, statements };
}

/** Statements compared without their layout. */
export const normalized = (statements: readonly string[]) => statements.map((s) => s.replace(/\s+/g, ' ').trim());
