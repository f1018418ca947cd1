import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { renderAuditLogs } from '../browser/setup';

const status = () => document.querySelector('.ral-status')!.textContent ?? '';

describe('words and numbers follow the locale', () => {
  it('writes counts as the locale writes numbers', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 1234, seed: 3, now: NOW }), locale: 'de-DE', newEventsInterval: 0 });
    await waitFor(() => expect(status()).toContain('1.234 events'));
  });

  it('keeps en-US for an unknown locale, and says so', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 1234, seed: 3, now: NOW }), locale: 'not a locale!!', newEventsInterval: 0 });
    await waitFor(() => expect(status()).toContain('1,234 events'));
    expect(status()).toContain('Unknown locale');
  });

  it('takes every string from messages: operators, presets, range words and filter problems', async () => {
    renderAuditLogs({
      adapter: createMockAdapter({ count: 20, seed: 3, now: NOW }),
      newEventsInterval: 0,
      defaultQuery: { timeRange: { preset: '7d' } },
      messages: {
        timePreset: (p) => `Letzte ${p}`,
        operator: (op) => `op:${op}`,
        filterProblem: {
          chooseField: 'Feld wählen.',
          chooseOperator: () => 'Vergleich wählen.',
          enterDateTime: 'Datum eingeben.',
          endAfterStart: 'Ende nach Anfang.',
          enterValues: 'Werte eingeben.',
          enterValue: 'Wert eingeben.',
          enterNumber: 'Zahl eingeben.',
          wholeEmail: 'Ganze Adresse.',
          enterIp: 'IP eingeben.',
        },
      },
    });
    await waitFor(() => expect(status()).toMatch(/event/));
    expect(document.querySelector('.ral-range__text')!.textContent).toBe('Letzte 7d');
    await userEvent.click(screen.getByRole('button', { name: 'Add filter' }));
    const operator = (await screen.findByRole('combobox', { name: 'Operator' })) as HTMLSelectElement;
    expect([...operator.options].map((o) => o.textContent)).toEqual(['op:before', 'op:after', 'op:between']);
    await userEvent.click(screen.getByRole('button', { name: 'Apply filter' }));
    await waitFor(() => expect(document.querySelector('.ral-field-error')?.textContent).toBe('Datum eingeben.'));
  });
});
