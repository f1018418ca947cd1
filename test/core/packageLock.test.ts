// @vitest-environment node
/** `npm install` must not rewrite the committed lockfile: its root entry says what package.json says. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

describe('package-lock.json', () => {
  it('is in sync with package.json (dependencies, peers and their meta, engines, bin)', () => {
    const pkg = read('package.json');
    const lock = (read('package-lock.json').packages as Record<string, Record<string, unknown>>)[''] ?? {};
    for (const key of ['name', 'version', 'license', 'dependencies', 'devDependencies', 'peerDependencies', 'peerDependenciesMeta', 'engines', 'bin']) {
      const want = key === 'bin' && pkg.bin ? Object.fromEntries(Object.entries(pkg.bin as Record<string, string>).map(([k, v]) => [k, v.replace(/^\.\//, '')])) : pkg[key];
      expect(lock[key], key).toEqual(want);
    }
  });
});
