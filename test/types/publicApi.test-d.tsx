/**
 * Type tests for the public API (run by `vitest --project types` in `npm test`): the props, the parts and the
 * adapter types hosts write against. A change here is a change in what hosts' code compiles to.
 */
import type { ComponentProps, ReactElement } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import {
  AuditLogs,
  createHttpAdapter,
  createMemoryAdapter,
  defineDialect,
  useAuditLogs,
  type AuditEvent,
  type AuditLogsAdapter,
  type AuditLogsProps,
  type AuditLogsRootProps,
  type AuditLogsState,
  type AuditQuery,
  type ExportState,
  type HttpDialect,
} from '../../src/index';
import { runExport, type ExportResult } from '../../src/export';

describe('<AuditLogs /> props', () => {
  it('needs an adapter and a tenant, and nothing else', () => {
    expectTypeOf<Pick<AuditLogsProps, 'adapter' | 'tenantId'>>().toEqualTypeOf<{ adapter: AuditLogsAdapter; tenantId: string }>();
    expectTypeOf<{ adapter: AuditLogsAdapter; tenantId: string }>().toExtend<AuditLogsProps>();
    expectTypeOf<{ tenantId: string }>().not.toExtend<AuditLogsProps>();
  });

  it('takes each stateful prop as a trio of value, default and handler', () => {
    expectTypeOf<AuditLogsProps['query']>().toEqualTypeOf<AuditQuery | undefined>();
    expectTypeOf<AuditLogsProps['defaultQuery']>().toEqualTypeOf<AuditQuery | undefined>();
    expectTypeOf<AuditLogsProps['onQueryChange']>().toEqualTypeOf<((query: AuditQuery) => void) | undefined>();
    expectTypeOf<AuditLogsProps['selectedEventId']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<AuditLogsProps['onSelectedEventIdChange']>().toEqualTypeOf<((id: string | null) => void) | undefined>();
  });

  it('passes the DOM props of its <section> through, and its ref is that element', () => {
    expectTypeOf<{ adapter: AuditLogsAdapter; tenantId: string; id: string; onKeyDown: () => void; style: { margin: number } }>().toExtend<AuditLogsRootProps>();
    expectTypeOf<ComponentProps<typeof AuditLogs>['ref']>().toExtend<React.Ref<HTMLElement> | undefined>();
    // Our `onError` is the part boundary's, not the DOM's error event.
    expectTypeOf<AuditLogsRootProps['onError']>().toEqualTypeOf<((error: unknown, info: React.ErrorInfo) => void) | undefined>();
  });

  it('refuses a permission or theme that does not exist', () => {
    expectTypeOf<{ manageViews: true }>().not.toExtend<NonNullable<AuditLogsProps['permissions']>>();
    expectTypeOf<'sepia'>().not.toExtend<NonNullable<AuditLogsProps['theme']>>();
  });
});

describe('the parts', () => {
  it('are members of AuditLogs under the names hosts write', () => {
    expectTypeOf<ComponentProps<typeof AuditLogs.Root>>().toEqualTypeOf<ComponentProps<typeof AuditLogs>>();
    for (const part of [AuditLogs.Search, AuditLogs.Table, AuditLogs.Toolbar, AuditLogs.Status, AuditLogs.NewEvents]) {
      expectTypeOf(part).toExtend<() => ReactElement | null>();
    }
    expectTypeOf<ComponentProps<typeof AuditLogs.ExportButton>>().toEqualTypeOf<{ compact?: boolean }>();
    expectTypeOf<ComponentProps<typeof AuditLogs.Details>>().toEqualTypeOf<{ className?: string }>();
  });

  it('share one state through useAuditLogs()', () => {
    expectTypeOf(useAuditLogs).returns.toEqualTypeOf<AuditLogsState>();
    expectTypeOf<AuditLogsState['setQuery']>().toEqualTypeOf<(query: AuditQuery) => void>();
    expectTypeOf<AuditLogsState['total']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<AuditLogsState['export']['start']>().parameters.toEqualTypeOf<['csv' | 'jsonl']>();
    expectTypeOf<ExportState['status']>().toEqualTypeOf<'idle' | 'running' | 'failed' | 'done'>();
  });
});

describe('adapters', () => {
  it('are AuditLogsAdapters, whichever kind', () => {
    expectTypeOf(createMemoryAdapter).returns.toExtend<AuditLogsAdapter>();
    expectTypeOf(createHttpAdapter).returns.toEqualTypeOf<AuditLogsAdapter>();
    expectTypeOf<HttpDialect>().toEqualTypeOf<'native' | 'frontegg' | 'fsh' | 'logging'>();
    expectTypeOf(defineDialect).returns.toExtend<NonNullable<Parameters<typeof createHttpAdapter>[0]['dialect']>>();
  });

  it('keep optional what a backend may not do, and required what every backend must', () => {
    expectTypeOf<AuditLogsAdapter['list']>().toBeFunction();
    expectTypeOf<AuditLogsAdapter['delete']>().toExtend<((...args: never[]) => Promise<void>) | undefined>();
    expectTypeOf<Awaited<ReturnType<AuditLogsAdapter['get']>>>().toEqualTypeOf<AuditEvent>();
  });

  it('export anywhere through react-audit-logs/export', () => {
    expectTypeOf(runExport).returns.toEqualTypeOf<Promise<ExportResult>>();
  });
});
