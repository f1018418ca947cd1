import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogsAdapter, RequestOptions } from '../api/adapter.js';
import { isAuditApiError } from '../api/errors.js';
import { auditEventChecker, type AuditEvent } from '../core/event.js';
import { check } from '../core/check.js';
import { parseDataStructure } from '../core/fields.js';
import type { EventPage, PageRequest } from '../core/page.js';
import type { AuditQuery } from '../core/query.js';

export interface AdapterContractOptions {
  /** A tenant with at least a few dozen events. */
  tenantId: string;
  /** Another tenant with events, to check that tenants stay apart. */
  otherTenantId?: string;
  /** Rows per request while paging. @default 25 */
  pageSize?: number;
  /** At most this many pages are walked. @default 40 */
  maxPages?: number;
  /** Also delete one event (only against data you can lose). @default false */
  destructive?: boolean;
}

/** What the suite is given: the adapter, and what to do afterwards (stop a server). */
export interface AdapterUnderTest {
  adapter: AuditLogsAdapter;
  cleanup?: () => void | Promise<void>;
}

const byTimeDesc = (a: AuditEvent, b: AuditEvent) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0);

/**
 * The behavioural contract every adapter keeps, as a Vitest suite: run it against your own adapter (or
 * `createHttpAdapter` with your dialect) over a test server. It is the suite this project runs on its
 * four dialects, the memory adapter and the mock backend.
 *
 * ```ts
 * import { describeAdapterContract } from 'react-audit-logs/testing';
 * describeAdapterContract('our audit API', async () => ({ adapter: createHttpAdapter({ baseUrl, dialect }) }), { tenantId: 'acme' });
 * ```
 */
