/**
 * What each named dialect can do, without its code: `createHttpAdapter` answers `capabilities` at once and loads
 * a dialect other than `native` on its first request, so a page pays only for the protocol it speaks.
 * `test/api/dialectCatalog.test.ts` checks these against each dialect.
 */
import type { AdapterCapabilities, AuditLogsAdapter } from '../../adapter.js';
import type { Dialect } from './shared.js';

export const FRONTEGG_CAPABILITIES: AdapterCapabilities = {
  paging: 'offset',
  total: true,
  search: true,
  stats: false,
  editDataStructure: false,
  serverExport: true,
  create: true,
  delete: false,
  filterOperators: ['eq', 'in'],
};

export const FSH_CAPABILITIES: AdapterCapabilities = {
  paging: 'offset',
  total: true,
  search: true,
  // Counts by severity from /summary (for a window; no histogram).
  stats: true,
  editDataStructure: false,
  serverExport: false,
  create: false,
  delete: false,
  maxPageSize: 100,
  filterOperators: ['eq', 'in', 'before', 'after', 'between'],
  severitySelection: 'one',
};

export const LOGGING_CAPABILITIES: AdapterCapabilities = {
  paging: 'cursor',
  total: false,
  search: true,
  stats: false,
  editDataStructure: false,
  serverExport: false,
  create: false,
  delete: true,
  maxPageSize: 500,
  filterOperators: ['eq', 'in'],
};

/** The methods a dialect's adapter has (beyond `capabilities`), which the adapter must offer before it loads. */
export type DialectMethod = Exclude<keyof AuditLogsAdapter, 'capabilities'>;

export const LAZY_DIALECTS = {
  frontegg: {
    capabilities: FRONTEGG_CAPABILITIES,
    methods: ['list', 'get', 'getDataStructure', 'activity', 'exportCsv', 'create'],
    load: () => import('./frontegg.js').then((m) => m.fronteggDialect),
  },
  fsh: {
    capabilities: FSH_CAPABILITIES,
    methods: ['list', 'get', 'getDataStructure', 'stats', 'related'],
    load: () => import('./fsh.js').then((m) => m.fshDialect),
  },
  logging: {
    capabilities: LOGGING_CAPABILITIES,
    methods: ['list', 'get', 'getDataStructure', 'delete'],
    load: () => import('./logging.js').then((m) => m.loggingDialect),
  },
} satisfies Record<string, { capabilities: AdapterCapabilities; methods: readonly DialectMethod[]; load: () => Promise<Dialect> }>;
