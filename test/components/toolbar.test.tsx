import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import type { AuditQuery, FieldFilter } from '../../src/core/query';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { FIXTURE_EVENTS, NOW } from '../fixtures/events';
import { clickRow, readyRows, renderAuditLogs } from '../browser/setup';

const FIELDS = [
  { name: 'amount', displayName: 'Amount', type: 'number' as const, filterable: true },
  { name: 'region', displayName: 'Region', type: 'string' as const, filterable: true },
];
/** A button by its accessible name as the user hears it (aria-label, else its own text without badges). */
const button = (name: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.firstChild?.textContent?.trim()) === name,
  )!;
const status = () => document.querySelector('.ral-status')!.textContent ?? '';
const byLabel = <T extends HTMLElement>(text: string) =>
  [...document.querySelectorAll('label')].find((l) => l.firstChild?.textContent?.trim() === text)!.querySelector<T>('input, select')!;

function setup(props: { defaultQuery?: AuditQuery } = {}) {
  const adapter = createMockAdapter({ events: FIXTURE_EVENTS, now: NOW, fields: FIELDS });
  const onQueryChange = vi.fn();
  renderAuditLogs({ adapter, onQueryChange, newEventsInterval: 0, ...props });
  return { adapter, onQueryChange, lastQuery: (): AuditQuery => onQueryChange.mock.calls.at(-1)![0] };
}

async function expectRowsToMatch(adapter: AuditLogsAdapter, query: AuditQuery) {
  const { total } = await adapter.list({ tenantId: 'acme', query, page: { type: 'offset', offset: 0, limit: 100 } });
  await waitFor(() => expect(status()).toContain(`${total} event`));
  if (total) await waitFor(() => expect(readyRows().length).toBe(total));
}

/** Opens Add filter; its form loads on first use, so this waits for its first control. */
async function openAddFilter() {
  await userEvent.click(button('Add filter'));
  await screen.findByRole('combobox', { name: 'Field' });
}

