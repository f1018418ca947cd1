import { useCallback, useEffect, useState } from 'react';
import type { AuditQuery } from '../core/query.js';
import { queryFromSearchParams, queryToSearchParams, type QueryUrlOptions } from '../core/queryUrl.js';

export interface AuditQueryUrlOptions extends QueryUrlOptions {
  /** Add a history entry per change (`push`) or rewrite the current one. @default 'replace' */
  history?: 'push' | 'replace';
}

const EMPTY = { query: {} as AuditQuery, issues: [] as string[] };

/**
 * The query kept in the page's URL, for `<AuditLogs query onQueryChange queryIssues />`: read from
 * `location.search` (malformed parts left out and listed in `issues`), written back on every change, and read
 * again when the user goes Back or Forward (`popstate`), so the URL and the view never disagree.
 * Safe to render on the server (it reads nothing there).
 */
export function useAuditQueryUrl(options: AuditQueryUrlOptions = {}) {
  const { prefix, history = 'replace' } = options;
  const [state, setState] = useState(() =>
    typeof window === 'undefined' ? EMPTY : queryFromSearchParams(window.location.search, { prefix }),
  );
  useEffect(() => {
    const onPopState = () => setState(queryFromSearchParams(window.location.search, { prefix }));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [prefix]);
  const setQuery = useCallback(
    (next: AuditQuery) => {
      setState((current) => ({ query: next, issues: current.issues }));
      if (typeof window === 'undefined') return;
      const params = queryToSearchParams(next, { prefix }, new URLSearchParams(window.location.search));
      const search = params.toString();
      const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
      if (history === 'push') window.history.pushState(window.history.state, '', url);
      else window.history.replaceState(window.history.state, '', url);
    },
    [prefix, history],
  );
  return { query: state.query, setQuery, issues: state.issues };
}
