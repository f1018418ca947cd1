/**
 * Saved views as docs/protocol.md describes them: `GET /views`, `POST /views`, `PATCH /views/{id}` with
 * `If-Match`, `DELETE /views/{id}`, for the tenant in `X-Tenant-Id` and the user in `X-User-Id`.
 */
import { viewBodyIssues, type ViewState } from '../../../core/views.js';
import { badRequest, json, readJson, requireTenant } from '../http.js';
import type { RouteContext, RouteTable } from './shared.js';

const TENANT = 'x-tenant-id';
const USER = 'x-user-id';

function who(ctx: RouteContext) {
  const user = ctx.request.headers.get(USER);
  return { tenantId: requireTenant(ctx.request.headers.get(TENANT), `the ${TENANT} header`), ...(user && { userId: user }) };
}

/** An entity tag without its weak prefix and quotes: `W/"3"` and `"3"` are both 3. */
const tagOf = (value: string | null) => value?.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');


/** A body's view fields, checked: what is present has the right type. */
function viewBody(body: unknown, whole: boolean) {
  const issues = viewBodyIssues(body, whole);
  if (issues.length) badRequest(`Invalid view: ${issues.join('; ')}`, issues);
  return body as { name: string; scope: 'personal' | 'tenant'; state: ViewState; defaultForMe?: boolean; defaultForTenant?: boolean };
}

const tagged = (view: { version: string }, status = 200) => json(view, status, { etag: `"${view.version}"` });

export const viewRoutes: RouteTable = [
  ['GET', /^\/views$/, async (ctx) => json({ views: await ctx.backend.listViews(who(ctx)) })],
  ['POST', /^\/views$/, async (ctx) => tagged(await ctx.backend.createView({ ...who(ctx), view: viewBody(await readJson(ctx.request), true) }), 201)],
  ['PATCH', /^\/views\/([^/]+)$/, async (ctx, m) => {
    const id = decodeURIComponent(m[1]!);
    const changes = viewBody(await readJson(ctx.request), false);
    const current = (await ctx.backend.listViews(who(ctx))).find((v) => v.id === id);
    const ifMatch = tagOf(ctx.request.headers.get('if-match'));
    const content = changes.name !== undefined || changes.scope !== undefined || changes.state !== undefined;
    if (current && content) {
      if (ifMatch === undefined) return json({ error: { kind: 'bad-request', message: 'Changing a view needs If-Match with the version read.' } }, 428);
      if (ifMatch !== '*' && ifMatch !== current.version) {
        return json({ error: { kind: 'conflict', message: 'Someone else changed this view since it was read.' }, view: current }, 412, { etag: `"${current.version}"` });
      }
    }
    return tagged(await ctx.backend.updateView({ ...who(ctx), id, version: current?.version ?? '', changes }));
  }],
  ['DELETE', /^\/views\/([^/]+)$/, async (ctx, m) => {
    const id = decodeURIComponent(m[1]!);
    const ifMatch = tagOf(ctx.request.headers.get('if-match'));
    const current = (await ctx.backend.listViews(who(ctx))).find((v) => v.id === id);
    if (current && ifMatch !== undefined && ifMatch !== '*' && ifMatch !== current.version) {
      return json({ error: { kind: 'conflict', message: 'Someone else changed this view since it was read.' }, view: current }, 412);
    }
    await ctx.backend.deleteView({ ...who(ctx), id });
    return new Response(null, { status: 204 });
  }],
];
