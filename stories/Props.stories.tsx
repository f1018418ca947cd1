import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { AuditLogs, type AuditLogsProps } from '../src/components/root/AuditLogs';
import type { AuditQuery } from '../src/core/query';
import { frame, viewerStory } from './data';
import { designerAdapter } from './designerEvents';

/**
 * One story per prop of `<AuditLogs />` that no other story shows (a test checks that every prop has one).
 * The callbacks are Storybook spies: the Interactions panel shows each call.
 */
const meta = {
  title: 'Viewer/Props',
  component: AuditLogs,
  args: { adapter: designerAdapter(), tenantId: 'acme', theme: 'light', newEventsInterval: 0 },
  ...viewerStory,
  decorators: [frame(560)],
} satisfies Meta<typeof AuditLogs>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (canvasElement: HTMLElement) =>
  waitFor(() => expect(canvasElement.querySelectorAll('[role=row][data-state=ready]').length).toBeGreaterThan(3), { timeout: 12_000 });
const firstRow = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[role=row][data-state=ready]')!;

/** `locale` and `timeZone`: German dates and numbers, times in Berlin ("Time (MEZ)"). */
export const LocaleAndTimeZone: Story = {
  args: { locale: 'de-DE', timeZone: 'Europe/Berlin' },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(within(canvasElement).getByRole('columnheader', { name: /^Time \(/ })).not.toHaveAccessibleName('Time (UTC)');
  },
};

/** `messages`: every string can be replaced (here a few, in German); roles stay. */
export const Messages: Story = {
  args: {
    messages: {
      search: 'Suche',
      searchPlaceholder: 'Ereignisse durchsuchen',
      resultCount: (n) => (n === undefined ? '' : `${n} Ereignisse`),
      timePreset: (p) => ({ '1h': 'Letzte Stunde', '24h': 'Letzte 24 Stunden', '7d': 'Letzte 7 Tage', '30d': 'Letzte 30 Tage', '90d': 'Letzte 90 Tage' })[p],
      allTime: 'Gesamter Zeitraum',
    },
  },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(within(canvasElement).getByRole('searchbox', { name: 'Suche' })).toBeVisible();
  },
};

/** `height` and `rowHeight`: a fixed 420 px viewer with roomier 48 px rows. */
export const HeightAndRowHeight: Story = {
  decorators: [frame('auto')],
  args: { height: 420, rowHeight: 48 },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(firstRow(canvasElement).getBoundingClientRect().height).toBe(48);
  },
};

/** `className` and `classNames`: the host's own classes on the root and its parts. */
export const ClassNames: Story = {
  args: { className: 'host-audit', classNames: { root: 'host-root', toolbar: 'host-toolbar', table: 'host-table', details: 'host-details' } },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(canvasElement.querySelector('.host-table[role=table]')).not.toBeNull();
  },
};

/** `onEventOpen`: told which event was opened. */
export const OnEventOpen: Story = {
  args: { onEventOpen: fn() },
  play: async ({ canvasElement, args }) => {
    await rows(canvasElement);
    await userEvent.click(firstRow(canvasElement));
    await waitFor(() => expect(args.onEventOpen).toHaveBeenCalledTimes(1));
    await userEvent.keyboard('{Escape}');
  },
};

/** `query` with `onQueryChange`: the host owns the query (here in its state, shown below the viewer). */
function ControlledQuery(args: AuditLogsProps) {
  const [query, setQuery] = useState<AuditQuery>({ search: 'login' });
  return (
    <div style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <AuditLogs
        {...args}
        query={query}
        onQueryChange={(next) => {
          setQuery(next);
          args.onQueryChange?.(next);
        }}
      />
      <output style={{ fontFamily: 'monospace', padding: 4 }}>{JSON.stringify(query)}</output>
    </div>
  );
}
export const QueryControlled: Story = {
  args: { onQueryChange: fn() },
  render: (args) => <ControlledQuery {...args} />,
  play: async ({ canvasElement, args }) => {
    await rows(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: /Remove filter: Search/ }));
    await waitFor(() => expect(args.onQueryChange).toHaveBeenCalledWith({}));
  },
};

