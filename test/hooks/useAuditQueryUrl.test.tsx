import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuditQueryUrl } from '../../src/hooks/useAuditQueryUrl';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('useAuditQueryUrl', () => {
  it('reads the query from the link and writes changes back, leaving other parameters alone', () => {
    window.history.replaceState(null, '', '/settings?tab=audit&log_q=api%20key&log_severity=High&log_range=7d#top');
    const { result } = renderHook(() => useAuditQueryUrl({ prefix: 'log_' }));
    expect(result.current.query).toEqual({ search: 'api key', severities: ['High'], timeRange: { preset: '7d' } });
    expect(result.current.issues).toEqual([]);
    act(() => result.current.setQuery({ filters: [{ field: 'actor.email', op: 'contains', value: 'ada' }] }));
    const url = new URL(window.location.href);
    expect(url.pathname).toBe('/settings');
    expect(url.hash).toBe('#top');
    expect(url.searchParams.get('tab')).toBe('audit');
    expect(url.searchParams.get('log_q')).toBeNull();
    expect(url.searchParams.getAll('log_filter')).toEqual(['actor.email:contains:ada']);
    expect(result.current.query.filters).toHaveLength(1);
  });

  it('turns a hostile link into the unfiltered log with issues, never a throw', () => {
    window.history.replaceState(null, '', '/?range=forever&filter=%3Cimg%3E&sort=x:sideways&filter=action:in:[1');
    const { result } = renderHook(() => useAuditQueryUrl());
    expect(result.current.query).toEqual({});
    expect(result.current.issues).toHaveLength(4);
  });

  it('adds history entries when asked', () => {
    const before = window.history.length;
    const { result } = renderHook(() => useAuditQueryUrl({ history: 'push' }));
    act(() => result.current.setQuery({ search: 'x' }));
    expect(window.history.length).toBe(before + 1);
    expect(window.location.search).toBe('?q=x');
  });

  it('follows Back and Forward: the view reads the URL again on popstate', () => {
    window.history.replaceState(null, '', '/?q=first');
    const { result } = renderHook(() => useAuditQueryUrl({ history: 'push' }));
    act(() => result.current.setQuery({ search: 'second' }));
    expect(window.location.search).toBe('?q=second');
    // What the browser does on Back: the URL changes, then popstate.
    act(() => {
      window.history.replaceState(null, '', '/?q=first');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.query).toEqual({ search: 'first' });
    act(() => {
      window.history.replaceState(null, '', '/?range=forever');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.query).toEqual({});
    expect(result.current.issues).toHaveLength(1);
  });
});