export function describeAdapterContract(
  name: string,
  setup: () => AdapterUnderTest | Promise<AdapterUnderTest>,
  options: AdapterContractOptions,
): void {
  const { tenantId } = options;
  const size = options.pageSize ?? 25;
  let subject: AdapterUnderTest;
  const adapter = () => subject.adapter;
  const firstPage = (): PageRequest =>
    adapter().capabilities.paging === 'cursor' ? { type: 'cursor', cursor: null, limit: size } : { type: 'offset', offset: 0, limit: size };
  const list = (query: AuditQuery = {}, page = firstPage(), opts?: RequestOptions): Promise<EventPage> =>
    adapter().list({ tenantId, query, page }, opts);

  /** Every page of a query, up to `maxPages`. */
  async function walk(query: AuditQuery = {}): Promise<{ events: AuditEvent[]; complete: boolean; total?: number }> {
    const events: AuditEvent[] = [];
    let page = firstPage();
    for (let i = 0; i < (options.maxPages ?? 40); i++) {
      const result = await list(query, page);
      events.push(...result.events);
      if (page.type === 'cursor') {
        if (!result.nextCursor) return { events, complete: true, total: result.total };
        page = { ...page, cursor: result.nextCursor };
      } else {
        const next = page.offset + size;
        if (result.events.length === 0 || (result.total !== undefined && next >= result.total)) return { events, complete: true, total: result.total };
        page = { ...page, offset: next };
      }
    }
    return { events, complete: false };
  }

  async function rejection(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: unknown) => error,
    );
  }

  describe(`adapter contract: ${name}`, () => {
    beforeAll(async () => {
      subject = await setup();
    });
    afterAll(async () => {
      await subject?.cleanup?.();
    });

    it('lists the tenant’s events, newest first, every one valid and of that tenant', async () => {
      const { events } = await list();
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(check(auditEventChecker, event).ok, `event ${event.id} is a normalized AuditEvent`).toBe(true);
        expect(event.tenantId).toBe(tenantId);
      }
      expect(events.map((e) => e.id)).toEqual([...events].sort(byTimeDesc).map((e) => e.id));
    });

    it('pages through the log without gaps or duplicates, in order', async () => {
      const { events, complete, total } = await walk();
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(events.map((e) => e.timestamp)).toEqual([...events].sort(byTimeDesc).map((e) => e.timestamp));
      if (complete && total !== undefined) expect(events.length).toBe(total);
    });

    it('gets a listed event by id, and says not-found for an unknown id', async () => {
      const [first] = (await list()).events;
      const one = await adapter().get({ tenantId, id: first!.id });
      expect(one.id).toBe(first!.id);
      const error = await rejection(adapter().get({ tenantId, id: `missing-${Date.now()}` }));
      expect(isAuditApiError(error) && error.kind).toBe('not-found');
    });

    if (options.otherTenantId) {
      const other = options.otherTenantId;
      it('keeps tenants apart', async () => {
        const [first] = (await list()).events;
        const theirs = await adapter().list({ tenantId: other, query: {}, page: firstPage() });
        expect(theirs.events.every((e) => e.tenantId === other)).toBe(true);
        expect(theirs.events.map((e) => e.id)).not.toContain(first!.id);
        const error = await rejection(adapter().get({ tenantId: other, id: first!.id }));
        expect(isAuditApiError(error) && error.kind).toBe('not-found');
      });
    }

    /** Whether the adapter's data structure says it filters by this field (the viewer offers only that). */
    const filters = async (name: string) => (await adapter().getDataStructure({ tenantId })).fields.find((f) => f.name === name)?.filterable !== false;

    it('filters by a severity it listed (where it filters by severity)', async () => {
      if (!(await filters('severity'))) return;
      const [first] = (await list()).events;
      const { events } = await list({ severities: [first!.severity] });
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) expect(e.severity.toLowerCase()).toBe(first!.severity.toLowerCase());
    });

    it('filters by a time range (where it filters by time)', async () => {
      if (!(await filters('timestamp'))) return;
      const { events: all } = await list();
      const newest = all[0]!.timestamp;
      const oldest = all[all.length - 1]!.timestamp;
      const from = oldest;
      const to = new Date(Date.parse(newest) + 1).toISOString();
      const { events } = await list({ timeRange: { from, to } });
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) expect(e.timestamp >= from && e.timestamp < to, e.timestamp).toBe(true);
    });

    it('searches, where it can', async () => {
      if (!adapter().capabilities.search) return;
      const [first] = (await list()).events;
      const { events } = await list({ search: first!.id.slice(-6) });
      expect(Array.isArray(events)).toBe(true);
    });

    it('stops when its signal is aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(list({}, firstPage(), { signal: controller.signal }));
      expect((error as { name?: string }).name).toBe('AbortError');
    });

    it('reads its data structure', async () => {
      const structure = await adapter().getDataStructure({ tenantId });
      const parsed = parseDataStructure(structure);
      expect(parsed.fields.some((f) => f.name === 'timestamp')).toBe(true);
    });

    if (options.destructive) {
      it('keeps saved views per user and tenant, refuses a stale update, and deletes them (where it keeps views)', async () => {
        const a = adapter();
        if (!a.capabilities.views || !a.listViews || !a.createView || !a.updateView || !a.deleteView) return;
        const state = { query: { search: 'login', timeRange: { preset: '24h' as const } }, histogram: false };
        const mine = await a.createView({ tenantId, userId: 'contract-ada', view: { name: 'Contract logins', scope: 'personal', state, defaultForMe: true } });
        expect(mine).toMatchObject({ name: 'Contract logins', scope: 'personal', state, defaultForMe: true });
        expect(typeof mine.version).toBe('string');
        // A personal view is its owner's alone; a tenant view everyone's.
        expect((await a.listViews({ tenantId, userId: 'contract-grace' })).some((v) => v.id === mine.id)).toBe(false);
        const shared = await a.createView({ tenantId, userId: 'contract-ada', view: { name: 'Contract shared', scope: 'tenant', state: { query: {} } } });
        expect((await a.listViews({ tenantId, userId: 'contract-grace' })).some((v) => v.id === shared.id)).toBe(true);
        // Names are unique per scope in any letter case.
        const taken = await rejection(a.createView({ tenantId, userId: 'contract-ada', view: { name: 'CONTRACT LOGINS', scope: 'personal', state } }));
        expect(isAuditApiError(taken) && taken.kind).toBe('conflict');
        // An update names the version it read; a stale one is a conflict and changes nothing.
        const renamed = await a.updateView({ tenantId, userId: 'contract-ada', id: mine.id, version: mine.version, changes: { name: 'Contract sign-ins' } });
        expect(renamed.name).toBe('Contract sign-ins');
        expect(renamed.version).not.toBe(mine.version);
        const stale = await rejection(a.updateView({ tenantId, userId: 'contract-ada', id: mine.id, version: mine.version, changes: { name: 'Lost update' } }));
        expect(isAuditApiError(stale) && stale.kind).toBe('conflict');
        // Another user's default of a tenant view is theirs only.
        await a.updateView({ tenantId, userId: 'contract-grace', id: shared.id, version: shared.version, changes: { defaultForMe: true } });
        expect((await a.listViews({ tenantId, userId: 'contract-grace' })).find((v) => v.id === shared.id)?.defaultForMe).toBe(true);
        expect((await a.listViews({ tenantId, userId: 'contract-ada' })).find((v) => v.id === shared.id)?.defaultForMe).toBeFalsy();
        // Views stay in their tenant.
        if (options.otherTenantId) expect((await a.listViews({ tenantId: options.otherTenantId, userId: 'contract-ada' })).some((v) => v.id === shared.id)).toBe(false);
        await a.deleteView({ tenantId, userId: 'contract-ada', id: mine.id });
        await a.deleteView({ tenantId, userId: 'contract-ada', id: shared.id });
        const left = await a.listViews({ tenantId, userId: 'contract-ada' });
        expect(left.some((v) => v.id === mine.id || v.id === shared.id)).toBe(false);
      });

      it('deletes an event, which then is gone', async () => {
        if (!adapter().capabilities.delete || !adapter().delete) return;
        const [first] = (await list()).events;
        await adapter().delete!({ tenantId, id: first!.id });
        const error = await rejection(adapter().get({ tenantId, id: first!.id }));
        expect(isAuditApiError(error) && error.kind).toBe('not-found');
      });
    }
  });
}
