import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { splitMatches } from '../../src/core/highlight';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { NOW } from '../fixtures/events';
import { expectNoAxeViolations, readyRows, renderAuditLogs } from '../browser/setup';

const hostile = '<img src=x onerror="window.__pwnedMark=1">Login from <b>Lisbon</b>';
const events = [
  { id: 'h1', tenantId: 'acme', timestamp: NOW - 1000, severity: 'Info', action: 'user.login', resource: hostile, payload: { note: 'second LOGIN attempt' } },
  { id: 'h2', tenantId: 'acme', timestamp: NOW - 2000, severity: 'Info', action: 'invoice.paid' },
];

describe('search matches are highlighted as text', () => {
  it('splits text around every case-insensitive match of the phrase, leaving the text whole', () => {
    expect(splitMatches('User Login, login', 'LOGIN')).toEqual([
      { text: 'User ', match: false },
      { text: 'Login', match: true },
      { text: ', ', match: false },
      { text: 'login', match: true },
    ]);
    expect(splitMatches('a.b(c)', '.b(')).toEqual([
      { text: 'a', match: false },
      { text: '.b(', match: true },
      { text: 'c)', match: false },
    ]);
    expect(splitMatches('nothing here', 'zzz')).toEqual([{ text: 'nothing here', match: false }]);
  });

  it('marks matches in cells and in the details with <mark>, never turning values into HTML', async () => {
    renderAuditLogs({
      adapter: createMemoryAdapter(events, { now: NOW }),
      defaultQuery: { search: 'login' },
      newEventsInterval: 0,
    });
    await waitFor(() => expect(readyRows()).toHaveLength(1));
    const row = readyRows()[0]!;
    const marks = [...row.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(expect.arrayContaining(['login', 'Login']));
    // The hostile value is text: no element was made from it.
    expect(row.querySelector('img, b')).toBeNull();
    expect(row.textContent).toContain('<img src=x onerror="window.__pwnedMark=1">');
    await userEvent.click(row);
    const dialog = await screen.findByRole('dialog', { name: 'Event details' });
    const inDetails = [...dialog.querySelectorAll('mark')].map((m) => m.textContent);
    expect(inDetails).toEqual(expect.arrayContaining(['login', 'Login', 'LOGIN']));
    expect(dialog.querySelector('img, b')).toBeNull();
    expect((window as { __pwnedMark?: number }).__pwnedMark).toBeUndefined();
    await expectNoAxeViolations();
  });
});
