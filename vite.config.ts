import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };
import { chromiumBrowser } from './test/browserConfig.ts';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** Ships the one plain stylesheet as dist/styles.css, untouched (no CSS is imported from TypeScript), and the server's SQL. */
function stylesheet(): Plugin {
  return {
    name: 'react-audit-logs:stylesheet',
    apply: 'build',
    async generateBundle() {
      const source = await readFile(path.join(dirname, 'src/styles/audit-logs.css'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'styles.css', source });
      // Types for `import 'react-audit-logs/styles.css'`: TypeScript 6 checks side-effect imports (TS2882).
      const types = await readFile(path.join(dirname, 'src/styles/styles.css.d.ts'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'styles.css.d.ts', source: types });
      // The server's schema as SQL, for hosts that run it themselves (`migrate: false`).
      for (const db of ['postgres', 'clickhouse']) {
        const sql = await readFile(path.join(dirname, `src/server/schema/${db}.sql`), 'utf8');
        this.emitFile({ type: 'asset', fileName: `server/${db}.sql`, source: sql });
      }
    },
  };
}

const externals = [
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...Object.keys((pkg as { dependencies?: Record<string, string> }).dependencies ?? {}),
];
const isExternal = (id: string): boolean =>
  externals.some((name) => id === name || id.startsWith(`${name}/`)) || id.startsWith('react/') || id.startsWith('node:');

/** Modules React renders from in the browser: what a React Server Components host must treat as client code. */
const clientDirs = ['components', 'hooks'].map((dir) => `${path.join(dirname, 'src', dir)}${path.sep}`);
const isClientModule = (id: string | null): boolean => Boolean(id && clientDirs.some((dir) => id.startsWith(dir)));

export default defineConfig({
  plugins: [react(), stylesheet()],
  // Browser tests: optimize these up front, or a late discovery reloads Vite mid-run (and loads React twice).
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-dev-runtime',
      '@tanstack/react-query',
      '@tanstack/react-table',
      '@tanstack/react-virtual',
      '@testing-library/react',
      'axe-core',
      'zod/mini',
      'react-hook-form',
      '@hookform/resolvers/zod',
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        export: 'src/export.ts',
        mock: 'src/mock/index.ts',
        'mock-server': 'src/mock/server/node.ts',
        'mock-server-bin': 'src/mock/server/bin.ts',
        testing: 'src/testing/index.ts',
        server: 'src/server/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        // One file per source module, so "use client" can mark exactly the modules that need the client
        // (components and hooks: context, state, effects). Pure helpers (query parsing and URLs, severity,
        // events, adapters) stay plain modules that server code can call; the Node mock server and the
        // test suite are never client code.
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        banner: (chunk) =>
          isClientModule(chunk.facadeModuleId) ? "'use client';" : chunk.name === 'mock-server-bin' ? '#!/usr/bin/env node' : '',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          // The unit tests share the machine with the browser tests: a file's first test also loads its modules
          // (a dialect, fast-check), which took 3.7 s on a loaded run and 6 s once. A limit on hangs, not a timing.
          testTimeout: 20_000,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/browser/**', 'test/components/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // Component tests run in Chromium too: real layout, <dialog>, focus and colours.
          include: ['test/browser/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}'],
          setupFiles: ['test/browser/asyncTimeout.ts'],
          browser: chromiumBrowser(),
        },
      },
      {
        extends: true,
        test: {
          name: 'types',
          // Type tests of the public API (`expectTypeOf`), checked by the compiler, never run.
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          // A file's first story also waits for Storybook's modules to load and optimize: 16.8 s once on a loaded
          // run (its later stories took 1–8 s). A limit on hangs, not a timing.
          testTimeout: 30_000,
          browser: chromiumBrowser(),
        },
      },
    ],
  },
});
