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
  type AuditActor,
  type AuditEvent,
  type AuditEventInput,
  type AuditLogsAdapter,
  type AuditLogsProps,
  type AuditLogsRootProps,
  type AuditLogsState,
  type AuditQuery,
  type AuditSort,
  type EntityChange,
  type ExportState,
  type FieldDefinition,
  type FieldDefinitionInput,
  type FieldFilter,
  type HttpDialect,
  type TimeRange,
} from '../../src/index';
import { runExport, type ExportResult } from '../../src/export';
import type * as z from 'zod/mini';
import type {
  AuditActorSchema,
  AuditEventInputSchema,
  AuditEventSchema,
  AuditQuerySchema,
  EntityChangeSchema,
  FieldDefinitionSchema,
  FieldFilterSchema,
  SortSchema,
  TimeRangeSchema,
} from '../core/zodReference';

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
    expectTypeOf<{ manageLogs: true }>().not.toExtend<NonNullable<AuditLogsProps['permissions']>>();
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

describe('the written-out model types', () => {
  // The public types are written out (so the API report shows them); each must stay what its reference schema
  // reads (the checkers that read them are held to the same schemas by test/core/checkParity.test.ts).
  it('are what the schemas read', () => {
    expectTypeOf<AuditEvent>().toEqualTypeOf<z.infer<typeof AuditEventSchema>>();
    expectTypeOf<AuditActor>().toEqualTypeOf<z.infer<typeof AuditActorSchema>>();
    expectTypeOf<EntityChange>().toEqualTypeOf<z.infer<typeof EntityChangeSchema>>();
    // The schema takes any JSON-like input where the type says JSON: what the type allows, it accepts.
    expectTypeOf<AuditEventInput>().toExtend<z.input<typeof AuditEventInputSchema>>();
    expectTypeOf<AuditQuery>().toEqualTypeOf<z.infer<typeof AuditQuerySchema>>();
    expectTypeOf<FieldFilter>().toEqualTypeOf<z.infer<typeof FieldFilterSchema>>();
    expectTypeOf<TimeRange>().toEqualTypeOf<z.infer<typeof TimeRangeSchema>>();
    expectTypeOf<AuditSort>().toEqualTypeOf<z.infer<typeof SortSchema>>();
    expectTypeOf<FieldDefinition>().toEqualTypeOf<z.output<typeof FieldDefinitionSchema>>();
    expectTypeOf<FieldDefinitionInput>().toExtend<z.input<typeof FieldDefinitionSchema>>();
    expectTypeOf<z.input<typeof FieldDefinitionSchema>>().toExtend<FieldDefinitionInput>();
  });
});
