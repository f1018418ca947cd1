// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AuditLogs } from '../../src/components/root/AuditLogs';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';

describe('server rendering', () => {
  it('renders on the server without a window, as a labelled region with a loading table', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <>
        <AuditLogs adapter={createMockAdapter({ count: 10, now: NOW })} tenantId="acme" />
        <AuditLogs adapter={createMockAdapter({ count: 10, now: NOW })} tenantId="globex" theme="dark" />
      </>,
    );
    expect(html).toContain('aria-label="Audit logs"');
    expect(html).toContain('role="table"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('data-theme="dark"');
    // Two instances, no shared ids.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
