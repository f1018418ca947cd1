// @vitest-environment node
/**
 * The layout DESIGN.md promises, checked on the sources: imports point down the list of folders only (core, api,
 * memory, mock; hooks over core and api; components over hooks and core, never an adapter implementation; the
 * server over core), and no module reaches itself again through the modules it imports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((file) => existsSync(file));
}

interface Import {
  to: string;
  /** `import type …` or `export type …`: gone from the built code. */
  typeOnly: boolean;
  /** `import('…')`: loaded on first use, after both modules have run. */
  dynamic: boolean;
}

/** Relative imports of each source file (static, re-exports and dynamic `import()`), resolved to files. */
const imports = new Map<string, Import[]>(
  sources(src).map((file) => {
    const text = readFileSync(file, 'utf8');
    const found: Import[] = [];
    for (const match of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)) {
      const to = resolveImport(file, match[3]!);
      if (to) found.push({ to, typeOnly: Boolean(match[2]), dynamic: false });
    }
    for (const match of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)) {
      const to = resolveImport(file, match[1]!);
      if (to) found.push({ to, typeOnly: false, dynamic: true });
    }
    return [file, found];
  }),
);

const folderOf = (file: string) => {
  const relative = path.relative(src, file);
  return relative.includes(path.sep) ? relative.split(path.sep)[0]! : '(entry)';
};
const name = (file: string) => path.relative(src, file);

/** What each folder may import besides itself (DESIGN.md, "Layout"). Entries at the top import anything. */
const ALLOWED: Record<string, (to: string, typeOnly: boolean) => boolean> = {
  core: () => false,
  api: (to) => folderOf(to) === 'core',
  memory: (to) => ['core', 'api'].includes(folderOf(to)),
  mock: (to) => ['core', 'api', 'memory'].includes(folderOf(to)),
  testing: (to) => ['core', 'api'].includes(folderOf(to)),
  // Hooks speak to adapters through their interface; the export engine is theirs to load on first use.
  hooks: (to) => folderOf(to) === 'core' || (folderOf(to) === 'api' && !name(to).startsWith(`api${path.sep}http`)),
  // The render layer: the adapter's interface as a type and the typed errors it shows, never an implementation.
  components: (to, typeOnly) =>
    ['core', 'hooks'].includes(folderOf(to)) || name(to) === path.join('api', 'errors.ts') || (typeOnly && folderOf(to) === 'api'),
  server: (to, typeOnly) => folderOf(to) === 'core' || (typeOnly && folderOf(to) === 'api'),
};

describe('import direction', () => {
  it('every folder imports only what the layout allows', () => {
    const wrong: string[] = [];
    for (const [file, list] of imports) {
      const folder = folderOf(file);
      const allowed = ALLOWED[folder];
      if (!allowed) continue;
      for (const { to, typeOnly } of list) if (folderOf(to) !== folder && !allowed(to, typeOnly)) wrong.push(`${name(file)} → ${name(to)}`);
    }
    expect(wrong).toEqual([]);
    // The check sees the code: the render layer does import hooks and core.
    expect([...imports].some(([file, list]) => folderOf(file) === 'components' && list.some((i) => folderOf(i.to) === 'hooks'))).toBe(true);
  });

  it('no module imports itself again through others (type-only imports aside)', () => {
    // A depth-first walk over static value imports: reaching a file still on the walk's path closes a circle,
    // where one module can run before another it needs. An `import()` runs later (the dialects' catalog loads a
    // dialect that reads its capabilities from the catalog), so it closes no circle.
    const done = new Set<string>();
    const path: string[] = [];
    const circles: string[][] = [];
    const walk = (file: string) => {
      path.push(file);
      for (const { to, typeOnly, dynamic } of imports.get(file) ?? []) {
        if (typeOnly || dynamic || done.has(to)) continue;
        if (path.includes(to)) circles.push(path.slice(path.indexOf(to)).map(name));
        else walk(to);
      }
      path.pop();
      done.add(file);
    };
    for (const file of imports.keys()) if (!done.has(file)) walk(file);
    expect(circles).toEqual([]);
    expect(imports.size).toBeGreaterThan(100);
  });
});
