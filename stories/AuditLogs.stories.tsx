import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { AuditLogs } from '../src/components/root/AuditLogs';
import { frame, storyAdapter, viewerStory } from './data';

const meta = {
  title: 'Viewer/AuditLogs',
  component: AuditLogs,
  args: { adapter: storyAdapter(), tenantId: 'acme', theme: 'light' },
  ...viewerStory,
  decorators: [frame(560)],
} satisfies Meta<typeof AuditLogs>;

export default meta;
type Story = StoryObj<typeof meta>;

// Rows in view (three cards fill a 420 px narrow frame), not a page's worth: only the view and two rows past it render.
const firstRows = async (canvasElement: HTMLElement) => {
  await waitFor(() => expect(canvasElement.querySelectorAll('[role=row][data-state=ready]').length).toBeGreaterThanOrEqual(3), {
    timeout: 5000,
  });
};

/** 5,000 events of one tenant, newest first. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await firstRows(canvasElement);
    await expect(within(canvasElement).getByRole('table', { name: 'Audit logs' })).toHaveAttribute('aria-rowcount', '5001');
  },
};

/**
 * A million events in the mock backend. The scrollbar covers every row; only the visible page is fetched.
 * Left out of `npm test` because generating a million events in the browser takes seconds; the same size is
 * covered by the browser tests and `npm run bench`.
 */
export const OneMillionRows: Story = {
  args: { adapter: storyAdapter({ count: 1_000_000, latencyMs: 0 }) },
  tags: ['!test'],
};

/** The first page never arrives: skeleton rows and a loading status. */
export const Loading: Story = {
  args: { adapter: storyAdapter({ latencyMs: 1e9 }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('table')).toHaveAttribute('aria-busy', 'true');
  },
};

/** Filters that match nothing, with the way back. */
export const Empty: Story = {
  args: { defaultQuery: { search: 'no event says this' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText('No events match')).toBeInTheDocument());
    await expect(within(canvasElement).getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
  },
};

function failingAdapter() {
  const adapter = storyAdapter();
  adapter.failNext({ method: 'list', kind: 'forbidden', times: Number.POSITIVE_INFINITY });
  return adapter;
}

/** The backend refuses: an alert saying why, with Retry. */
export const Error: Story = {
  args: { adapter: failingAdapter() },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('alert')).toHaveTextContent('permission'));
    await expect(within(canvasElement).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  },
};

/** The dark palette (badges keep their order and contrast). */
export const Dark: Story = {
  args: { theme: 'dark', adapter: storyAdapter({ vocabulary: 'fsh' }) },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => firstRows(canvasElement),
};

/** Two independent viewers on one page: different tenants, their own sort, cache and details. */
export const TwoInstances: Story = {
  decorators: [frame(1100)],
  render: (args) => (
    <div style={{ display: 'grid', gridTemplateRows: '1fr 1fr', gap: 12, height: '100%' }}>
      <AuditLogs {...args} tenantId="acme" label="Audit logs: Acme" />
      <AuditLogs {...args} tenantId="globex" theme="dark" label="Audit logs: Globex" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getAllByRole('region', { name: /^Audit logs: / })).toHaveLength(2));
    await firstRows(canvasElement);
  },
};

/** A 420 px wide container: below 600 px each event is a two-line card (time and severity, then actor and action). */
export const NarrowContainer: Story = {
  decorators: [frame(520, 420)],
  play: async ({ canvasElement }) => firstRows(canvasElement),
};
