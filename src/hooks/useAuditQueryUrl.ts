import { useCallback, useState } from 'react';
import type { AuditQuery } from '../core/query.js';
import { queryFromSearchParams, queryToSearchParams, type QueryUrlOptions } from '../core/queryUrl.js';

export interface AuditQueryUrlOptions extends QueryUrlOptions {
  /** Add a history entry per change (`push`) or rewrite the current one. @default 'replace' */
  history?: 'push' | 'replace';
}

/**
 * The query kept in the page's URL, for `<AuditLogs query onQueryChange queryIssues />`: read once from
 * `location.search` (malformed parts left out and listed in `issues`), written back on every change.
 * Safe to render on the server (it reads nothing there).
 */
export function useAuditQueryUrl(options: AuditQueryUrlOptions = {}) {
  const { prefix, history = 'replace' } = options;
  const [initial] = useState(() =>
    typeof window === 'undefined'
      ? { query: {}, issues: [] as string[] }
      : queryFromSearchParams(window.location.search, { prefix }),
  );
  const [query, setQueryState] = useState<AuditQuery>(initial.query);
  const setQuery = useCallback(
    (next: AuditQuery) => {
      setQueryState(next);
      if (typeof window === 'undefined') return;
      const params = queryToSearchParams(next, { prefix }, new URLSearchParams(window.location.search));
      const search = params.toString();
      const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
      if (history === 'push') window.history.pushState(window.history.state, '', url);
      else window.history.replaceState(window.history.state, '', url);
    },
    [prefix, history],
  );
  return { query, setQuery, issues: initial.issues };
}
