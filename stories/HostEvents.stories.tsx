import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { AuditLogs } from '../src/components/root/AuditLogs';
import type { AuditEventInput, JsonValue } from '../src/core/event';
import { createMemoryAdapter } from '../src/memory/createMemoryAdapter';
import { STORY_NOW, frame, viewerStory } from './data';

/** A payload nested far past any sane depth: shown as a marked preview, the rest of the log intact. */
function deepPayload(levels: number): JsonValue {
  let value: JsonValue = { leaf: true };
  for (let i = 0; i < levels; i++) value = { nested: value };
  return value;
}

/** Events as a host holds them: epoch seconds, a numeric severity, custom fields, one hostile payload, one broken event. */
const events: AuditEventInput[] = [
  { id: 'h1', tenantId: 'acme', timestamp: STORY_NOW / 1000 - 60, severity: 'High', action: 'api_key.created',
    actor: { name: 'Ada Lovelace', email: 'ada@acme.example' }, fields: { plan: 'enterprise', seats: 120 } },
  { id: 'h2', tenantId: 'acme', timestamp: STORY_NOW - 3_600_000, severity: 5, action: 'webhook.delivery_failed',
    message: 'HTTP 502 from the receiver', fields: { plan: 'team', seats: 8 } },
  { id: 'h3', tenantId: 'acme', timestamp: new Date(STORY_NOW - 7_200_000).toISOString(), severity: 'Info',
    action: 'user.login', actor: { name: 'Grace Hopper', email: 'grace@acme.example' }, payload: deepPayload(5_000) },
  { id: 'h4', tenantId: 'acme', timestamp: 'yesterday', severity: 'Info', action: 'broken.event' },
];

const meta = {
  title: 'Adapters/Host events (createMemoryAdapter)',
  component: AuditLogs,
  args: {
    adapter: createMemoryAdapter(events, {
      now: STORY_NOW,
      fields: [
        { name: 'plan', displayName: 'Plan', type: 'string', filterable: true, sortable: true },
        { name: 'seats', displayName: 'Seats', type: 'number', filterable: true, sortable: true },
      ],
    }),
    tenantId: 'acme',
    theme: 'light',
    newEventsInterval: 0,
  },
  ...viewerStory,
  decorators: [frame(480)],
} satisfies Meta<typeof AuditLogs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Three readable events with their custom columns; the broken one is left out and counted. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('[role=row][data-state=ready]').length).toBe(3));
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('One event could not be read');
  },
};

/** The details of the event with the 5,000-level payload, opened by id (`selectedEventId`). */
export const DetailsOpenById: Story = {
  args: { defaultSelectedEventId: 'h3' },
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    await waitFor(() => expect(body.getByRole('dialog', { name: 'Event details' })).toHaveTextContent('user.login'), { timeout: 12_000 });
  },
};
