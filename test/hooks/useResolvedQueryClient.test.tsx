import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useResolvedQueryClient } from '../../src/hooks/useResolvedQueryClient';

describe('useResolvedQueryClient', () => {
  it('prefers the prop, then the host provider, then one private client', () => {
    const prop = new QueryClient();
    const host = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={host}>{children}</QueryClientProvider>;
    expect(renderHook(() => useResolvedQueryClient(prop), { wrapper }).result.current).toBe(prop);
    expect(renderHook(() => useResolvedQueryClient(undefined), { wrapper }).result.current).toBe(host);
    const own = renderHook(() => useResolvedQueryClient(undefined)).result.current;
    expect(own).not.toBe(prop);
    expect(own).not.toBe(host);
  });

  it('keeps one private client for good when the prop goes away, and mounts it only while in use', () => {
    const prop = new QueryClient();
    const { result, rerender, unmount } = renderHook(({ client }) => useResolvedQueryClient(client), {
      initialProps: { client: prop as QueryClient | undefined },
    });
    rerender({ client: undefined });
    const own = result.current;
    expect(own).not.toBe(prop);
    const mount = vi.spyOn(own, 'mount');
    const unmountClient = vi.spyOn(own, 'unmount');
    for (let i = 0; i < 3; i++) rerender({ client: undefined });
    expect(result.current).toBe(own);
    rerender({ client: prop });
    expect(result.current).toBe(prop);
    expect(unmountClient).toHaveBeenCalledTimes(1);
    rerender({ client: undefined });
    expect(result.current).toBe(own);
    expect(mount).toHaveBeenCalledTimes(1);
    unmount();
    expect(unmountClient).toHaveBeenCalledTimes(2);
  });
});
