import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AuditLogs } from '../src/components/root/AuditLogs';
import { STORY_NOW, frame, storyAdapter, viewerStory } from './data';

const meta = {
  title: 'Viewer/Finding things',
  component: AuditLogs,
  args: {
    adapter: storyAdapter({ fields: [{ name: 'region', displayName: 'Region', type: 'string', filterable: true }] }),
    tenantId: 'acme',
    theme: 'light',
    newEventsInterval: 0,
  },
  ...viewerStory,
  decorators: [frame(640)],
} satisfies Meta<typeof AuditLogs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** "Who deleted that API key last week?": a search, two severities and a field filter as chips; the time range beside its button. */
export const FiltersInUse: Story = {
  args: {
    defaultQuery: {
      search: 'api_key',
      severities: ['High', 'Warning'],
      timeRange: { preset: '30d' },
      filters: [{ field: 'region', op: 'in', value: ['eu-west-1', 'us-east-1'] }],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('list', { name: 'Active filters' }).children).toHaveLength(3));
    expect(canvas.getByText('Last 30 days')).toBeTruthy();
  },
};

/** The picture of activity over 30 days; drag across the bars to zoom in. */
export const Histogram: Story = {
  args: { defaultQuery: { timeRange: { preset: '30d' } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.ral-histogram__bucket').length).toBeGreaterThan(20));
  },
};

/** The Add filter form explaining a value it cannot use. */
export const InvalidFilterValue: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Add filter' }));
    await userEvent.selectOptions(await canvas.findByRole('combobox', { name: 'Field' }, { timeout: 12_000 }), 'actor.email');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Operator' }), 'eq');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Value' }), 'not-an-email');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply filter' }));
    await waitFor(() => expect(canvas.getByText(/whole email address/)).toBeInTheDocument());
  },
};

function LiveLog(args: Parameters<typeof AuditLogs>[0]) {
  const [adapter] = useState(() => {
    const a = storyAdapter({ latencyMs: 0 });
    // Three events arrive after the log was loaded.
    setTimeout(() => {
      for (let i = 1; i <= 3; i++) {
        void a.create({ tenantId: 'acme', event: { action: 'api_key.created', severity: 'High', timestamp: STORY_NOW + i * 1000 } });
      }
    }, 200);
    return a;
  });
  return <AuditLogs {...args} adapter={adapter} newEventsInterval={300} />;
}

/** Events that arrived since the log loaded are announced; a click loads them without moving the rows. */
export const NewEventsBanner: Story = {
  render: (args) => <LiveLog {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('button', { name: '3 new events' })).toBeInTheDocument(), { timeout: 12_000 });
  },
};
