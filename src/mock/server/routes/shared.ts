import type { MockAdapter } from '../../createMockAdapter.js';
import type { AuditQuery, AuditSort, FieldFilter } from '../../../core/query.js';
import { badRequest } from '../http.js';

export interface RouteContext {
  request: Request;
  url: URL;
  backend: MockAdapter;
  /** The scopes the caller's token holds (`audit:read`, `audit:write`). */
  scopes: readonly string[];
  /** The server's clock (epoch ms). */
  now: () => number;
}

type Route = (ctx: RouteContext, match: RegExpMatchArray) => Promise<Response>;
export type RouteTable = [method: string, path: RegExp, route: Route][];

export const int = (value: string | null, name: string, fallback: number): number => {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) badRequest(`"${name}" must be a whole number, not "${value}".`);
  return n;
};

/** Wraps an event page in the envelope each dialect uses. */
export async function listAll(ctx: RouteContext, tenantId: string, query: AuditQuery, offset: number, limit: number) {
  return ctx.backend.list({ tenantId, query, page: { type: 'offset', offset, limit } });
}

/** Per-field parameters (exact matches) as filters: several values of one field mean any of them. */
export function fieldParams(params: URLSearchParams, reserved: Set<string>, fieldOf: (key: string) => string, convert = (_k: string, v: string): string | number => v): FieldFilter[] {
  const filters: FieldFilter[] = [];
  for (const key of new Set(params.keys())) {
    if (reserved.has(key)) continue;
    const values = params.getAll(key).map((v) => convert(key, v));
    const field = fieldOf(key);
    filters.push(values.length === 1 ? { field, op: 'eq', value: values[0]! } : { field, op: 'in', value: values });
  }
  return filters;
}

export function sortOf(field: string | null, direction: string | null, fieldOf: (key: string) => string): AuditSort | undefined {
  if (!field) return undefined;
  if (direction !== null && direction !== 'asc' && direction !== 'desc') badRequest(`Sort direction must be asc or desc, not "${direction}".`);
  return { field: fieldOf(field), direction: (direction as 'asc' | 'desc' | null) ?? 'desc' };
}

