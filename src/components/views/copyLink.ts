import type { AuditQuery } from '../../core/query.js';
import { viewLinkToSearchParams } from '../../core/queryUrl.js';

/**
 * The page's address with the view's id and the query (unsaved changes too), copied to the clipboard; where the
 * clipboard is refused, put in the address bar instead. Says which.
 */
export async function copyViewLink(viewId: string | null, query: AuditQuery): Promise<'copied' | 'address-bar'> {
  const { origin, pathname, search, hash } = window.location;
  const params = viewLinkToSearchParams(viewId, query, {}, new URLSearchParams(search));
  const url = `${origin}${pathname}?${params.toString()}${hash}`;
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    window.history.replaceState(window.history.state, '', url);
    return 'address-bar';
  }
}
