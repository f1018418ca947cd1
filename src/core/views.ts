/**
 * Saved views: a named query, time range, column layout and histogram state a user opens again. Personal ones
 * are their owner's; tenant ones everyone in the tenant sees. Pure: no storage, no React.
 */
import { parseColumnLayout, type ColumnLayout } from './columnLayout.js';
import { compactQuery, type AuditQuery } from './query.js';
import { isObject } from './check.js';

/** The format of a view's state this version writes. A view from a newer one opens what it can. */
export const VIEW_SCHEMA_VERSION = 1;
/** The longest name a view may have. */
export const VIEW_NAME_MAX = 128;

/** What a view holds. A relative time range (`{ preset: '24h' }`) stays relative; from/to stay absolute. */
export interface ViewState {
  query: AuditQuery;
  /** The column layout (visibility, order, widths, pins). */
  columns?: ColumnLayout;
  /** Whether the histogram is open. @default true */
  histogram?: boolean;
  /** Parts written by a newer version, kept as they are. */
  [unknown: string]: unknown;
}

/** Who sees a view: its owner only, or everyone in the tenant. */
export type ViewScope = 'personal' | 'tenant';

/** What a user saves. */
export interface SavedViewInput {
  /** Unique per scope in any letter case; at most 128 characters. */
  name: string;
  scope: ViewScope;
  state: ViewState;
  /** It opens by default for this user. */
  defaultForMe?: boolean;
  /** It opens by default for everyone in the tenant who has no default of their own (tenant views). */
  defaultForTenant?: boolean;
}

/** A view as its store holds it. */
export interface SavedView extends SavedViewInput {
  id: string;
  /** The version the store holds: an update names the one it read, and a stale one is refused. */
  version: string;
  /** The format of `state` (1 here); a larger one was saved by a newer version. */
  schemaVersion: number;
  /** Who owns a personal view. */
  ownerId?: string;
  updatedAt?: string;
  updatedBy?: string;
}

/** A change to a saved view: only what is named changes. */
export type SavedViewChanges = Partial<SavedViewInput>;

/** What a view would hold for the viewer's state now. */
export function viewStateOf(query: AuditQuery, columns: ColumnLayout | undefined, histogram: boolean): ViewState {
  return { query: compactQuery(query), ...(columns && { columns }), histogram };
}

/** The parts of a saved state this version reads; the rest stays in `state` untouched. */
export function readViewState(state: unknown): { query: AuditQuery; columns: ColumnLayout | undefined; histogram: boolean } {
  const record = state && typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
  const query = record.query && typeof record.query === 'object' && !Array.isArray(record.query) ? (record.query as AuditQuery) : {};
  const columns = record.columns === undefined ? undefined : parseColumnLayout(JSON.stringify(record.columns));
  return { query, columns, histogram: record.histogram !== false };
}

/** The same query, whatever order its keys came in, for telling a changed view from its saved one. */
export function queryKey(query: AuditQuery): string {
  const q = compactQuery(query);
  return JSON.stringify([q.search, q.severities, q.timeRange && ('preset' in q.timeRange ? q.timeRange.preset : [q.timeRange.from, q.timeRange.to]), q.filters?.map((f) => [f.field, f.op, f.value]), q.sort && [q.sort.field, q.sort.direction]]);
}

/** Why a name cannot be saved (`required`, `tooLong`, `taken`), or nothing. */
export function viewNameProblem(
  name: string,
  scope: ViewScope,
  views: readonly SavedView[],
  exceptId?: string,
): 'required' | 'tooLong' | 'taken' | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'required';
  if (trimmed.length > VIEW_NAME_MAX) return 'tooLong';
  const lower = trimmed.toLocaleLowerCase();
  return views.some((v) => v.id !== exceptId && v.scope === scope && v.name.trim().toLocaleLowerCase() === lower) ? 'taken' : undefined;
}

