import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useState } from 'react';

/**
 * The QueryClient to use: the `queryClient` prop, else the host's (from its provider), else one
 * private client per instance. Never module-level, and never replaces the host's provider. The private
 * client exists for the instance's whole life (an unmounted client is a plain object), so a host that
 * stops passing its client later still gets one stable cache, and it is mounted only while in use.
 */
export function useResolvedQueryClient(fromProp: QueryClient | undefined): QueryClient {
  const host = useContext(QueryClientContext);
  const [own] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false } } }),
  );
  const client = fromProp ?? host ?? own;
  const usingOwn = client === own;
  useEffect(() => {
    if (!usingOwn) return undefined;
    own.mount();
    return () => own.unmount();
  }, [own, usingOwn]);
  return client;
}
