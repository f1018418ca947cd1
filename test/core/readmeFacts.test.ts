// @vitest-environment node
/** Facts README states that the repository can check: budgets, build outputs, entry points, the command. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; bin: Record<string, string> };

describe('README', () => {
  it('states the size budgets .size-limit.cjs enforces', () => {
    const limits = (createRequire(import.meta.url)(path.join(root, '.size-limit.cjs')) as { limit: string }[]).map((l) => l.limit.replace(' KiB', ''));
    const source = readFileSync(path.join(root, 'bench/size/firstLoad.mjs'), 'utf8');
    const vite = /const VITE_LIMIT_KIB = ([\d.]+);/.exec(source)![1];
    const esbuild = /const ESBUILD_LIMIT_KIB = ([\d.]+);/.exec(source)![1];
    expect(readme.replace(/\s+/g, ' ')).toContain(
      `\`npm test\` fails when the page passes ${limits[0]} KiB or the library's code ${limits[1]} KiB, and when the first load passes ${vite} KiB built by Vite or ${esbuild} KiB built by esbuild.`,
    );
  });

  it('lists every entry the build writes, every export and the command', () => {
    const config = readFileSync(path.join(root, 'vite.config.ts'), 'utf8');
    const entries = [...config.matchAll(/'?([\w-]+)'?: 'src\/[\w/]+\.ts'/g)].map((m) => `${m[1]}.js`);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const entry of entries) expect(readme, entry).toContain(`\`${entry}\``);
    for (const subpath of Object.keys(pkg.exports).filter((s) => s !== '.' && s !== './package.json')) {
      expect(readme, subpath).toContain(`react-audit-logs/${subpath.slice(2)}`);
    }
    for (const command of Object.keys(pkg.bin)) expect(readme).toContain(`npx ${command}`);
  });
});
