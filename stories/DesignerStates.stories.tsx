import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { createElement } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AuditLogs } from '../src/components/root/AuditLogs';
import { frame, viewerStory } from './data';
import { designerAdapter } from './designerEvents';

/**
 * The states a designer reviews: details open, each popover open, right to left, very long values,
 * custom fields, and a 390 px phone. Each has a dark twin; every story runs with axe in `npm test`.
 */
const meta = {
  title: 'Viewer/Designer states',
  component: AuditLogs,
  args: { adapter: designerAdapter(), tenantId: 'acme', theme: 'light', newEventsInterval: 0 },
  ...viewerStory,
  decorators: [frame(620)],
} satisfies Meta<typeof AuditLogs>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (canvasElement: HTMLElement) =>
  waitFor(() => expect(canvasElement.querySelectorAll('[role=row][data-state=ready]').length).toBeGreaterThan(3), { timeout: 12_000 });
const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** The same story in the dark theme. */
const dark = (story: Story): Story => ({ ...story, args: { ...story.args, theme: 'dark' }, globals: { theme: 'dark' } });

/** A right-to-left host page. */
const rtl: Decorator = (Story) => createElement('div', { dir: 'rtl', style: { height: '100%' } }, createElement(Story));

/** The details of a role change: fields, the before/after table, the payload tree and two related events. */
export const DetailsOpen: Story = {
  args: { defaultSelectedEventId: 'd1' },
  play: async ({ canvasElement }) => {
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'Event details' }, { timeout: 12_000 });
    await waitFor(() => expect(within(dialog).getByRole('table')).toHaveTextContent('Owner'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Show related events' }));
    await waitFor(() => expect(within(dialog).getByText('api_key.leaked_detected')).toBeTruthy());
  },
};
export const DetailsOpenDark = dark(DetailsOpen);

/** The Severity popover: a checkbox per level with its count. */
export const SeverityPopoverOpen: Story = {
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Severity' }));
    await expect(within(canvasElement).getByRole('checkbox', { name: /Critical/ })).toBeVisible();
  },
};

/** The Time range popover with its custom range: From and To, both naming the time zone. */
export const TimeRangePopoverOpen: Story = {
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Time range' }));
    // The panel loads on first use (a dev server compiles it on demand, slowly on a busy machine: room for that).
    await userEvent.click(await within(canvasElement).findByRole('radio', { name: 'Custom range' }, { timeout: 12_000 }));
    await expect(within(canvasElement).getByLabelText('To (UTC)')).toBeVisible();
  },
};
export const TimeRangePopoverOpenDark = dark(TimeRangePopoverOpen);

/** Add filter with "is any of": values entered one at a time, each removable. */
export const AddFilterPopoverOpen: Story = {
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add filter' }));
    // The form loads on first use (a dev server compiles it on demand, slowly on a busy machine: room for that).
    await userEvent.selectOptions(await canvas.findByRole('combobox', { name: 'Field' }, { timeout: 12_000 }), 'action');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Operator' }), 'in');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Value' }), 'user.login{Enter}user.logout{Enter}');
    await expect(canvas.getByRole('list', { name: 'Values' })).toHaveTextContent('user.logout');
  },
};

/** The Columns menu: a checkbox per field (custom ones too), move, pin, reset. */
export const ColumnsPopoverOpen: Story = {
  args: { storageKey: 'story-designer-columns' },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Columns' }));
    await expect(await within(canvasElement).findByRole('checkbox', { name: 'Plan' }, { timeout: 12_000 })).toBeChecked();
  },
};

/** A right-to-left page: the layout mirrors, the details open at the inline end (the left). */
export const RightToLeft: Story = {
  decorators: [rtl],
  args: { defaultSelectedEventId: 'd5' },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await body(canvasElement).findByRole('dialog', { name: 'Event details' }, { timeout: 12_000 });
  },
};
export const RightToLeftDark = dark(RightToLeft);

/** Values far longer than a cell: cut with an ellipsis in the table, whole (and wrapped) in the details. */
export const VeryLongValues: Story = {
  args: { defaultSelectedEventId: 'd4' },
  play: async ({ canvasElement }) => {
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'Event details' }, { timeout: 12_000 });
    await waitFor(() => expect(dialog).toHaveTextContent('Billing synchronisation service account'));
  },
};
export const VeryLongValuesDark = dark(VeryLongValues);

/** A search with its matches marked in the cells. */
export const SearchHighlighted: Story = {
  args: { defaultQuery: { search: 'login' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('mark')).toHaveTextContent('login'));
  },
};

/** A 390 px phone: each event a two-line card (time and severity, then actor and action). */
export const Phone390: Story = {
  decorators: [frame(700, 390)],
  parameters: { viewport: { defaultViewport: 'mobile1' } },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(canvasElement.querySelector('.ral-table--cards')).not.toBeNull();
  },
};
export const Phone390Dark = dark(Phone390);
