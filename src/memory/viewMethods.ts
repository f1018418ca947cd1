import type { AuditLogsAdapter, RequestOptions, ViewsRequest } from '../api/adapter.js';
import { AuditApiError } from '../api/errors.js';
import { createView, deleteView, SavedViewError, updateView, viewsFor, type ViewBookData } from '../core/viewBook.js';
import type { SavedViewChanges, SavedViewInput } from '../core/views.js';

/** Where a backend in the browser keeps each tenant's views (memory, or the mock's browser storage). */
export interface ViewBookStore {
  load(tenantId: string): ViewBookData;
  save(tenantId: string, data: ViewBookData): void;
}

/** Views kept in memory for as long as the adapter lives. */
export function memoryViewBooks(): ViewBookStore {
  const books = new Map<string, ViewBookData>();
  return {
    load: (tenantId) => books.get(tenantId) ?? { views: [] },
    save: (tenantId, data) => void books.set(tenantId, data),
  };
}

const STATUS = { conflict: 409, 'not-found': 404, 'bad-request': 400, forbidden: 403 } as const;

/** A refused operation as the adapter's typed error. */
function apiError(error: unknown): never {
  if (error instanceof SavedViewError) {
    // A stale version is HTTP's 412 (a precondition failed); a name taken, 409.
    throw new AuditApiError(error.kind, error.message, { status: error.current ? 412 : STATUS[error.kind], cause: error });
  }
  throw error;
}

type ViewMethods = Required<Pick<AuditLogsAdapter, 'listViews' | 'createView' | 'updateView' | 'deleteView'>>;

/** The adapter's saved views over a store of snapshots. */
export function viewMethods(
  books: ViewBookStore,
  enter: (method: 'listViews' | 'createView' | 'updateView' | 'deleteView', signal?: AbortSignal) => Promise<void>,
  made: { newId: () => string; now: () => number },
  requireTenant: (tenantId: string) => void,
): ViewMethods {
  const run = async <T>(method: Parameters<typeof enter>[0], request: ViewsRequest, opts: RequestOptions | undefined, change: (data: ViewBookData) => { data?: ViewBookData; result: T }): Promise<T> => {
    await enter(method, opts?.signal);
    requireTenant(request.tenantId);
    try {
      const { data, result } = change(books.load(request.tenantId));
      if (data) books.save(request.tenantId, data);
      return structuredClone(result);
    } catch (error) {
      return apiError(error);
    }
  };
  const now = () => new Date(made.now()).toISOString();
  return {
    listViews: async (request, opts) =>
      run('listViews', request, opts, (data) => ({ result: viewsFor(data, request.userId) })),
    createView: async (request: ViewsRequest & { view: SavedViewInput }, opts) =>
      run('createView', request, opts, (data) => {
        const done = createView(data, request.userId, request.view, { id: made.newId(), now: now() });
        return { data: done.data, result: done.view };
      }),
    updateView: async (request: ViewsRequest & { id: string; version: string; changes: SavedViewChanges }, opts) =>
      run('updateView', request, opts, (data) => {
        const done = updateView(data, request.userId, request.id, request.version, request.changes, now());
        return { data: done.data, result: done.view };
      }),
    deleteView: async (request: ViewsRequest & { id: string }, opts) =>
      run('deleteView', request, opts, (data) => ({ data: deleteView(data, request.userId, request.id), result: undefined })),
  };
}
