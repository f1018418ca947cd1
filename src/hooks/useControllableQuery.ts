import { useCallback, useState } from 'react';
import type { AuditQuery } from '../core/query.js';

/** The query as a controlled (`query` + `onQueryChange`) or uncontrolled (`defaultQuery`) value. */
export function useControllableQuery(
  query: AuditQuery | undefined,
  defaultQuery: AuditQuery | undefined,
  onQueryChange: ((query: AuditQuery) => void) | undefined,
): [AuditQuery, (next: AuditQuery) => void] {
  const [own, setOwn] = useState<AuditQuery>(() => defaultQuery ?? {});
  const controlled = query !== undefined;
  const setQuery = useCallback(
    (next: AuditQuery) => {
      if (!controlled) setOwn(next);
      onQueryChange?.(next);
    },
    [controlled, onQueryChange],
  );
  return [controlled ? query : own, setQuery];
}
