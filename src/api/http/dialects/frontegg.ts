import * as z from 'zod/mini';
import type { AuditEvent } from '../../../core/event.js';
import { BUILT_IN_FIELDS, parseDataStructure, type FieldDefinition, type FieldType } from '../../../core/fields.js';
import { resolveTimeRange, type AuditQuery } from '../../../core/query.js';
import type { PageRequest } from '../../../core/page.js';
import { own, setOwn } from '../../../core/own.js';
import { AuditApiError } from '../../errors.js';
import { csvBody, readOne, readRows, unsupported, type Dialect } from './shared.js';
import { FRONTEGG_CAPABILITIES } from './catalog.js';
import { isObject } from '../../../core/check.js';

/** Frontegg's audits API as its admin portal uses it. Tenant in `frontegg-tenant-id`. */
const FRONTEGG_TENANT_HEADER = 'frontegg-tenant-id';

/** Our field names ↔ Frontegg's row keys. */
const KEYS: Record<string, string> = {
  id: '_id',
  timestamp: 'createdAt',
  'actor.name': 'user',
  'actor.email': 'email',
  action: 'action',
  resource: 'resource',
  severity: 'severity',
  ip: 'ip',
  userAgent: 'userAgent',
  payload: 'json',
};
const FIELD_OF_KEY = Object.fromEntries(Object.entries(KEYS).map(([f, k]) => [k, f]));
/** Keys of Frontegg's stored rows that are bookkeeping, not fields (`AuditRowData` in `@frontegg/rest-api`). */
const ROW_KEYS = new Set([...Object.values(KEYS), 'tenantId', 'vendorId', 'updatedAt', '__v', 'time', 'id']);

/** A row as Frontegg takes it (for `POST /audits/`). */
function toFronteggRow(e: AuditEvent): Record<string, unknown> {
  return {
    ...e.fields,
    _id: e.id,
    createdAt: e.timestamp,
    tenantId: e.tenantId,
    user: e.actor?.name,
    email: e.actor?.email,
    action: e.action,
    resource: e.resource,
    severity: e.severity,
    ip: e.ip,
    userAgent: e.userAgent,
    json: e.payload,
  };
}

function fromRow(row: Record<string, unknown>): unknown {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (!ROW_KEYS.has(key) && value !== undefined) setOwn(fields, fieldNameOf(key), value);
  return {
    id: row._id ?? row.id,
    timestamp: row.createdAt ?? row.time,
    tenantId: row.tenantId,
    severity: row.severity,
    action: row.action,
    resource: row.resource ?? undefined,
    actor: { name: row.user ?? undefined, email: row.email ?? undefined },
    ip: row.ip ?? undefined,
    userAgent: row.userAgent ?? undefined,
    payload: row.json ?? undefined,
    fields: Object.keys(fields).length ? fields : undefined,
  };
}

/** The query string Frontegg's GET /audits (and its CSV export) understands. */
export function fronteggParams(query: AuditQuery, now: number): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('filter', query.search);
  for (const s of query.severities ?? []) params.append('severity', s);
  const { from, to } = resolveTimeRange(query.timeRange, now);
  if (from !== undefined || to !== undefined) {
    params.set(
      'createdAt',
      JSON.stringify({ ...(from !== undefined && { $gt: new Date(from).toISOString() }), ...(to !== undefined && { $lt: new Date(to).toISOString() }) }),
    );
  }
  for (const filter of query.filters ?? []) {
    const key = own(KEYS, filter.field) ?? filter.field;
    if (filter.op === 'eq' && !Array.isArray(filter.value)) params.append(key, String(filter.value));
    else if (filter.op === 'in' && Array.isArray(filter.value)) for (const v of filter.value) params.append(key, String(v));
    else unsupported('Frontegg audits', `filter "${filter.field}" with "${filter.op}" (it matches field values exactly)`);
  }
  const sort = query.sort;
  if (sort) {
    params.set('sortBy', own(KEYS, sort.field) ?? sort.field);
    params.set('sortDirection', sort.direction);
  }
  return params;
}

const TYPES: Record<string, FieldType> = {
  timestamp: 'datetime',
  email: 'email',
  ipaddress: 'ip',
  ip: 'ip',
  severity: 'severity',
  json: 'json',
  number: 'number',
};