/** The view that opens by itself: the user's default, else the tenant's, else none (the built-in view). */
export function defaultView(views: readonly SavedView[]): SavedView | undefined {
  return views.find((v) => v.defaultForMe) ?? views.find((v) => v.scope === 'tenant' && v.defaultForTenant);
}

/** Columns a view names that the fields no longer have. */
export function missingColumns(state: unknown, fields: readonly { name: string }[]): string[] {
  const { columns } = readViewState(state);
  if (!columns) return [];
  const names = new Set(fields.map((f) => f.name));
  const named = [
    ...(columns.order ?? []),
    ...Object.keys(columns.visibility ?? {}).filter((n) => columns.visibility?.[n]),
    ...(columns.pinned?.start ?? []),
    ...(columns.pinned?.end ?? []),
  ];
  return [...new Set(named.filter((n) => !names.has(n) && columns.visibility?.[n] !== false))];
}

/**
 * A view as a store sent it, or the reason it cannot be one. Lenient where it can be: unknown parts of its state
 * are kept, a missing schema version is 1, a missing version is the update time or "1".
 */
export function parseSavedView(value: unknown): SavedView | string {
  if (!isObject(value)) return 'a view must be an object';
  const { id, name, scope, state } = value;
  if (typeof id !== 'string' || !id) return 'a view needs an id';
  if (typeof name !== 'string' || !name.trim()) return `view ${id} needs a name`;
  if (scope !== 'personal' && scope !== 'tenant') return `view ${id} has no scope (personal or tenant)`;
  if (!isObject(state)) return `view ${id} has no state`;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const version = text(value.version) ?? (typeof value.version === 'number' ? String(value.version) : undefined) ?? text(value.updatedAt) ?? '1';
  return {
    id,
    name: name.slice(0, VIEW_NAME_MAX * 4),
    scope,
    state: state as ViewState,
    version,
    schemaVersion: typeof value.schemaVersion === 'number' && Number.isFinite(value.schemaVersion) ? value.schemaVersion : VIEW_SCHEMA_VERSION,
    ...(value.defaultForMe === true && { defaultForMe: true }),
    ...(value.defaultForTenant === true && scope === 'tenant' && { defaultForTenant: true }),
    ...(text(value.ownerId) && { ownerId: text(value.ownerId) }),
    ...(text(value.updatedAt) && { updatedAt: text(value.updatedAt) }),
    ...(text(value.updatedBy) && { updatedBy: text(value.updatedBy) }),
  };
}

/** Every view that could be read from a list, and what could not. */
export function parseSavedViews(list: unknown): { views: SavedView[]; issues: string[] } {
  const views: SavedView[] = [];
  const issues: string[] = [];
  const items = Array.isArray(list) ? list : isObject(list) && Array.isArray(list.views) ? list.views : null;
  if (!items) return { views, issues: ['the views are not a list'] };
  for (const item of items) {
    const view = parseSavedView(item);
    if (typeof view === 'string') issues.push(view);
    else views.push(view);
  }
  return { views, issues };
}

/** What is wrong with a view body a server received (`whole`: a new view, every part required). */
export function viewBodyIssues(body: unknown, whole: boolean): string[] {
  if (!isObject(body)) return ['(body): must be a JSON object'];
  const { name, scope, state, defaultForMe, defaultForTenant } = body;
  const issues: string[] = [];
  if ((whole || name !== undefined) && typeof name !== 'string') issues.push('name: must be a string');
  if ((whole || scope !== undefined) && scope !== 'personal' && scope !== 'tenant') issues.push('scope: must be "personal" or "tenant"');
  if ((whole || state !== undefined) && !isObject(state)) issues.push('state: must be an object');
  if (defaultForMe !== undefined && typeof defaultForMe !== 'boolean') issues.push('defaultForMe: must be true or false');
  if (defaultForTenant !== undefined && typeof defaultForTenant !== 'boolean') issues.push('defaultForTenant: must be true or false');
  return issues;
}
