import { anyBody } from '../../../core/check.js';
import { parseSavedView, parseSavedViews, type SavedView } from '../../../core/views.js';
import type { AuditLogsAdapter, ViewsRequest } from '../../adapter.js';
import { AuditApiError } from '../../errors.js';
import type { HttpClient } from '../client.js';
import { enc } from './shared.js';

/** Who asks: the tenant in `X-Tenant-Id`, the user (where the host names one) in `X-User-Id`. */
const headersOf = ({ tenantId, userId }: ViewsRequest) => ({ 'x-tenant-id': tenantId, ...(userId && { 'x-user-id': userId }) });

function readView(body: unknown, what: string): SavedView {
  const view = parseSavedView(body);
  if (typeof view === 'string') throw new AuditApiError('invalid-response', `${what} answered with a view that could not be read: ${view}.`);
  return view;
}

/** The native protocol's saved views (docs/protocol.md, "Saved views"). */
export function nativeViews(client: HttpClient): Required<Pick<AuditLogsAdapter, 'listViews' | 'createView' | 'updateView' | 'deleteView'>> {
  return {
    async listViews(request, options) {
      const body = await client.json({ path: '/views', headers: headersOf(request), signal: options?.signal }, anyBody);
      const { views, issues } = parseSavedViews(body);
      // One view that cannot be read is left out; a body that is no list of views is an error.
      if (!views.length && issues[0] === 'the views are not a list') {
        throw new AuditApiError('invalid-response', 'GET /views answered with something that is not a list of views.');
      }
      return views;
    },
    async createView(request, options) {
      const body = await client.json(
        { method: 'POST', path: '/views', body: request.view, headers: headersOf(request), signal: options?.signal },
        anyBody,
      );
      return readView(body, 'POST /views');
    },
    async updateView(request, options) {
      const body = await client.json(
        {
          method: 'PATCH',
          path: `/views/${enc(request.id)}`,
          body: request.changes,
          headers: { ...headersOf(request), 'if-match': `"${request.version}"` },
          signal: options?.signal,
          idempotent: true,
        },
        anyBody,
      );
      return readView(body, `PATCH /views/${request.id}`);
    },
    async deleteView(request, options) {
      await client.send({ method: 'DELETE', path: `/views/${enc(request.id)}`, headers: headersOf(request), signal: options?.signal });
    },
  };
}
