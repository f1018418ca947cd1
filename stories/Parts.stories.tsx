import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AuditLogs } from '../src/components/root/AuditLogs';
import { OnlyErrors } from './hostControls';
import { frame, viewerStory } from './data';
import { designerAdapter } from './designerEvents';

const meta = {
  title: 'Viewer/Parts',
  component: AuditLogs.Root,
  args: { adapter: designerAdapter(), tenantId: 'acme', theme: 'light', newEventsInterval: 0 },
  ...viewerStory,
  decorators: [frame(560)],
} satisfies Meta<typeof AuditLogs.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The host's header holds the search, a control of its own and the export; the table fills a section below,
 * and the open event shows in the host's aside (no dialog).
 */
export const HostLayout: Story = {
  render: (args) => (
    <AuditLogs.Root {...args}>
      <header aria-label="Admin header" style={{ display: 'flex', alignItems: 'center', gap: 8, padding: 8 }}>
        <strong>Acme admin</strong>
        <AuditLogs.Search />
        <OnlyErrors />
        <AuditLogs.ExportButton />
      </header>
      <div style={{ display: 'flex', gap: 8 }}>
        <section aria-label="Activity" style={{ height: 460, flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          <AuditLogs.Table />
        </section>
        <aside aria-label="Selected event" style={{ width: 360, height: 460, overflow: 'auto' }}>
          <AuditLogs.Details />
        </aside>
      </div>
    </AuditLogs.Root>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelectorAll('[role=row][data-state=ready]').length).toBeGreaterThan(3), { timeout: 12_000 });
    const header = canvas.getByRole('banner', { name: 'Admin header' });
    await userEvent.click(within(header).getByRole('button', { name: 'Only errors' }));
    await expect(within(header).getByRole('button', { name: 'Only errors' })).toHaveAttribute('aria-pressed', 'true');
    await expect(within(header).getByRole('button', { name: 'Export CSV' })).toBeVisible();
    await userEvent.click(canvasElement.querySelector<HTMLElement>('[role=row][data-state=ready]')!);
    const aside = canvas.getByRole('complementary', { name: 'Selected event' });
    await expect(await within(aside).findByRole('region', { name: 'Event details' }, { timeout: 12_000 })).toBeVisible();
  },
};

/** Two roots on one page: each its own state. */
export const TwoRoots: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12, height: '100%' }}>
      {['Production', 'Staging'].map((label) => (
        <AuditLogs.Root key={label} {...args} label={`${label} log`}>
          <AuditLogs.Search />
          <div style={{ height: 440, display: 'flex', flexDirection: 'column' }}>
            <AuditLogs.Table />
          </div>
        </AuditLogs.Root>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Production log' })).toBeVisible();
    await expect(canvas.getByRole('region', { name: 'Staging log' })).toBeVisible();
  },
};