const PropertySchema = z.object({
  name: z.string().check(z.minLength(1)),
  displayName: z.optional(z.string()),
  type: z.optional(z.string()),
  sortable: z.optional(z.boolean()),
  filterable: z.optional(z.boolean()),
  showInTable: z.optional(z.union([z.boolean(), z.string()])),
  showInMoreInfo: z.optional(z.union([z.boolean(), z.string()])),
});
type Property = z.infer<typeof PropertySchema>;

/**
 * `GET /metadata?entityName=audits` as Frontegg answers it: a list of entity metadata under `rows`, the audits
 * entry holding `properties` (`@frontegg/rest-api`'s `getMetadata` returns `rows[0]`; Frontegg's audits UI tests
 * stub this request with `{ rows: auditsMetadata }`). The bare `{ properties }` of one entry is read too.
 */
const MetadataSchema = z.union([
  z.object({ rows: z.array(z.unknown()) }),
  z.object({ properties: z.array(z.unknown()) }),
]);

/**
 * The fields a vendor's log has before the vendor configures any (`{ rows: [] }`): the properties Frontegg's
 * own audit rows carry (`@frontegg/rest-api`'s `AuditRowData` and its demo metadata).
 */
export const FRONTEGG_DEFAULT_PROPERTIES: readonly Property[] = (
  [
    ['createdAt', 'Time', 'Timestamp'],
    ['user', 'User', 'AlphaNumeric'],
    ['email', 'Email', 'Email'],
    ['action', 'Action', 'AlphaNumeric'],
    ['resource', 'Resource', 'AlphaNumeric'],
    ['ip', 'IP Address', 'IpAddress'],
    ['severity', 'Severity', 'Severity'],
    ['userAgent', 'User Agent', 'AlphaNumeric', false],
    ['json', 'Json Data', 'Json', false],
  ] as const
).map(([name, displayName, type, showInTable = true]) => ({ name, displayName, type, showInTable, sortable: type !== 'Json', filterable: type !== 'Json' }));

/** The audits properties of a metadata answer: its `audits` row (or its only row), or the defaults when there is none. */
function metadataProperties(body: z.infer<typeof MetadataSchema>): Property[] {
  let list: unknown[];
  if ('rows' in body) {
    const rows = body.rows.filter(isObject);
    const row = rows.find((r) => r.entityName === 'audits') ?? rows.find((r) => r.entityName === undefined);
    if (!row) return [...FRONTEGG_DEFAULT_PROPERTIES];
    if (!Array.isArray(row.properties)) {
      throw new AuditApiError('invalid-response', 'GET /metadata answered an audits entry without a list of properties.');
    }
    list = row.properties;
  } else list = body.properties;
  // One property that cannot be read is left out; the rest of the structure stands.
  const properties = list.flatMap((p) => {
    const parsed = PropertySchema.safeParse(p);
    return parsed.success ? [parsed.data] : [];
  });
  return properties.length ? properties : [...FRONTEGG_DEFAULT_PROPERTIES];
}

/** Frontegg's severities, lowest first. */
export const FRONTEGG_SEVERITIES = ['Info', 'Medium', 'High', 'Critical', 'Error'];

/** A metadata flag: a boolean, or (as Frontegg sends `showInMoreInfo`) "true"/"false", "Always"/"Never". */
function flag(value: boolean | string | undefined, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value === undefined) return fallback;
  const text = value.trim().toLowerCase();
  return text === 'true' || text === 'always' ? true : text === 'false' || text === 'never' ? false : fallback;
}

/**
 * A vendor's property name as one of our field names: Frontegg allows names ours do not (dots, dashes,
 * a leading digit), so those become letters, digits and `_`. The same mapping reads the row.
 */
export function fieldNameOf(key: string): string {
  const known = own(FIELD_OF_KEY, key);
  if (known) return known;
  const safe = key.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64);
  return /^[A-Za-z]/.test(safe) ? safe : `f_${safe}`.slice(0, 64);
}

