import { array, boolean, int, literal, minimum, nullable, number, object, optional, orElse, positive, reader, record, string, unknown, anyBody, type Checker } from '../../../core/check.js';
import { auditEventChecker } from '../../../core/event.js';
import { parseDataStructure } from '../../../core/fields.js';
import type { AuditStats } from '../../../core/page.js';
import { SEVERITY_LEVELS, type SeverityLevel } from '../../../core/severity.js';
import { queryToSearchParams } from '../../../core/queryUrl.js';
import { AuditApiError } from '../../errors.js';
import { csvBody, enc, readOne, readRows, rows, type Dialect } from './shared.js';
import { capHistogram, clampBuckets } from '../../../core/histogramCap.js';
import { nativeViews } from './nativeViews.js';

/** Our own REST protocol (docs/protocol.md): everything the component can do. Tenant in `X-Tenant-Id`. */
export const TENANT_HEADER = 'x-tenant-id';

const count = int(minimum(0));
const pageChecker = object({
  events: rows,
  total: optional(count),
  offset: optional(count),
  nextCursor: optional(nullable(string())),
  // The server answered before counting every match: the total comes with the stats.
  counting: optional(boolean),
});
/** Counts by severity level: only levels we know, each a count. */
const levelCounts: Checker<Partial<Record<SeverityLevel, number>>> = (value, path, issues) => {
  const counts = record(count)(value, path, issues);
  for (const key of Object.keys(counts)) literal(SEVERITY_LEVELS)(key, [...path, key], issues);
  return counts;
};
const statsChecker: Checker<AuditStats> = object({
  total: count,
  bySeverity: array(object({ label: string(), rank: number(), count })),
  histogram: object({
    bucketMs: number(positive),
    buckets: array(
      object({
        start: string(),
        end: string(),
        count,
        // Optional: counts by severity level (the chart stacks by them). One that cannot be read is dropped
        // (the bar is drawn whole), never a reason to lose the histogram.
        bySeverity: orElse(optional(levelCounts), undefined),
      }),
    ),
  }),
});
const fieldsChecker = object({ fields: array(unknown) });
/** The readers of the answers that have a shape of their own (tests hold them to the protocol's schemas). */
export const nativeReaders = { page: pageChecker, stats: statsChecker };
const readPage = reader(pageChecker);
const readStats = reader(statsChecker);
const readFields = reader(fieldsChecker);
const readEvent = reader(auditEventChecker);
const asInput = (row: Record<string, unknown>) => row;

export const nativeDialect: Dialect = {
  capabilities: {
    paging: 'both',
    total: true,
    search: true,
    stats: true,
    editDataStructure: true,
    serverExport: true,
    create: true,
    delete: true,
    views: true,
  },
  create: (client) => {
    const tenant = (tenantId: string) => ({ [TENANT_HEADER]: tenantId });
    const dataStructure = (body: unknown, what: string) => {
      try {
        return parseDataStructure(body);
      } catch (error) {
        throw new AuditApiError('invalid-response', `${what} answered with a data structure that could not be read: ${String(error)}`);
      }
    };
    return {
      ...nativeViews(client),
      async list({ tenantId, query, page }, options) {
        const params = queryToSearchParams(query);
        params.set('limit', String(page.limit));
        if (page.type === 'offset') params.set('offset', String(page.offset));
        else if (page.cursor) params.set('cursor', page.cursor);
        const body = await client.json(
          { path: '/events', query: params, headers: tenant(tenantId), signal: options?.signal },
          readPage,
        );
        const { events, skipped } = readRows(body.events, asInput, tenantId);
        return {
          events,
          ...(body.total !== undefined ? { total: body.total } : body.counting && page.type === 'offset' && { counting: true }),
          ...(page.type === 'offset' ? { offset: page.offset } : { nextCursor: body.nextCursor ?? null }),
          ...(skipped.length && { skipped }),
        };
      },
      async get({ tenantId, id }, options) {
        const body = await client.json(
          { path: `/events/${enc(id)}`, headers: tenant(tenantId), signal: options?.signal },
          anyBody,
        );
        return readOne(body, asInput, tenantId, `GET /events/${id}`);
      },
      async stats({ tenantId, query, maxBuckets }, options) {
        const params = queryToSearchParams(query);
        if (maxBuckets) params.set('buckets', String(clampBuckets(maxBuckets)));
        const stats = await client.json({ path: '/stats', query: params, headers: tenant(tenantId), signal: options?.signal }, readStats);
        // However many buckets the server sends, the chart gets at most what it asked for (neighbours merged).
        return { ...stats, histogram: capHistogram(stats.histogram, clampBuckets(maxBuckets)) };
      },
      async getDataStructure({ tenantId }, options) {
        const body = await client.json({ path: '/data-structure', headers: tenant(tenantId), signal: options?.signal }, readFields);
        return dataStructure(body, 'GET /data-structure');
      },
      async saveDataStructure({ tenantId, dataStructure: ds }, options) {
        const body = await client.json(
          { method: 'PUT', path: '/data-structure', body: ds, headers: tenant(tenantId), signal: options?.signal },
          readFields,
        );
        return dataStructure(body, 'PUT /data-structure');
      },
      async exportCsv({ tenantId, query, columns }, options) {
        const response = await client.send({
          method: 'POST',
          path: '/events/export',
          body: { query, columns },
          headers: { ...tenant(tenantId), accept: 'text/csv' },
          signal: options?.signal,
          idempotent: true,
        });
        return csvBody(response, 'POST /events/export');
      },
      async create({ tenantId, event }, options) {
        const body = await client.json(
          { method: 'POST', path: '/events', body: event, headers: tenant(tenantId), signal: options?.signal },
          readEvent,
        );
        return readOne(body, asInput, tenantId, 'POST /events');
      },
      async delete({ tenantId, id }, options) {
        await client.send({ method: 'DELETE', path: `/events/${enc(id)}`, headers: tenant(tenantId), signal: options?.signal });
      },
    };
  },
};
