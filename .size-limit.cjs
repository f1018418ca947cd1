// Size budgets, checked by `npm test` (sizes are exact, unlike timings). Gzipped, minified by esbuild.
/* global module, require */
const deps = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@tanstack/react-query',
  '@tanstack/react-table',
  '@tanstack/react-virtual',
  'react-hook-form',
  '@hookform/resolvers',
  'zod',
  'zod/mini',
];

// Our modules as a host's bundler sees them in the package (side-effect free but for CSS).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config
const { pureSource } = require('./bench/size/pureSource.cjs');

module.exports = [
  {
    name: 'A page with <AuditLogs /> and createHttpAdapter (React 19, React Query and all dependencies)',
    path: 'bench/size/page.tsx',
    gzip: true,
    // size-limit always leaves the package's peer dependencies (React, React DOM, React Query) out of a bundle;
    // here they go back in, built for production, as the host's page ships them.
    // Every part is counted here, those that load on first use too (one file, no splitting); the first load
    // alone is bench/size/firstLoad.mjs's budget.
    modifyEsbuildConfig: (config) => ({
      ...config,
      external: [],
      define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
      plugins: [...(config.plugins ?? []), pureSource],
    }),
    limit: '182 KiB',
  },
  {
    name: "The library's own code in that page (dependencies excluded)",
    path: 'bench/size/page.tsx',
    ignore: deps,
    gzip: true,
    modifyEsbuildConfig: (config) => ({ ...config, plugins: [...(config.plugins ?? []), pureSource] }),
    // 30 KiB when the groundwork landed (28.8 KiB); the delete flow, the dialects' metadata readers, the
    // Columns menu, the Add field dialog and export grew it on purpose (41.8 KiB); then the keyboard grid,
    // the histogram's axes and stacking, search highlighting, cards for narrow containers and every string
    // through messages (45.7 KiB). A page names its dialect by string, so all four dialects are in it.
    // Then the hostile-data round (45.7 → 48.6 KiB): the query caps, Frontegg's metadata as Frontegg sends it,
    // the CSV export's type check, histogram bucket caps, the error boundaries, per-tenant tokens; then a
    // dialect's declared query support, the folded export button and shared spare width (49.5 KiB); then the
    // parts and their instance state (50.3 KiB); then every part on its own, one instance state for them all,
    // and the loaders of the parts that load on first use (51.8 KiB); then the dialects other than native by
    // name on first use (53.1 KiB: one file with no splitting wraps each module loaded by import() in a lazy
    // initializer, which counts here; a host's bundler splits them into files instead). Then the checkers that
    // read events, queries, data structures and the native answers without zod (63.2 KiB, against 12 KiB of
    // zod that leaves the first load). Then the histogram and the time range panel load beside the stats and on
    // first use (63.7 KiB: the loaders and the chart's frame while it loads, against 1.3 KiB of first load).
    // Then a fast scroll's jumps asking for pages at most every 100 ms (63.9 KiB).
    limit: '64 KiB',
  },
];