/** Frontegg's metadata properties as our data structure (its names mapped to ours, the rest custom). */
function toDataStructure(meta: z.infer<typeof MetadataSchema>) {
  const builtIns = new Map(BUILT_IN_FIELDS.map((f) => [f.name, f]));
  const seen = new Set<string>();
  const properties = metadataProperties(meta).filter((p) => {
    const name = fieldNameOf(p.name);
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
  const fields: FieldDefinition[] = properties.map((p, order) => {
    const name = fieldNameOf(p.name);
    const builtIn = builtIns.get(name);
    return {
      name,
      displayName: p.displayName?.trim() || p.name,
      type: builtIn?.type ?? own(TYPES, (p.type ?? '').toLowerCase()) ?? 'string',
      visible: flag(p.showInTable, true),
      showInDetails: flag(p.showInMoreInfo, true),
      // Frontegg matches values exactly; only equality filters are offered.
      filterable: p.filterable ?? false,
      sortable: p.sortable ?? false,
      custom: !builtIn,
      order,
      ...(builtIn?.width && { width: builtIn.width }),
    };
  });
  const ds = parseDataStructure({ fields });
  // GET /audits filters by severity whatever the metadata says; the filter lists Frontegg's words
  // (there are no counts to take them from).
  const severity = ds.fields.find((f) => f.name === 'severity')!;
  severity.filterable = true;
  // So does the time range (`createdAt={"$gt","$lt"}`).
  ds.fields.find((f) => f.name === 'timestamp')!.filterable = true;
  severity.options ??= FRONTEGG_SEVERITIES;
  return ds;
}

export const FRONTEGG_METADATA_PATH = '/metadata';

export const fronteggDialect: Dialect = {
  capabilities: FRONTEGG_CAPABILITIES,
  create: (client) => {
    const tenant = (tenantId: string) => ({ [FRONTEGG_TENANT_HEADER]: tenantId });
    const offsetOf = (page: PageRequest) => (page.type === 'offset' ? page.offset : unsupported('Frontegg audits', 'page by cursor'));
    return {
      async list({ tenantId, query, page }, options) {
        const params = fronteggParams(query, client.now());
        const offset = offsetOf(page);
        params.set('offset', String(offset));
        params.set('count', String(page.limit));
        const body = await client.json(
          { path: '/audits', query: params, headers: tenant(tenantId), signal: options?.signal },
          z.object({ data: z.array(z.unknown()), total: z.int().check(z.nonnegative()) }),
        );
        const { events, skipped } = readRows(body.data, fromRow, tenantId);
        return { events, total: body.total, offset, ...(skipped.length && { skipped }) };
      },
      async activity({ tenantId }, options) {
        return client.json(
          { path: '/audits/stats', headers: tenant(tenantId), signal: options?.signal },
          z.object({ totalToday: z.optional(z.number()), severeThisWeek: z.optional(z.number()) }),
        );
      },
      async get({ tenantId, id }, options) {
        // Frontegg has no GET by id: ask for the row by its _id.
        const params = new URLSearchParams({ _id: id, offset: '0', count: '1' });
        const body = await client.json(
          { path: '/audits', query: params, headers: tenant(tenantId), signal: options?.signal },
          z.object({ data: z.array(z.unknown()), total: z.number() }),
        );
        if (!body.data.length) throw new AuditApiError('not-found', `No audit event with id "${id}".`, { status: 404 });
        return readOne(body.data[0], fromRow, tenantId, 'GET /audits');
      },
      async getDataStructure({ tenantId }, options) {
        const body = await client.json(
          {
            path: FRONTEGG_METADATA_PATH,
            query: new URLSearchParams({ entityName: 'audits' }),
            headers: tenant(tenantId),
            signal: options?.signal,
          },
          MetadataSchema,
        );
        return toDataStructure(body);
      },
      async exportCsv({ tenantId, query, columns }, options) {
        const response = await client.send({
          method: 'POST',
          path: '/audits/export/csv/v2',
          query: fronteggParams(query, client.now()),
          body: { properties: columns.map((c) => ({ name: own(KEYS, c.name) ?? c.name, displayName: c.displayName })) },
          headers: { ...tenant(tenantId), accept: 'text/csv' },
          signal: options?.signal,
          idempotent: true,
        });
        return csvBody(response, 'POST /audits/export/csv/v2');
      },
      async create({ tenantId, event }, options) {
        // The server assigns the id.
        const { _id: _none, ...row } = toFronteggRow({
          id: '',
          tenantId,
          severityRank: 0,
          severity: 'Info',
          timestamp: new Date().toISOString(),
          ...event,
        } as AuditEvent);
        const body = await client.json(
          {
            method: 'POST',
            path: '/audits/',
            body: row,
            headers: tenant(tenantId),
            signal: options?.signal,
          },
          z.record(z.string(), z.unknown()),
        );
        return readOne(body, fromRow, tenantId, 'POST /audits/');
      },
    };
  },
};
