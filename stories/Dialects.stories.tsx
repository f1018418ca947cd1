import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { expect, waitFor, within } from 'storybook/test';
import { createHttpAdapter, type HttpDialect } from '../src/api/http/createHttpAdapter';
import { AuditLogs } from '../src/components/root/AuditLogs';
import { createMockHandler, type MockHandler } from '../src/mock/index';
import { STORY_NOW, frame, viewerStory } from './data';

/**
 * The component over `createHttpAdapter`, end to end: requests leave the real adapter, Mock Service Worker
 * hands them to the same handler the Node mock server runs, in each dialect.
 */
const meta = {
  title: 'Servers/HTTP dialects',
  component: AuditLogs,
  args: { tenantId: 'acme', theme: 'light', newEventsInterval: 0, adapter: createHttpAdapter({ baseUrl: '/api/native' }) },
  ...viewerStory,
  decorators: [frame(560)],
} satisfies Meta<typeof AuditLogs>;

export default meta;
type Story = StoryObj<typeof meta>;

function served(dialect: HttpDialect, setup?: (handler: MockHandler) => void) {
  const base = `/api/${dialect}`;
  const handler = createMockHandler({ dialect, count: 2_000, seed: 42, now: STORY_NOW, basePath: base, token: 'story-token' });
  setup?.(handler);
  return {
    args: { adapter: createHttpAdapter({ baseUrl: base, dialect, getToken: () => 'story-token', now: () => STORY_NOW }) },
    parameters: { msw: { handlers: [http.all(`${base}/*`, ({ request }) => handler(request))] } },
  };
}

const rowsShown = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await waitFor(() => expect(canvasElement.querySelectorAll('[role=row][data-state=ready]').length).toBeGreaterThan(5), {
    timeout: 5000,
  });
};

/** Rows, then the Severity filter open: the dialect's own words, in rank order. */
const severityOpen = (words: string[]) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await rowsShown({ canvasElement });
  const canvas = within(canvasElement);
  canvas.getByRole('button', { name: 'Severity' }).click();
  const group = await canvas.findByRole('group', { name: 'Severity' });
  for (const word of words) await expect(within(group).getByRole('checkbox', { name: word })).toBeInTheDocument();
};

/** Our own REST protocol: paging with totals, stats and histogram, severity counts, everything. */
export const Native: Story = { ...served('native'), play: severityOpen(['Critical', 'Error', 'High', 'Medium', 'Info']) };
/** Frontegg's audits API: metadata-driven columns, its five severities (no counts), today's activity from /audits/stats. */
export const Frontegg: Story = { ...served('frontegg'), play: severityOpen(['Info', 'Medium', 'High', 'Critical', 'Error']) };
/**
 * fullstackhero: the columns it fills (Time, Severity, Event type, User, Source, Correlation ID, Trace ID, Tags),
 * its six severities (one at a time), tags as named flags.
 */
export const Fullstackhero: Story = {
  ...served('fsh'),
  play: severityOpen(['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical']),
};
/** The cursor-paged logging API: its lower-case severities from /filters; rows load as you near the end. */
export const CursorLogging: Story = { ...served('logging'), play: severityOpen(['debug', 'info', 'warning', 'error', 'critical']) };

/** The token is refused even after one refresh: an authentication error, with Retry. */
export const AuthError: Story = {
  ...served('native', (handler) => handler.rotateToken('another-token')),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Your session has expired'), {
      timeout: 5000,
    });
  },
};

/** The server says 429 with a long Retry-After: the user is told to wait, rows are not blanked. */
export const RateLimited: Story = {
  ...served('frontegg', (handler) => handler.failNext({ status: 429, retryAfter: 120, path: '/audits', times: Number.POSITIVE_INFINITY })),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Too many requests'), {
      timeout: 5000,
    });
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Try again in 120 s');
  },
};
