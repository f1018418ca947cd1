import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AuditLogs } from '../src/components/root/AuditLogs';
import { BUILT_IN_FIELDS } from '../src/core/fields';
import { STORY_NOW, frame, storyAdapter, viewerStory } from './data';

/** Every user's columns, and the custom fields tenant admins add. */
const meta = {
  title: 'Viewer/Columns and custom fields',
  component: AuditLogs,
  args: {
    adapter: storyAdapter({ count: 300, latencyMs: 0, now: STORY_NOW, fields: [{ name: 'region', displayName: 'Region', type: 'string', filterable: true }] }),
    tenantId: 'acme',
    theme: 'light',
    newEventsInterval: 0,
    permissions: { manageFields: true },
  },
  ...viewerStory,
  decorators: [frame(560)],
} satisfies Meta<typeof AuditLogs>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = async (canvasElement: HTMLElement) =>
  waitFor(() => expect(canvasElement.querySelectorAll('[role=row][data-state=ready]').length).toBeGreaterThan(3), { timeout: 12_000 });
const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** The Columns menu open: a checkbox per field, move, pin, and Reset columns. */
export const ColumnsMenuOpen: Story = {
  args: { storageKey: 'story-columns-menu' },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Columns' }));
    await expect(await within(canvasElement).findByRole('checkbox', { name: 'Region' }, { timeout: 12_000 })).toBeChecked();
  },
};

/** A custom field column with values (Region), moved next to Time and pinned, with a wider Action column. */
export const ReorderedResizedPinned: Story = {
  args: {
    columnLayout: { version: 1, order: ['timestamp', 'region'], widths: { action: 320 }, pinned: { start: ['timestamp'] }, seen: [] },
  },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    const table = within(canvasElement).getByRole('table', { name: 'Audit logs' });
    await expect(within(table).getByRole('separator', { name: 'Resize Action' })).toHaveAttribute('aria-valuenow', '320');
  },
};

/** Add field with the errors a form shows: a name that does not fit, a reserved one. */
export const AddFieldValidation: Story = {
  args: { storageKey: 'story-add-invalid' },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add field' }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'Add field' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), '9 lives');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true'));
  },
};

/** The save fails: the dialog stays with everything typed and the server's reason. */
export const AddFieldSaveFails: Story = {
  args: {
    storageKey: 'story-add-fails',
    adapter: (() => {
      const adapter = storyAdapter({ count: 100, latencyMs: 0, now: STORY_NOW });
      adapter.failNext({ method: 'saveDataStructure', kind: 'server', times: Number.POSITIVE_INFINITY, message: 'The structure store is down.' });
      return adapter;
    })(),
  },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add field' }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'Add field' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'plan');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Display name' }), 'Plan');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('store is down'));
  },
};

/** Where the adapter cannot keep fields, they are kept in this browser, and the dialog says so. */
export const SavedInThisBrowserOnly: Story = {
  args: {
    storageKey: 'story-browser-only',
    adapter: (() => {
      const adapter = storyAdapter({ count: 100, latencyMs: 0, now: STORY_NOW });
      return { ...adapter, capabilities: { ...adapter.capabilities, editDataStructure: false } };
    })(),
  },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add field' }));
    await expect(await body(canvasElement).findByRole('dialog', { name: 'Add field' })).toHaveTextContent('Saved in this browser only.');
  },
};

/** "Add as column" on the payload keys of an event's details. */
export const AddAsColumnFromDetails: Story = {
  args: { storageKey: 'story-add-as-column' },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    canvasElement.querySelector<HTMLElement>('[role=row][data-state=ready]')!.click();
    const details = await body(canvasElement).findByRole('dialog', { name: 'Event details' }, { timeout: 12_000 });
    await userEvent.click(within(details).getByRole('button', { name: 'Add status as a column' }));
    // The Add field dialog loads on first use.
    await expect(await body(canvasElement).findByRole('textbox', { name: 'Value from' }, { timeout: 12_000 })).toHaveValue('payload.status');
  },
};

/** Twenty columns: the table scrolls sideways, the header with it. */
export const TwentyColumns: Story = {
  args: {
    storageKey: 'story-twenty',
    defaultColumnLayout: { version: 1, visibility: Object.fromEntries(BUILT_IN_FIELDS.map((f) => [f.name, true])), seen: BUILT_IN_FIELDS.map((f) => f.name) },
  },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    const scroller = canvasElement.querySelector<HTMLElement>('.ral-table__scroller')!;
    await expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
  },
};

/** Without manageFields: Columns (personal) but no Add field. */
export const ReadOnly: Story = {
  args: { permissions: { manageFields: false, export: false, delete: false }, storageKey: 'story-read-only-columns' },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(within(canvasElement).queryByRole('button', { name: 'Add field' })).toBeNull();
    await expect(within(canvasElement).getByRole('button', { name: 'Columns' })).toBeInTheDocument();
  },
};
