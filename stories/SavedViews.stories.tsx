import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AuditLogs } from '../src/components/root/AuditLogs';
import type { ViewBookData } from '../src/core/viewBook';
import type { AuditLogsAdapter } from '../src/api/adapter';
import type { ViewStore } from '../src/hooks/viewStore';
import { frame, viewerStory } from './data';
import { designerAdapter } from './designerEvents';

/** The designer log with a personal view (Ada's default) and two tenant views (one the tenant's default). */
async function seededAdapter(): Promise<AuditLogsAdapter> {
  const adapter = designerAdapter();
  const tenantId = 'acme';
  await adapter.createView({ tenantId, userId: 'ada', view: { name: 'Failed logins', scope: 'tenant', state: { query: { search: 'login' }, histogram: true }, defaultForTenant: true } });
  await adapter.createView({ tenantId, userId: 'ada', view: { name: 'Webhooks this week', scope: 'tenant', state: { query: { search: 'webhook', timeRange: { preset: '7d' } } } } });
  await adapter.createView({ tenantId, userId: 'ada', view: { name: 'My invoices', scope: 'personal', state: { query: { search: 'invoice' }, histogram: false } } });
  return adapter;
}

const rowsReady = (canvasElement: HTMLElement) =>
  waitFor(() => expect(canvasElement.querySelectorAll('[role=row][data-state=ready]').length).toBeGreaterThan(0), { timeout: 12_000 });

const meta = {
  title: 'Viewer/Saved views',
  component: AuditLogs,
  args: { adapter: designerAdapter(), tenantId: 'acme', theme: 'light', newEventsInterval: 0, readViewLink: false },
  ...viewerStory,
  decorators: [frame(560)],
  loaders: [async () => ({ seeded: await seededAdapter() })],
} satisfies Meta<typeof AuditLogs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The Views menu open: the built-in view, My views, Tenant views (the open one checked), then the actions. */
export const MenuOpen: Story = {
  render: (args, { loaded }) => <AuditLogs {...args} adapter={loaded.seeded as AuditLogsAdapter} userId="ada" permissions={{ manageViews: true }} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowsReady(canvasElement);
    await expect(canvas.getByText('View: Failed logins')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Views' }));
    const menu = canvas.getByRole('menu', { name: 'Views' });
    await expect(within(menu).getByRole('menuitemradio', { name: 'Failed logins' })).toHaveAttribute('aria-checked', 'true');
  },
};

/** A view changed since it opened: "Modified", with Save and Revert. */
export const Modified: Story = {
  render: (args, { loaded }) => (
    <AuditLogs {...args} adapter={loaded.seeded as AuditLogsAdapter} userId="ada" defaultViewId={null} viewId={undefined} onViewIdChange={() => undefined} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowsReady(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Views' }));
    await userEvent.click(canvas.getByRole('menuitemradio', { name: 'My invoices' }));
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search' }), '{Control>}a{/Control}invoice.exported{Enter}');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Revert' })).toBeVisible());
  },
};

/** The Save view dialog for an admin: Name, Share with the tenant, and both defaults. */
export const SaveDialog: Story = {
  render: (args, { loaded }) => <AuditLogs {...args} adapter={loaded.seeded as AuditLogsAdapter} userId="ada" permissions={{ manageViews: true }} onViewsChange={() => undefined} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowsReady(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Views' }));
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Save as new view' }));
    const dialog = await within(document.body).findByRole('dialog', { name: 'Save as new view' });
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Share with the tenant' }));
    await expect(within(dialog).getByRole('checkbox', { name: 'Open by default for everyone' })).toBeVisible();
  },
};

/** Manage views for a user who may not change tenant views: defaults of their own only. */
export const ManageReadOnly: Story = {
  render: (args, { loaded }) => <AuditLogs {...args} adapter={loaded.seeded as AuditLogsAdapter} userId="grace" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowsReady(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Views' }));
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Manage views' }));
    const dialog = await within(document.body).findByRole('dialog', { name: 'Manage views' });
    await expect(within(dialog).queryByRole('button', { name: 'Rename Failed logins' })).toBeNull();
  },
};

const hostData: ViewBookData = {
  views: [{ id: 'v1', name: 'Errors', scope: 'personal', ownerId: 'ada', version: '1', schemaVersion: 1, state: { query: { severities: ['Error'] } } }],
};
/** Views in the host's own store (`viewStore`), for a backend that keeps none. */
const hostStore: ViewStore = {
  load: async () => structuredClone(hostData),
  save: async () => undefined,
};

/** A backend without views and no store: this browser keeps personal views, and the dialog says so. */
export const BrowserOnly: Story = {
  render: (args) => {
    const { listViews: _l, createView: _c, updateView: _u, deleteView: _d, ...adapter } = designerAdapter();
    return <AuditLogs {...args} adapter={{ ...adapter, capabilities: { ...adapter.capabilities, views: false } }} storageKey="story-browser-views" />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowsReady(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Views' }));
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Save view' }));
    const dialog = await within(document.body).findByRole('dialog', { name: 'Save view' });
    await expect(dialog).toHaveTextContent('Saved in this browser only');
  },
};

/** The host's store, with its view open by default for Ada. */
export const HostStore: Story = {
  render: (args) => {
    const { listViews: _l, createView: _c, updateView: _u, deleteView: _d, ...adapter } = designerAdapter();
    return (
      <AuditLogs {...args} adapter={{ ...adapter, capabilities: { ...adapter.capabilities, views: false } }} userId="ada" viewStore={hostStore} defaultViewId="v1" />
    );
  },
  play: async ({ canvasElement }) => {
    await rowsReady(canvasElement);
    await expect(within(canvasElement).getByText('View: Errors')).toBeVisible();
  },
};
