import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { AuditLogs } from '../src/components/root/AuditLogs';
import { STORY_NOW, frame, storyAdapter, viewerStory } from './data';

/** Deleting an event, and what a read-only viewer does not offer. */
const meta = {
  title: 'Viewer/Delete and permissions',
  component: AuditLogs,
  args: {
    adapter: storyAdapter({ count: 200, latencyMs: 0, now: STORY_NOW }),
    tenantId: 'acme',
    theme: 'light',
    newEventsInterval: 0,
    permissions: { delete: true },
  },
  ...viewerStory,
  decorators: [frame(520)],
} satisfies Meta<typeof AuditLogs>;

export default meta;
type Story = StoryObj<typeof meta>;

const openFirstRow = async (canvasElement: HTMLElement) => {
  await waitFor(() => expect(canvasElement.querySelectorAll('[role=row][data-state=ready]').length).toBeGreaterThan(3));
  canvasElement.querySelector<HTMLElement>('[role=row][data-state=ready]')!.click();
  return within(canvasElement.ownerDocument.body).findByRole('dialog', { name: 'Event details' }, { timeout: 12_000 });
};

/** "Delete event?": the event named, the warning, Cancel focused. */
export const ConfirmDelete: Story = {
  play: async ({ canvasElement }) => {
    const details = await openFirstRow(canvasElement);
    within(details).getByRole('button', { name: 'Delete event' }).click();
    const confirm = await within(canvasElement.ownerDocument.body).findByRole('alertdialog', { name: 'Delete event?' });
    await expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await expect(confirm).toHaveTextContent('permanent');
  },
};

/** The server refuses: the reason, and nothing removed. */
export const DeleteRefused: Story = {
  args: {
    adapter: (() => {
      const adapter = storyAdapter({ count: 200, latencyMs: 0, now: STORY_NOW });
      adapter.failNext({ method: 'delete', kind: 'forbidden', times: Number.POSITIVE_INFINITY, message: 'Deleting needs the audit:write permission.' });
      return adapter;
    })(),
  },
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const details = await openFirstRow(canvasElement);
    within(details).getByRole('button', { name: 'Delete event' }).click();
    const confirm = await body.findByRole('alertdialog', { name: 'Delete event?' });
    within(confirm).getByRole('button', { name: 'Delete event' }).click();
    await expect(await within(confirm).findByRole('alert')).toHaveTextContent('audit:write');
  },
};

/** Read-only: no Delete event in the details (and no other changing action). */
export const ReadOnly: Story = {
  args: { permissions: { export: false, manageFields: false, delete: false } },
  play: async ({ canvasElement }) => {
    const details = await openFirstRow(canvasElement);
    await expect(within(details).queryByRole('button', { name: 'Delete event' })).toBeNull();
  },
};
