/**
 * The rules of a tenant's saved views, over a plain snapshot any store can keep (memory, this browser, a
 * host's backend): who sees which view, unique names, one default per user and one for the tenant, and a
 * version on each view so a stale update is refused. Pure: the caller loads and saves the snapshot.
 */
import { own, setOwn } from './own.js';
import { VIEW_SCHEMA_VERSION, viewNameProblem, type SavedView, type SavedViewChanges, type SavedViewInput } from './views.js';

/** A view as a store keeps it (defaults live beside the views). */
export type StoredView = Omit<SavedView, 'defaultForMe' | 'defaultForTenant'>;

/** One tenant's views and defaults, as a store keeps them. */
export interface ViewBookData {
  views: StoredView[];
  /** Each user's default view (user id → view id). */
  userDefaults?: Record<string, string>;
  /** The view that opens for everyone without a default of their own. */
  tenantDefault?: string | null;
}

/** Why a view operation was refused; `kind` as an `AuditApiError`'s. */
export class SavedViewError extends Error {
  override readonly name = 'SavedViewError';
  constructor(
    readonly kind: 'conflict' | 'not-found' | 'bad-request' | 'forbidden',
    message: string,
    /** With a conflict: the view as it is now. */
    readonly current?: SavedView,
  ) {
    super(message);
  }
}

/** The user of a request without one (a single-user page). */
const ANONYMOUS = '';

const userOf = (userId: string | undefined) => userId ?? ANONYMOUS;

/** The views a user sees, with their defaults. */
export function viewsFor(data: ViewBookData, userId: string | undefined): SavedView[] {
  const user = userOf(userId);
  const mine = own(data.userDefaults, user);
  return data.views
    .filter((v) => v.scope === 'tenant' || (v.ownerId ?? ANONYMOUS) === user)
    .map((v) => ({
      ...v,
      ...(mine === v.id && { defaultForMe: true }),
      ...(v.scope === 'tenant' && data.tenantDefault === v.id && { defaultForTenant: true }),
    }));
}

function checkName(data: ViewBookData, userId: string | undefined, name: string, scope: SavedViewInput['scope'], exceptId?: string) {
  const problem = viewNameProblem(name, scope, viewsFor(data, userId), exceptId);
  if (problem === 'required') throw new SavedViewError('bad-request', 'A view needs a name.');
  if (problem === 'tooLong') throw new SavedViewError('bad-request', 'A view name has at most 128 characters.');
  if (problem === 'taken') throw new SavedViewError('conflict', `A ${scope} view named "${name.trim()}" exists already.`);
}

function withDefaults(data: ViewBookData, userId: string | undefined, id: string, input: SavedViewChanges): ViewBookData {
  const user = userOf(userId);
  // User ids come from requests: kept as own keys (`__proto__` is a user id like any other).
  const userDefaults: Record<string, string> = {};
  for (const [key, value] of Object.entries(data.userDefaults ?? {})) setOwn(userDefaults, key, value);
  let tenantDefault = data.tenantDefault ?? null;
  if (input.defaultForMe === true) setOwn(userDefaults, user, id);
  else if (input.defaultForMe === false && own(userDefaults, user) === id) delete userDefaults[user];
  if (input.defaultForTenant === true) tenantDefault = id;
  else if (input.defaultForTenant === false && tenantDefault === id) tenantDefault = null;
  return { ...data, userDefaults, tenantDefault };
}

function visible(data: ViewBookData, userId: string | undefined, id: string): StoredView {
  const view = data.views.find((v) => v.id === id);
  if (!view || (view.scope === 'personal' && (view.ownerId ?? ANONYMOUS) !== userOf(userId))) {
    throw new SavedViewError('not-found', 'This view does not exist (it may have been deleted).');
  }
  return view;
}

