import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { readyRows, renderAuditLogs } from '../browser/setup';

describe('AuditLogs props', () => {
  it('applies className, classNames and height', async () => {
    renderAuditLogs({
      adapter: createMockAdapter({ count: 20, now: NOW }),
      className: 'host-root',
      classNames: { table: 'host-table', toolbar: 'host-toolbar' },
      height: 320,
    });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
    const root = document.querySelector<HTMLElement>('section.ral-root')!;
    expect(root.classList.contains('host-root')).toBe(true);
    expect(root.getBoundingClientRect().height).toBe(320);
    expect(screen.getByRole('table', { name: 'Audit logs' }).classList.contains('host-table')).toBe(true);
    expect(document.querySelector('.ral-toolbar')!.classList.contains('host-toolbar')).toBe(true);
  });

  it('shows dates in the given locale and time zone, inside <time dateTime>', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 20, now: NOW }), locale: 'de-DE', timeZone: 'Asia/Tokyo' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
    const time = readyRows()[0]!.querySelector('time')!;
    const iso = time.getAttribute('datetime')!;
    expect(iso).toMatch(/Z$/);
    const expected = new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Asia/Tokyo', year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).format(new Date(iso));
    expect(time.textContent).toBe(expected);
  });

  it('falls back to UTC for an unknown time zone and says so', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 20, now: NOW }), timeZone: 'Mars/Olympus' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
    expect(document.querySelector('[role=status]')!.textContent).toContain('Unknown time zone "Mars/Olympus"');
  });

  it('replaces strings through messages; the roles stay', async () => {
    const adapter = createMockAdapter({ count: 20, now: NOW });
    adapter.failNext({ method: 'list', kind: 'forbidden' });
    renderAuditLogs({ adapter, messages: { region: 'Prüfprotokoll', retry: 'Erneut versuchen' } });
    await waitFor(() => expect(screen.queryByRole('alert')?.querySelector('button')?.textContent).toBe('Erneut versuchen'));
    expect(document.querySelector('section')!.getAttribute('aria-label')).toBe('Prüfprotokoll');
  });
});