/** `queryIssues`: problems with a query read from a link, shown as a notice. */
export const QueryIssues: Story = {
  args: { queryIssues: ['filter "plan:gt:x": "gt" needs a number field'] },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('could not be used');
  },
};

/** `selectedEventId` with `onSelectedEventIdChange`: the host owns which event is open. */
function ControlledSelection(args: AuditLogsProps) {
  const [selected, setSelected] = useState<string | null>('d3');
  return (
    <AuditLogs
      {...args}
      selectedEventId={selected}
      onSelectedEventIdChange={(id) => {
        setSelected(id);
        args.onSelectedEventIdChange?.(id);
      }}
    />
  );
}
export const SelectionControlled: Story = {
  args: { onSelectedEventIdChange: fn() },
  render: (args) => <ControlledSelection {...args} />,
  play: async ({ canvasElement, args }) => {
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog', { name: 'Event details' }, { timeout: 12_000 });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(args.onSelectedEventIdChange).toHaveBeenCalledWith(null));
  },
};

/** `defaultColumnLayout` with `onColumnLayoutChange`: a starting layout, and every change reported. */
export const ColumnLayoutEvents: Story = {
  args: {
    storageKey: 'story-props-layout',
    defaultColumnLayout: { version: 1, order: ['timestamp', 'plan'], widths: {}, pinned: {}, seen: [] },
    onColumnLayoutChange: fn(),
  },
  play: async ({ canvasElement, args }) => {
    await rows(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Columns' }));
    await userEvent.click(await within(canvasElement).findByRole('checkbox', { name: 'Region' }, { timeout: 12_000 }));
    await waitFor(() => expect(args.onColumnLayoutChange).toHaveBeenCalled());
  },
};

/** `dataStructure`: the vendor's static column configuration over the server's (renamed, hidden, shown). */
export const DataStructure: Story = {
  args: {
    dataStructure: {
      fields: [
        { name: 'actor.name', displayName: 'Who', type: 'string' },
        { name: 'ip', displayName: 'IP address', type: 'ip', visible: false },
        { name: 'message', displayName: 'Message', type: 'string', visible: true },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(within(canvasElement).getByRole('columnheader', { name: 'Who' })).toBeVisible();
  },
};

/** `dataStructureStore`: custom fields kept by the host (here in memory) where the adapter cannot save them. */
const kept = new Map<string, unknown>();
export const DataStructureStore: Story = {
  args: {
    permissions: { manageFields: true },
    dataStructureStore: {
      load: async (tenantId) => (kept.get(tenantId) as { fields: [] } | undefined) ?? null,
      save: async (tenantId, structure) => void kept.set(tenantId, structure),
    },
  },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(within(canvasElement).getByRole('button', { name: 'Add field' })).toBeVisible();
  },
};

/** `exportTarget="file"`: exports go to a file the user picks, written as rows arrive (where the browser can). */
export const ExportToFile: Story = {
  args: { exportTarget: 'file' },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(within(canvasElement).getByRole('button', { name: 'Export CSV' })).toBeVisible();
  },
};

/** `queryClient`: the host's TanStack Query client (its cache holds the log's pages). */
const hostClient = new QueryClient();
export const HostQueryClient: Story = {
  args: { queryClient: hostClient },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await waitFor(() => expect(hostClient.getQueryCache().getAll().length).toBeGreaterThan(0));
  },
};

/**
 * `onError`: a part that throws while rendering (here the host's own `resultCount` message) shows an alert
 * with Retry in its place; the toolbar and the host's page stay, and the host is told.
 */
export const OnError: Story = {
  args: {
    onError: fn(),
    messages: {
      resultCount: () => {
        throw new Error('resultCount failed in the host’s messages');
      },
    },
  },
  play: async ({ canvasElement, args }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 12_000 });
    await expect(alert).toHaveTextContent('This part of the audit log could not be shown.');
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(within(canvasElement).getByRole('searchbox', { name: 'Search' })).toBeVisible();
    await waitFor(() => expect(args.onError).toHaveBeenCalled());
  },
};
