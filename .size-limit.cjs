// Size budgets, checked by `npm test` (sizes are exact, unlike timings). Gzipped, minified by esbuild.
/* global module */
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
];

module.exports = [
  {
    name: 'A page with <AuditLogs /> and createHttpAdapter (React 19, React Query and all dependencies)',
    path: 'bench/size/page.tsx',
    gzip: true,
    limit: '157 KiB',
  },
  {
    name: "The library's own code (main entry, dependencies excluded)",
    path: 'src/index.ts',
    import: '*',
    ignore: deps,
    gzip: true,
    limit: '36 KiB',
  },
];
