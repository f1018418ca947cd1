import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { expectNoAxeViolations, readyRows, renderAuditLogs } from '../browser/setup';

/** Names on Object.prototype that a tenant admin can type as a custom field's name. */
const PROTOTYPE_FIELD_NAMES = ['valueOf', 'toString', 'toLocaleString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'constructor'];

describe('a part that throws', () => {
  it('shows an alert with Retry in its place, keeps the toolbar and the host page, and tells onError', async () => {
    let failing = true;
    const onError = vi.fn();
    const { container } = renderAuditLogs({
      adapter: createMockAdapter({ count: 40, now: NOW }),
      onError,
      messages: {
        resultCount: (n) => {
          if (failing) throw new Error('the count could not be written');
          return `${n} events`;
        },
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This part of the audit log could not be shown.');
    expect(alert).toHaveTextContent('the count could not be written');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Audit logs' })).toBeVisible();
    expect(container.isConnected).toBe(true);
    expect(onError).toHaveBeenCalled();
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(Error);
    expect(onError.mock.calls[0]![1]).toHaveProperty('componentStack');
    await expectNoAxeViolations();
    failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('40 events')).toBeVisible();
  });
});

describe('custom fields named after members of Object.prototype', () => {
  it('display, filter and can be removed from the Columns menu like any other field', async () => {
    localStorage.clear();
    const events = [1, 2, 3].map((n) => ({
      id: `e${n}`,
      tenantId: 'acme',
      timestamp: new Date(NOW - n * 60_000).toISOString(),
      severity: 'Info',
      action: `action.${n}`,
      fields: JSON.parse(`{${PROTOTYPE_FIELD_NAMES.map((name) => `"${name}": "v${n}-${name}"`).join(',')}, "__proto__": "p${n}"}`) as Record<string, string>,
    }));
    const adapter = createMemoryAdapter(events, {
      now: NOW,
      fields: PROTOTYPE_FIELD_NAMES.map((name) => ({ name, displayName: `Field ${name}`, type: 'string', filterable: true, sortable: true })),
    });
    const onError = vi.fn();
    renderAuditLogs({
      adapter,
      tenantId: 'acme',
      permissions: { manageFields: true },
      onError,
      defaultQuery: { filters: [{ field: 'toString', op: 'eq', value: 'v2-toString' }] },
    });
    await waitFor(() => expect(readyRows()).toHaveLength(1));
    const table = screen.getByRole('table', { name: 'Audit logs' });
    for (const name of PROTOTYPE_FIELD_NAMES) {
      expect(within(table).getByRole('columnheader', { name: `Field ${name}` })).toBeVisible();
      expect(within(table).getByText(`v2-${name}`)).toBeVisible();
    }
    await expectNoAxeViolations();
    expect(onError).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    const remove = await screen.findByRole('button', { name: 'Remove Field valueOf' });
    await userEvent.click(remove);
    const confirm = await screen.findByRole('alertdialog');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove field' }));
    await waitFor(async () => expect((await adapter.getDataStructure({ tenantId: 'acme' })).fields.some((f) => f.name === 'valueOf')).toBe(false));
    await waitFor(() => expect(within(table).queryByRole('columnheader', { name: 'Field valueOf' })).toBeNull());
  });
});
