import { render, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AuditLogs } from '../../src/components/root/AuditLogs';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { readyRows, testClient } from '../browser/setup';

describe('the root element', () => {
  it('forwards its ref to the section and passes the DOM props it is given; none of its own props reach the DOM', async () => {
    const ref = createRef<HTMLElement>();
    const onKeyDown = vi.fn();
    const errors = vi.spyOn(console, 'error');
    render(
      <div style={{ height: 500, width: 1000 }}>
        <AuditLogs
          ref={ref}
          id="tenant-log"
          data-testid="log"
          aria-describedby="log-help"
          title="Who did what"
          style={{ outline: '1px solid red' }}
          height={480}
          onKeyDown={onKeyDown}
          adapter={createMockAdapter({ count: 20, now: NOW })}
          tenantId="acme"
          theme="dark"
          label="Acme audit log"
          queryClient={testClient()}
          newEventsInterval={0}
          rowHeight={40}
          storageKey="root-props"
          onError={() => undefined}
        />
        <p id="log-help">Everything your team did</p>
      </div>,
    );
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
    const region = screen.getByRole('region', { name: 'Acme audit log' });
    expect(ref.current).toBe(region);
    expect(region.id).toBe('tenant-log');
    expect(region.dataset.testid).toBe('log');
    expect(region.dataset.theme).toBe('dark');
    expect(region).toHaveAccessibleDescription('Everything your team did');
    expect(region.style.height).toBe('480px');
    expect(region.style.outline).toContain('red');
    expect(region.title).toBe('Who did what');
    region.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
    expect(onKeyDown).toHaveBeenCalled();
    for (const own of ['adapter', 'tenantid', 'rowheight', 'storagekey', 'neweventsinterval', 'label', 'theme']) expect(region.hasAttribute(own), own).toBe(false);
    expect(errors.mock.calls.map((c) => String(c[0])).filter((m) => /React does not recognize|Unknown event handler|Invalid value for prop/.test(m))).toEqual([]);
    errors.mockRestore();
  });
});
