import { userEvent } from 'vitest/browser';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, expect } from 'vitest';
import { AuditLogs, type AuditLogsProps } from '../../src/components/root/AuditLogs';
import '../../src/styles/audit-logs.css';

afterEach(cleanup);

/** A client per test, so nothing is cached across tests and retries do not slow error tests down. */
export function testClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
}

/** Renders the viewer in a box of a real size (it fills its parent), light theme unless told. */
export function renderAuditLogs(props: Partial<AuditLogsProps> & Pick<AuditLogsProps, 'adapter'>, height = 600, width = 1100) {
  const all: AuditLogsProps = { tenantId: 'acme', theme: 'light', queryClient: testClient(), ...props };
  const result = render(
    <div style={{ height, width }}>
      <AuditLogs {...all} />
    </div>,
  );
  return {
    ...result,
    rerenderWith: (next: Partial<AuditLogsProps>) =>
      result.rerender(
        <div style={{ height, width }}>
          <AuditLogs {...all} {...next} />
        </div>,
      ),
  };
}

/** Runs axe (WCAG 2 A/AA) over an element and fails with the violations listed. */
export async function expectNoAxeViolations(element: Element = document.body) {
  const results = await axe.run(element, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Body rows with their data loaded. */
export function readyRows(container: Element = document.body): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[role=row][data-state=ready]')];
}

/**
 * A real click on a body row, through its Action cell: vitest names the element it clicks by role and name when
 * the call starts, and a row's name (its time first) can match a row of the histogram's screen-reader table as
 * well once the stats arrive, which may happen before the click lands.
 */
export async function clickRow(row: HTMLElement) {
  await userEvent.click(row.querySelector<HTMLElement>('[data-column="action"]') ?? row);
}
