import type { AuditLogsAdapter, ViewsRequest } from '../api/adapter.js';
import type { ViewBookData } from '../core/viewBook.js';
import type { SavedView, SavedViewChanges, SavedViewInput } from '../core/views.js';
import { NoBrowserStorageError, storage } from './fieldStore.js';

/**
 * Where a tenant's saved views live when the adapter keeps none (a dialect without views, or a host that wants
 * its own storage): the host's backend through `load` / `save` of the tenant's whole snapshot.
 */
export interface ViewStore {
  /** The tenant's views and defaults (nothing yet: `null`). `userId` is who asks. */
  load(tenantId: string, userId: string | undefined): Promise<ViewBookData | null | undefined>;
  save(tenantId: string, userId: string | undefined, data: ViewBookData): Promise<void>;
}

/** Where this viewer's views live: the adapter, the host's store, or this browser (personal views only). */
export type ViewsHome = { where: 'adapter' } | { where: 'host' | 'browser'; store: ViewStore };

/** The rules over a snapshot: loaded with the first view operation that needs them (not with the page). */
const book = () => import('../core/viewBook.js');

/** Views in this browser's localStorage, per tenant and user (and per viewer key). */
export function browserViewStore(storageKey = 'default'): ViewStore {
  const key = (tenantId: string, userId: string | undefined) => `react-audit-logs:views:v1:${storageKey}:${tenantId}:${userId ?? ''}`;
  return {
    async load(tenantId, userId) {
      try {
        const { parseViewBook } = await book();
        return parseViewBook(JSON.parse(storage()?.getItem(key(tenantId, userId)) ?? 'null')) ?? null;
      } catch {
        return null;
      }
    },
    async save(tenantId, userId, data) {
      const store = storage();
      if (!store) throw new NoBrowserStorageError();
      store.setItem(key(tenantId, userId), JSON.stringify(data));
    },
  };
}

/** The four view operations, wherever the views live. */
export interface ViewOps {
  list(request: ViewsRequest, signal?: AbortSignal): Promise<SavedView[]>;
  create(request: ViewsRequest & { view: SavedViewInput }): Promise<SavedView>;
  update(request: ViewsRequest & { id: string; version: string; changes: SavedViewChanges }): Promise<SavedView>;
  remove(request: ViewsRequest & { id: string }): Promise<void>;
}

let made = 0;
const newId = () => `view_${Date.now().toString(36)}_${(made++).toString(36)}`;

export function viewOps(adapter: AuditLogsAdapter, home: ViewsHome, storageKey?: string): ViewOps & { where: () => ViewsHome['where'] } {
  if (home.where === 'adapter') {
    // A server that answers 404 to its views (one written before the protocol had them) keeps none: this
    // browser does, from then on.
    let fallback: ViewOps | undefined;
    const browser = () => (fallback ??= storeOps(browserViewStore(storageKey)));
    const missing = (error: unknown) => ['not-found', 'unsupported'].includes((error as { kind?: string } | null)?.kind ?? '');
    return {
      where: () => (fallback ? 'browser' : 'adapter'),
      list: (request, signal) =>
        fallback
          ? fallback.list(request, signal)
          : adapter.listViews!(request, { signal }).catch((error: unknown) => {
              if (!missing(error)) throw error;
              return browser().list(request, signal);
            }),
      create: (request) => (fallback ? fallback.create(request) : adapter.createView!(request)),
      update: (request) => (fallback ? fallback.update(request) : adapter.updateView!(request)),
      remove: (request) => (fallback ? fallback.remove(request) : adapter.deleteView!(request)),
    };
  }
  return { where: () => home.where, ...storeOps(home.store) };
}

/** The operations over a store of whole snapshots: load, change, save. */
function storeOps(store: ViewStore): ViewOps {
  const load = async ({ tenantId, userId }: ViewsRequest) => (await store.load(tenantId, userId)) ?? { views: [] };
  const now = () => new Date().toISOString();
  return {
    list: async (request) => (await book()).viewsFor(await load(request), request.userId),
    create: async (request) => {
      const { createView } = await book();
      const done = createView(await load(request), request.userId, request.view, { id: newId(), now: now() });
      await store.save(request.tenantId, request.userId, done.data);
      return done.view;
    },
    update: async (request) => {
      const { updateView } = await book();
      const done = updateView(await load(request), request.userId, request.id, request.version, request.changes, now());
      await store.save(request.tenantId, request.userId, done.data);
      return done.view;
    },
    remove: async (request) => {
      const { deleteView } = await book();
      await store.save(request.tenantId, request.userId, deleteView(await load(request), request.userId, request.id));
    },
  };
}