/** The snapshot with a new view, and the view. */
export function createView(
  data: ViewBookData,
  userId: string | undefined,
  input: SavedViewInput,
  made: { id: string; now: string },
): { data: ViewBookData; view: SavedView } {
  checkName(data, userId, input.name, input.scope);
  const stored: StoredView = {
    id: made.id,
    name: input.name.trim(),
    scope: input.scope,
    state: input.state,
    version: '1',
    schemaVersion: VIEW_SCHEMA_VERSION,
    ...(input.scope === 'personal' && { ownerId: userOf(userId) }),
    updatedAt: made.now,
    ...(userId && { updatedBy: userId }),
  };
  const next = withDefaults({ ...data, views: [...data.views, stored] }, userId, stored.id, {
    defaultForMe: input.defaultForMe,
    defaultForTenant: input.scope === 'tenant' ? input.defaultForTenant : undefined,
  });
  return { data: next, view: viewsFor(next, userId).find((v) => v.id === stored.id)! };
}

/**
 * The snapshot with a view changed, if `version` is the one it holds (else a `conflict` carrying the view as
 * it is now). Defaults are the user's own and never conflict; a change of name, scope or state does.
 */
export function updateView(
  data: ViewBookData,
  userId: string | undefined,
  id: string,
  version: string,
  changes: SavedViewChanges,
  now: string,
): { data: ViewBookData; view: SavedView } {
  const view = visible(data, userId, id);
  const content = changes.name !== undefined || changes.scope !== undefined || changes.state !== undefined;
  if (content && view.version !== version) {
    throw new SavedViewError('conflict', 'Someone else changed this view since it was opened.', viewsFor(data, userId).find((v) => v.id === id));
  }
  const scope = changes.scope ?? view.scope;
  if (changes.name !== undefined || changes.scope !== undefined) checkName(data, userId, changes.name ?? view.name, scope, id);
  const changed: StoredView = content
    ? {
        ...view,
        ...(changes.name !== undefined && { name: changes.name.trim() }),
        scope,
        ...(changes.state !== undefined && { state: changes.state, schemaVersion: VIEW_SCHEMA_VERSION }),
        ...(scope === 'personal' ? { ownerId: view.ownerId ?? userOf(userId) } : {}),
        version: String(Number(view.version) + 1 || 2),
        updatedAt: now,
        ...(userId && { updatedBy: userId }),
      }
    : view;
  const next = withDefaults(
    { ...data, views: data.views.map((v) => (v.id === id ? changed : v)) },
    userId,
    id,
    { defaultForMe: changes.defaultForMe, defaultForTenant: scope === 'tenant' ? changes.defaultForTenant : false },
  );
  return { data: next, view: viewsFor(next, userId).find((v) => v.id === id)! };
}

/** The snapshot without a view (and no default pointing at it). */
export function deleteView(data: ViewBookData, userId: string | undefined, id: string): ViewBookData {
  visible(data, userId, id);
  const userDefaults: Record<string, string> = {};
  for (const [key, value] of Object.entries(data.userDefaults ?? {})) if (value !== id) setOwn(userDefaults, key, value);
  return { views: data.views.filter((v) => v.id !== id), userDefaults, tenantDefault: data.tenantDefault === id ? null : data.tenantDefault ?? null };
}

/** A snapshot read back from storage: `undefined` for nothing or a shape that is not one. */
export function parseViewBook(value: unknown): ViewBookData | undefined {
  if (!value || typeof value !== 'object' || !Array.isArray((value as ViewBookData).views)) return undefined;
  const data = value as ViewBookData;
  return {
    views: data.views.filter((v) => v && typeof v.id === 'string' && typeof v.name === 'string' && (v.scope === 'personal' || v.scope === 'tenant')),
    userDefaults:
      data.userDefaults && typeof data.userDefaults === 'object'
        ? Object.fromEntries(Object.entries(data.userDefaults).filter(([, v]) => typeof v === 'string'))
        : {},
    tenantDefault: typeof data.tenantDefault === 'string' ? data.tenantDefault : null,
  };
}
