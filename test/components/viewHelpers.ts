/** Helpers for the saved views tests: open the viewer, search, and drive the Views menu by role and name. */
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AuditLogsProps } from '../../src/hooks/props';
import { readyRows, renderAuditLogs } from '../browser/setup';

export const searchbox = () => screen.getByRole('searchbox', { name: 'Search' });
export const views = () => screen.getByRole('button', { name: 'Views' });
export const viewMenu = async () => {
  await userEvent.click(views());
  return screen.findByRole('menu', { name: 'Views' });
};
export const status = () => screen.getAllByRole('status').map((s) => s.textContent ?? '').join(' ');

export async function search(text: string) {
  await userEvent.fill(searchbox(), text);
  await waitFor(
    () => {
      const rows = readyRows();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.textContent?.toLowerCase().includes(text.toLowerCase()))).toBe(true);
    },
    { timeout: 3000 },
  );
}

export async function open(props: Partial<AuditLogsProps> & Pick<AuditLogsProps, 'adapter'>) {
  renderAuditLogs({ newEventsInterval: 0, ...props });
  await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
}

export async function saveView(name: string, options: { share?: boolean; defaultForMe?: boolean; defaultForEveryone?: boolean } = {}) {
  await userEvent.click(within(await viewMenu()).getByRole('menuitem', { name: 'Save view' }));
  const dialog = await screen.findByRole('dialog', { name: 'Save view' });
  await userEvent.fill(within(dialog).getByRole('textbox', { name: 'Name' }), name);
  if (options.share) await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Share with the tenant' }));
  if (options.defaultForMe) await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Open by default for me' }));
  if (options.defaultForEveryone) await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Open by default for everyone' }));
  await userEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));
  return dialog;
}

