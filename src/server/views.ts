/** Saved views on the native protocol (docs/protocol.md, "Saved views"), kept per tenant in the store. */
import { createView, deleteView, SavedViewError, updateView, viewsFor } from '../core/viewBook.js';
import { viewBodyIssues, type SavedViewChanges, type SavedViewInput } from '../core/views.js';
import type { Route, RouteContext } from './handler.js';
import { badRequest, HttpError, json, tagOf } from './http.js';

const STATUS = { conflict: 409, 'not-found': 404, 'bad-request': 400, forbidden: 403 } as const;

function viewBody(body: unknown, whole: boolean): SavedViewChanges {
  const issues = viewBodyIssues(body, whole);
  if (issues.length) throw badRequest(`Invalid view: ${issues.join('; ')}`, issues);
  return body as SavedViewChanges;
}

/** Changing the tenant's views (sharing, its default, renaming or deleting a tenant view) needs `audit:views`. */
function needsManage(ctx: RouteContext, scope: string | undefined, changes: SavedViewChanges) {
  if (scope === 'tenant' || changes.scope === 'tenant' || changes.defaultForTenant !== undefined) ctx.need('audit:views');
}

async function run<T>(ctx: RouteContext, change: Parameters<RouteContext['store']['views']>[1]): Promise<T> {
  try {
    return (await ctx.store.views(ctx.auth.tenantId, change)) as T;
  } catch (error) {
    if (!(error instanceof SavedViewError)) throw error;
    const stale = error.current !== undefined;
    throw new HttpError(stale ? 412 : STATUS[error.kind], error.kind, error.message, [], stale ? { view: error.current } : {});
  }
}

const tagged = (view: { version: string }, status = 200) => json(view, status, { etag: `"${view.version}"` });
const now = () => new Date().toISOString();

export const viewRoutes: Route[] = [
  ['GET', /^\/views$/, async (ctx) => json({ views: await run(ctx, (book) => ({ result: viewsFor(book, ctx.auth.userId) })) })],
  ['POST', /^\/views$/, async (ctx) => {
    const input = viewBody(await ctx.body(), true) as SavedViewInput;
    needsManage(ctx, input.scope, input);
    const view = await run<ReturnType<typeof createView>['view']>(ctx, (book) => {
      const done = createView(book, ctx.auth.userId, input, { id: `view_${crypto.randomUUID()}`, now: now() });
      return { book: done.data, result: done.view };
    });
    return tagged(view, 201);
  }],
  ['PATCH', /^\/views\/([^/]+)$/, async (ctx, m) => {
    const id = decodeURIComponent(m[1]!);
    const changes = viewBody(await ctx.body(), false);
    const ifMatch = tagOf(ctx.request.headers.get('if-match'));
    const content = changes.name !== undefined || changes.scope !== undefined || changes.state !== undefined;
    if (content && ifMatch === undefined) throw new HttpError(428, 'bad-request', 'Changing a view needs If-Match with the version read.');
    const view = await run<ReturnType<typeof updateView>['view']>(ctx, (book) => {
      const current = viewsFor(book, ctx.auth.userId).find((v) => v.id === id);
      if (current && content) needsManage(ctx, current.scope, changes);
      else if (changes.defaultForTenant !== undefined) ctx.need('audit:views');
      const version = ifMatch === '*' || ifMatch === undefined ? current?.version ?? '' : ifMatch;
      const done = updateView(book, ctx.auth.userId, id, version, changes, now());
      return { book: done.data, result: done.view };
    });
    return tagged(view);
  }],
  ['DELETE', /^\/views\/([^/]+)$/, async (ctx, m) => {
    const id = decodeURIComponent(m[1]!);
    const ifMatch = tagOf(ctx.request.headers.get('if-match'));
    await run(ctx, (book) => {
      const current = viewsFor(book, ctx.auth.userId).find((v) => v.id === id);
      if (current?.scope === 'tenant') ctx.need('audit:views');
      if (current && ifMatch !== undefined && ifMatch !== '*' && ifMatch !== current.version) {
        throw new SavedViewError('conflict', 'Someone else changed this view since it was read.', current);
      }
      return { book: deleteView(book, ctx.auth.userId, id), result: undefined };
    });
    return new Response(null, { status: 204 });
  }],
];
