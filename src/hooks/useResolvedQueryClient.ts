import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useState } from 'react';

/**
 * The QueryClient to use: the `queryClient` prop, else the host's (from its provider), else one
 * private client per instance. Never module-level, and never replaces the host's provider.
 */
export function useResolvedQueryClient(fromProp: QueryClient | undefined): QueryClient {
  const host = useContext(QueryClientContext);
  const [own] = useState(() =>
    fromProp || host
      ? null
      : new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } }),
  );
  useEffect(() => {
    if (!own) return undefined;
    own.mount();
    return () => own.unmount();
  }, [own]);
  return fromProp ?? host ?? own ?? new QueryClient();
}
