import * as z from 'zod/mini';
import { defaultDataStructure, parseDataStructure, type DataStructure, type FieldDefinitionInput } from '../../core/fields.js';
import type { AdapterCapabilities, AuditLogsAdapter, EventRequest, ListEventsRequest } from '../adapter.js';
import { AuditApiError } from '../errors.js';
import type { HttpRequest } from './client.js';
import { readOne, readRows, type Dialect } from './dialects/shared.js';

/** A request to send: a path under `baseUrl`, and optionally a method, query, headers and JSON body. */
export interface DialectRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: URLSearchParams | Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** What a page of your server's list answer holds. */
export interface DialectPage {
  rows: unknown[];
  /** All matching events, when the server says. */
  total?: number;
  /** The next page's cursor; `null` at the end (cursor paging). */
  nextCursor?: string | null;
}

/** Everything that makes your server's protocol yours; the client does the rest (auth, retries, errors, checks). */
export interface DialectDefinition {
  /** Names the protocol in error messages. */
  name: string;
  /** What the server can do. @default offset paging with totals and search, nothing else */
  capabilities?: Partial<AdapterCapabilities>;
  /** The request for one page of a query (`request.page` is offset or cursor, per `capabilities.paging`). */
  list(request: ListEventsRequest, now: number): DialectRequest;
  /** Reads the list's answer (parsed JSON). Throw (any error) when it is not a page: it becomes an invalid-response error. */
  readPage(body: unknown, request: ListEventsRequest): DialectPage;
  /** One row of the server's as an event input (`AuditEventInput` shape); the result is validated. */
  readEvent(row: Record<string, unknown>): unknown;
  /** The request for one event. @default found with `list`, filtered by `id` */
  get?(request: EventRequest): DialectRequest;
  /** The event row in `get`'s answer. @default the answer itself */
  readOne?(body: unknown): unknown;
  /** The request that deletes an event (`capabilities.delete` follows). */
  delete?(request: EventRequest): DialectRequest;
  /** The fields: built-in ones by default; add your custom ones. */
  fields?: readonly FieldDefinitionInput[];
}

function toHttp(spec: DialectRequest, signal: AbortSignal | undefined): HttpRequest {
  let query: URLSearchParams | undefined;
  if (spec.query instanceof URLSearchParams) query = spec.query;
  else if (spec.query) {
    query = new URLSearchParams();
    for (const [key, value] of Object.entries(spec.query)) if (value !== undefined) query.set(key, String(value));
  }
  return { method: spec.method ?? 'GET', path: spec.path, query, headers: spec.headers, body: spec.body, signal };
}

/**
 * A dialect for a server that is "almost" one of ours: how to ask for a page and an event, and how to
 * read them. Pass it as `createHttpAdapter({ dialect: defineDialect({...}) })`.
 */
export function defineDialect(definition: DialectDefinition): Dialect {
  const dataStructure: DataStructure = defaultDataStructure(definition.fields ?? []);
  const capabilities: AdapterCapabilities = {
    paging: 'offset',
    total: true,
    search: true,
    stats: false,
    editDataStructure: false,
    serverExport: false,
    create: false,
    delete: Boolean(definition.delete),
    ...definition.capabilities,
  };
  const read = <T>(what: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof AuditApiError) throw error;
      throw new AuditApiError('invalid-response', `${definition.name}: ${what} could not be read: ${String(error)}`, { cause: error });
    }
  };
  return {
    capabilities,
    create: (client) => {
      const list: AuditLogsAdapter['list'] = async (request, options) => {
        const body = await client.json(toHttp(definition.list(request, client.now()), options?.signal), z.unknown());
        const page = read('the list', () => definition.readPage(body, request));
        const { events, skipped } = readRows(page.rows, definition.readEvent, request.tenantId);
        return {
          events,
          ...(page.total !== undefined && { total: page.total }),
          ...(request.page.type === 'offset' ? { offset: request.page.offset } : { nextCursor: page.nextCursor ?? null }),
          ...(skipped.length && { skipped }),
        };
      };
      return {
        list,
        async get(request, options) {
          if (definition.get) {
            const body = await client.json(toHttp(definition.get(request), options?.signal), z.unknown());
            const row = read('the event', () => (definition.readOne ? definition.readOne(body) : body));
            return readOne(row, definition.readEvent, request.tenantId, definition.name);
          }
          const query = { filters: [{ field: 'id', op: 'eq' as const, value: request.id }] };
          const page = capabilities.paging === 'cursor' ? ({ type: 'cursor', cursor: null, limit: 1 } as const) : ({ type: 'offset', offset: 0, limit: 1 } as const);
          const listed = await list({ tenantId: request.tenantId, query, page }, options);
          const found = listed.events.find((e) => e.id === request.id);
          if (!found) throw new AuditApiError('not-found', `No audit event with id "${request.id}".`, { status: 404 });
          return found;
        },
        async getDataStructure() {
          return parseDataStructure(structuredClone(dataStructure));
        },
        ...(definition.delete && {
          async delete(request, options) {
            await client.send(toHttp(definition.delete!(request), options?.signal));
          },
        }),
      };
    },
  };
}
