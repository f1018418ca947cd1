/**
 * Server HTML hydrated in the browser: a column layout this browser stored (the server could not see it) must
 * not make the first client render differ from the server's HTML.
 */
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AuditLogs } from '../../src/components/root/AuditLogs';
import { columnLayoutStorageKey } from '../../src/core/columnLayout';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';

describe('hydrating server HTML', () => {
  it('shows no hydration mismatch when this browser holds a stored column layout, and then applies it', async () => {
    localStorage.clear();
    const adapter = createMockAdapter({ count: 20, now: NOW });
    const element = (client: QueryClient) => (
      <div style={{ height: 500, width: 1100 }}>
        <AuditLogs adapter={adapter} tenantId="hydrate" theme="light" queryClient={client} newEventsInterval={0} />
      </div>
    );
    // The server renders without storage.
    const container = document.createElement('div');
    container.innerHTML = renderToString(element(new QueryClient()));
    document.body.append(container);
    // This browser has a layout that hides the IP address column.
    localStorage.setItem(columnLayoutStorageKey('hydrate'), JSON.stringify({ version: 1, visibility: { ip: false } }));
    const recoverable = vi.fn();
    const errors = vi.spyOn(console, 'error');
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, element(new QueryClient()), { onRecoverableError: recoverable });
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors.mock.calls.map((c) => String(c[0])).filter((m) => /hydrat/i.test(m))).toEqual([]);
    // After hydration the stored layout applies.
    await vi.waitFor(() => expect(within(container as HTMLElement).getAllByRole('columnheader').map((h) => h.getAttribute('aria-label'))).not.toContain('IP address'));
    errors.mockRestore();
    act(() => root!.unmount());
    container.remove();
  });
});

describe('the stored column layout', () => {
  it('follows a change another tab makes (a storage event)', async () => {
    localStorage.clear();
    const view = render(
      <div style={{ height: 500, width: 1100 }}>
        <AuditLogs adapter={createMockAdapter({ count: 20, now: NOW })} tenantId="tabs" theme="light" queryClient={new QueryClient()} newEventsInterval={0} />
      </div>,
    );
    const headers = () => within(screen.getByRole('table', { name: 'Audit logs' })).getAllByRole('columnheader').map((h) => h.getAttribute('aria-label'));
    await waitFor(() => expect(headers()).toContain('IP address'));
    const key = columnLayoutStorageKey('tabs');
    const value = JSON.stringify({ version: 1, visibility: { ip: false } });
    localStorage.setItem(key, value);
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: value, storageArea: localStorage }));
    await waitFor(() => expect(headers()).not.toContain('IP address'));
    view.unmount();
  });
});
