import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { NOW } from '../fixtures/events';
import { expectNoAxeViolations, readyRows, renderAuditLogs } from '../browser/setup';

const event = {
  id: 'look-1',
  tenantId: 'acme',
  timestamp: NOW - 60_000,
  severity: 'High',
  action: 'billing.plan_changed',
  actor: { id: 'u1', name: 'Ada Lovelace', email: 'ada@acme.example' },
  ip: '10.0.0.1',
  correlationId: 'c-42',
  changes: [{ field: 'plan', before: 'team', after: 'business' }],
  payload: { note: 'said "hi"', nested: { deeper: { deepest: [1, 2, 3] } } },
  fields: { billing_plan: 'business', region: 'eu-west-1' },
};

async function openDetails(theme: 'light' | 'dark' = 'light') {
  renderAuditLogs({
    adapter: createMemoryAdapter([event], {
      now: NOW,
      fields: [{ name: 'region', displayName: 'Data region', type: 'string', filterable: true }],
    }),
    newEventsInterval: 0,
    theme,
  });
  await waitFor(() => expect(readyRows()).toHaveLength(1));
  // A real click on the table's one body row (named through the table: the histogram's hidden table of counts
  // has a row whose name starts with the same time).
  await page.getByRole('table', { name: 'Audit logs' }).getByRole('row').nth(1).click();
  return await screen.findByRole('dialog', { name: 'Event details' });
}

describe('event details, as a tenant admin sees them', () => {
  it('every control is at least a 24 × 24 px target (WCAG 2.2), and labels sit level with their values', async () => {
    const dialog = await openDetails();
    const targets = within(dialog).getAllByRole('button');
    // Copy, filter, exclude, the JSON toggles, "Add as column": all of them.
    expect(targets.length).toBeGreaterThan(8);
    for (const target of targets) {
      const box = target.getBoundingClientRect();
      expect({ name: target.getAttribute('aria-label') ?? target.textContent, w: box.width >= 24, h: box.height >= 24 }).toEqual({
        name: target.getAttribute('aria-label') ?? target.textContent,
        w: true,
        h: true,
      });
    }
    // A label's text and its value's text are centred on the same line.
    const items = [...dialog.querySelectorAll('.ral-fields dt')];
    for (const dt of items.slice(0, 6)) {
      const dd = dt.nextElementSibling!;
      const text = dd.querySelector('.ral-fields__text, time, .ral-severity') ?? dd;
      const a = dt.getBoundingClientRect();
      const b = text.getBoundingClientRect();
      expect(Math.abs(a.top + a.height / 2 - (b.top + b.height / 2))).toBeLessThan(2);
    }
  });

  it('shows the time once, custom fields by their display names, and JSON that copies as JSON', async () => {
    const dialog = await openDetails();
    expect(dialog.querySelectorAll('time')).toHaveLength(1);
    const labels = [...dialog.querySelectorAll('.ral-fields dt')].map((dt) => dt.textContent);
    expect(labels).toContain('Data region');
    // A key the data structure lacks is named as people read it, not as the raw key.
    expect(labels).toContain('Billing plan');
    expect(labels).not.toContain('region');
    const payload = within(dialog).getByRole('list', { name: 'Payload' });
    const note = [...payload.querySelectorAll('li')].find((li) => li.textContent?.startsWith('note:'))!;
    const value = note.querySelector('.ral-json__value')!.textContent!;
    expect(JSON.parse(value)).toBe('said "hi"');
    expect(value).not.toMatch(/[“”]/);
  });

  it('gives the Changes table field column a quarter of the width, in the dark theme too', async () => {
    const dialog = await openDetails('dark');
    const table = within(dialog).getByRole('table');
    const [field, before] = [...table.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect().width);
    expect(field! / table.getBoundingClientRect().width).toBeLessThan(0.3);
    expect(before!).toBeGreaterThan(field!);
    await expectNoAxeViolations();
  });
});