describe('Add filter', () => {
  it.each<[string, string, string, string | undefined, FieldFilter]>([
    ['Action', 'contains', 'LOG', undefined, { field: 'action', op: 'contains', value: 'LOG' }],
    ['Action', 'equals', 'user.login', undefined, { field: 'action', op: 'eq', value: 'user.login' }],
    ['Action', 'does not equal', 'user.login', undefined, { field: 'action', op: 'neq', value: 'user.login' }],
    ['Action', 'starts with', 'user.', undefined, { field: 'action', op: 'startsWith', value: 'user.' }],
    ['Action', 'is any of', 'user.login, settings.updated', undefined, { field: 'action', op: 'in', value: ['user.login', 'settings.updated'] }],
    ['Email', 'equals', 'ada@acme.example', undefined, { field: 'actor.email', op: 'eq', value: 'ada@acme.example' }],
    ['Email', 'contains', 'grace', undefined, { field: 'actor.email', op: 'contains', value: 'grace' }],
    ['IP address', 'equals', '10.0.0.1', undefined, { field: 'ip', op: 'eq', value: '10.0.0.1' }],
    ['IP address', 'contains', '2001:db8', undefined, { field: 'ip', op: 'contains', value: '2001:db8' }],
    ['Time', 'before', '2026-10-31T00:00', undefined, { field: 'timestamp', op: 'before', value: '2026-10-31T00:00:00.000Z' }],
    ['Time', 'after', '2026-10-31T22:30', undefined, { field: 'timestamp', op: 'after', value: '2026-10-31T22:30:00.000Z' }],
    ['Time', 'between', '2026-10-30T00:00', '2026-10-31T23:00', { field: 'timestamp', op: 'between', value: ['2026-10-30T00:00:00.000Z', '2026-10-31T23:00:00.000Z'] }],
    ['Amount', 'equals', '250', undefined, { field: 'amount', op: 'eq', value: 250 }],
    ['Amount', 'greater than', '9', undefined, { field: 'amount', op: 'gt', value: 9 }],
    ['Amount', 'less than', '10', undefined, { field: 'amount', op: 'lt', value: 10 }],
    ['Tags', 'is any of', 'auth, admin', undefined, { field: 'tags', op: 'in', value: ['auth', 'admin'] }],
    ['Tags', 'equals', 'webhooks', undefined, { field: 'tags', op: 'eq', value: 'webhooks' }],
    ['Tags', 'does not equal', 'auth', undefined, { field: 'tags', op: 'neq', value: 'auth' }],
    ['Severity', 'is any of', 'High, Critical', undefined, { field: 'severity', op: 'in', value: ['High', 'Critical'] }],
  ])('%s %s %s filters the rows', async (fieldName, opName, value, value2, expected) => {
    const { adapter, lastQuery } = setup();
    await waitFor(() => expect(readyRows().length).toBe(7));
    await openAddFilter();
    const fieldSelect = byLabel<HTMLSelectElement>('Field');
    const fieldValue = [...fieldSelect.options].find((o) => o.textContent === fieldName)!.value;
    await userEvent.selectOptions(fieldSelect, fieldValue);
    const opSelect = byLabel<HTMLSelectElement>('Operator');
    await userEvent.selectOptions(opSelect, [...opSelect.options].find((o) => o.textContent === opName)!.value);
    await userEvent.fill(byLabel('Value'), value);
    if (value2 !== undefined) await userEvent.fill(byLabel('And'), value2);
    await userEvent.click(button('Apply filter'));
    await waitFor(() => expect(lastQuery().filters).toEqual([expected]));
    await expectRowsToMatch(adapter, lastQuery());
    // The chip says what the filter does.
    expect(document.querySelector('[aria-label="Active filters"]')!.textContent).toContain(fieldName);
  });

  it('explains an invalid value next to the input and sends nothing', async () => {
    const { onQueryChange } = setup();
    await waitFor(() => expect(readyRows().length).toBe(7));
    await openAddFilter();
    const fieldSelect = byLabel<HTMLSelectElement>('Field');
    await userEvent.selectOptions(fieldSelect, 'actor.email');
    await userEvent.selectOptions(byLabel<HTMLSelectElement>('Operator'), 'eq');
    await userEvent.fill(byLabel('Value'), 'not-an-email');
    await userEvent.click(button('Apply filter'));
    const input = byLabel<HTMLInputElement>('Value');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toContain('whole email address');
    expect(onQueryChange).not.toHaveBeenCalled();
    // Fixing it sends it.
    await userEvent.fill(input, 'ada@acme.example');
    await userEvent.click(button('Apply filter'));
    await waitFor(() => expect(onQueryChange).toHaveBeenCalledTimes(1));
  });

  it('starts Email at "contains" (a part of an address is fine), and takes several values one at a time for "is any of"', async () => {
    const { lastQuery } = setup();
    await waitFor(() => expect(readyRows().length).toBe(7));
    await openAddFilter();
    await userEvent.selectOptions(byLabel<HTMLSelectElement>('Field'), 'actor.email');
    expect(byLabel<HTMLSelectElement>('Operator').selectedOptions[0]!.textContent).toBe('contains');
    await userEvent.selectOptions(byLabel<HTMLSelectElement>('Field'), 'action');
    await userEvent.selectOptions(byLabel<HTMLSelectElement>('Operator'), 'in');
    const input = byLabel<HTMLInputElement>('Value');
    // The input says it takes several values.
    expect(document.getElementById(input.getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent).toMatch(/each value/);
    await userEvent.type(input, 'user.login{Enter}settings.updated{Enter}api_key.created{Enter}');
    const entries = () => [...screen.getByRole('list', { name: 'Values' }).querySelectorAll('.ral-chip__text')].map((e) => e.textContent);
    expect(entries()).toEqual(['user.login', 'settings.updated', 'api_key.created']);
    await userEvent.click(button('Remove api_key.created'));
    expect(entries()).toEqual(['user.login', 'settings.updated']);
    expect(input.value).toBe('');
    await userEvent.click(button('Apply filter'));
    await waitFor(() => expect(lastQuery().filters).toEqual([{ field: 'action', op: 'in', value: ['user.login', 'settings.updated'] }]));
  });

  it('offers only filterable fields, and operators that fit the type', async () => {
    setup();
    await openAddFilter();
    const fields = [...byLabel<HTMLSelectElement>('Field').options].map((o) => o.textContent);
    expect(fields).toContain('Amount');
    expect(fields).not.toContain('Payload');
    await userEvent.selectOptions(byLabel<HTMLSelectElement>('Field'), 'timestamp');
    expect([...byLabel<HTMLSelectElement>('Operator').options].map((o) => o.textContent)).toEqual(['before', 'after', 'between']);
  });
});

describe('chips', () => {
  it('shows every active filter as a removable chip, and Clear all keeps the sort', async () => {
    const { lastQuery } = setup({
      defaultQuery: {
        search: 'acme',
        severities: ['Info', 'High'],
        timeRange: { preset: '7d' },
        filters: [{ field: 'ip', op: 'startsWith', value: '10.' }],
        sort: { field: 'action', direction: 'asc' },
      },
    });
    const chips = () => [...document.querySelectorAll('.ral-chip__text')].map((c) => c.textContent);
    await waitFor(() =>
      expect(chips()).toEqual(['Search “acme”', 'Severity: Info, High', 'IP address starts with “10.”']),
    );
    // The time range is written once, beside its own button, not again as a chip.
    expect(document.body.textContent!.split('Last 7 days')).toHaveLength(2);
    await userEvent.click(button('Remove filter: Severity: Info, High'));
    await waitFor(() => expect(lastQuery().severities).toBeUndefined());
    expect(chips()).toHaveLength(2);
    await userEvent.click(button('Clear all'));
    await waitFor(() => expect(lastQuery()).toEqual({ sort: { field: 'action', direction: 'asc' } }));
    expect(document.querySelector('[aria-label="Active filters"]')).toBeNull();
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('');
  });
});

describe('severity and time range', () => {
  it('lists severities in rank order with counts, and filters by the checked ones', async () => {
    const { adapter, lastQuery } = setup();
    await waitFor(() => expect(readyRows().length).toBe(7));
    await userEvent.click(button('Severity'));
    const boxes = () => [...document.querySelectorAll<HTMLInputElement>('.ral-popover__panel input[type=checkbox]')];
    await waitFor(() => expect(document.querySelector('.ral-options__count')).not.toBeNull());
    const labels = boxes().map((b) => b.closest('label')!.textContent);
    expect(labels).toEqual(['Critical', 'Error', 'High', 'Medium', 'Info', 'Sev-X']);
    const counts = [...document.querySelectorAll('.ral-options__count')].map((c) => c.textContent);
    expect(counts).toEqual(['1', '1', '1', '1', '2', '1']);
    await userEvent.click(boxes()[2]!);
    await waitFor(() => expect(lastQuery().severities).toEqual(['High']));
    await expectRowsToMatch(adapter, lastQuery());
    // Counts do not collapse to the checked severity.
    expect([...document.querySelectorAll('.ral-options__count')].map((c) => c.textContent)).toEqual(counts);
    await userEvent.keyboard('{Escape}');
    expect(document.activeElement).toBe(button('Severity'));
  });

  it('sets a preset or a custom range in the time zone, always shown in words', async () => {
    const { adapter, lastQuery } = setup();
    await waitFor(() => expect(readyRows().length).toBe(7));
    expect(document.querySelector('.ral-range__text')!.textContent).toBe('All time');
    await userEvent.click(button('Time range'));
    // The presets load on first use (the button preloads them; here the click comes first).
    await userEvent.click(await screen.findByRole('radio', { name: 'Last 24 hours' }));
    await waitFor(() => expect(lastQuery().timeRange).toEqual({ preset: '24h' }));
    expect(document.querySelector('.ral-range__text')!.textContent).toBe('Last 24 hours');
    await expectRowsToMatch(adapter, { timeRange: { preset: '24h' } });
    await userEvent.click(button('Time range'));
    await userEvent.click(await screen.findByRole('radio', { name: 'Custom range' }));
    const [from, to] = [...document.querySelectorAll<HTMLInputElement>('input[type=datetime-local]')];
    await userEvent.fill(from!, '2026-10-31T20:00');
    await userEvent.fill(to!, '2026-10-31T10:00');
    expect(document.body.textContent).toContain('The end must be after the start.');
    await userEvent.click(button('Apply'));
    expect(lastQuery().timeRange).toEqual({ preset: '24h' });
    await userEvent.fill(to!, '2026-10-31T23:30');
    await userEvent.click(button('Apply'));
    await waitFor(() =>
      expect(lastQuery().timeRange).toEqual({ from: '2026-10-31T20:00:00.000Z', to: '2026-10-31T23:30:00.000Z' }),
    );
    expect(document.querySelector('.ral-range__text')!.textContent).toBe(
      'Oct 31, 2026, 08:00:00 PM – Oct 31, 2026, 11:30:00 PM',
    );
    await expectRowsToMatch(adapter, lastQuery());
  });
});

describe('search', () => {
  it('searches once typing pauses, announces the count, and never lets a stale response win', async () => {
    const base = createMockAdapter({ events: FIXTURE_EVENTS, now: NOW });
    const aborted: string[] = [];
    const slowFirst: AuditLogsAdapter = {
      ...base,
      capabilities: base.capabilities,
      list: async (request, options) => {
        // "grace" answers late (long enough to still be pending when "ada" replaces it, even on a busy
        // machine); "ada" answers at once.
        if (request.query.search === 'grace') {
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(resolve, 2500);
            options?.signal?.addEventListener('abort', () => {
              clearTimeout(timer);
              aborted.push('grace');
              reject(options.signal!.reason);
            });
          });
        }
        return base.list(request, options);
      },
    };
    const onQueryChange = vi.fn();
    renderAuditLogs({ adapter: slowFirst, onQueryChange, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBe(7));
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search' });
    expect(box.getAttribute('aria-label')).toBe('Search');
    await userEvent.fill(box, 'grace');
    await waitFor(() => expect(onQueryChange).toHaveBeenCalledWith({ search: 'grace' }));
    await userEvent.fill(box, 'ada');
    await waitFor(() => expect(onQueryChange).toHaveBeenLastCalledWith({ search: 'ada' }));
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(readyRows().map((r) => r.textContent).join('|')));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    await waitFor(() => expect(readyRows().map((r) => r.textContent).join()).toContain('Ada Lovelace'));
    await waitFor(() => expect(aborted).toEqual(['grace']), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 300));
    observer.disconnect();
    expect(readyRows().every((r) => r.textContent!.includes('Ada Lovelace'))).toBe(true);
    expect(seen.some((text) => text.includes('Grace Hopper'))).toBe(false);
    expect(document.querySelector('.ral-status')!.getAttribute('aria-live')).toBe('polite');
    expect(status()).toContain('2 events');
  });
});

describe('an adapter that matches values exactly', () => {
  it('offers only the operators it understands, and no "Exclude" pivot', async () => {
    const base = createMockAdapter({ events: FIXTURE_EVENTS, now: NOW });
    const exact: AuditLogsAdapter = { ...base, capabilities: { ...base.capabilities, filterOperators: ['eq', 'in'] } };
    renderAuditLogs({ adapter: exact, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBe(7));
    await openAddFilter();
    await userEvent.selectOptions(byLabel<HTMLSelectElement>('Field'), 'actor.email');
    expect([...byLabel<HTMLSelectElement>('Operator').options].map((o) => o.textContent)).toEqual(['equals', 'is any of']);
    // Time has no exact-match operator here, so it is not offered at all.
    expect([...byLabel<HTMLSelectElement>('Field').options].map((o) => o.value)).not.toContain('timestamp');
    await userEvent.keyboard('{Escape}');
    await clickRow(readyRows()[1]!);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeNull());
    const dialog = screen.queryByRole('dialog')!;
    expect(within(dialog).queryByRole('button', { name: 'Filter by this value: User' })).not.toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Exclude this value: User' })).toBeNull();
  });
});
