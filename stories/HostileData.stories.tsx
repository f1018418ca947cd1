import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { AuditLogs } from '../src/components/root/AuditLogs';
import type { AuditEventInput } from '../src/core/event';
import { createMemoryAdapter } from '../src/memory/createMemoryAdapter';
import { STORY_NOW, frame, viewerStory } from './data';

/** Names a tenant admin can type, each a member of Object.prototype: data like any other name. */
const NAMES = ['valueOf', 'toString', 'constructor', 'hasOwnProperty'];

/** Events whose custom fields, action text and severities are what a hostile writer would send. */
const events: AuditEventInput[] = [1, 2, 3, 4].map((n) => ({
  id: `p${n}`,
  tenantId: 'acme',
  timestamp: STORY_NOW - n * 600_000,
  severity: n === 4 ? 'constructor' : 'Info',
  action: n === 1 ? '=HYPERLINK("http://evil.example","click")' : `settings.changed.${n}`,
  fields: JSON.parse(`{${NAMES.map((name) => `"${name}": "${name} ${n}"`).join(',')}, "__proto__": "proto ${n}"}`) as Record<string, string>,
}));

const meta = {
  title: 'Regressions/Hostile data',
  component: AuditLogs,
  args: {
    adapter: createMemoryAdapter(events, {
      now: STORY_NOW,
      fields: NAMES.map((name) => ({ name, displayName: `Field ${name}`, type: 'string', filterable: true, sortable: true })),
    }),
    tenantId: 'acme',
    theme: 'light',
    newEventsInterval: 0,
    permissions: { manageFields: true },
  },
  ...viewerStory,
  decorators: [frame(420)],
} satisfies Meta<typeof AuditLogs>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Custom fields named `valueOf`, `toString`, `constructor`, `hasOwnProperty` (once they crashed the viewer for
 * the whole tenant), a severity named `constructor` and a formula in an action: every one shows as text.
 */
export const PrototypeNames: Story = {
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Audit logs' });
    await waitFor(() => expect(within(table).getByText('valueOf 1')).toBeVisible(), { timeout: 12_000 });
    for (const name of NAMES) await expect(within(table).getByRole('columnheader', { name: `Field ${name}` })).toBeVisible();
    await expect(within(table).getByText('=HYPERLINK("http://evil.example","click")')).toBeVisible();
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};

/** The same in the dark theme. */
export const PrototypeNamesDark: Story = {
  args: { theme: 'dark' },
  play: PrototypeNames.play,
};
