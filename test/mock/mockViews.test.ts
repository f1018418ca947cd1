import { beforeEach, describe, expect, it } from 'vitest';
import { createMockAdapter } from '../../src/mock/createMockAdapter';

beforeEach(() => localStorage.clear());

describe("the mock backend's saved views", () => {
  it('keeps them in this browser, so a demo has them after a reload', async () => {
    const first = createMockAdapter({ count: 10 });
    await first.createView({ tenantId: 'acme', view: { name: 'Logins', scope: 'tenant', state: { query: { search: 'login' } } } });
    const reloaded = createMockAdapter({ count: 10 });
    expect((await reloaded.listViews({ tenantId: 'acme' })).map((v) => v.name)).toEqual(['Logins']);
    expect(await reloaded.listViews({ tenantId: 'globex' })).toEqual([]);
  });

  it('keeps them in memory only when told', async () => {
    const first = createMockAdapter({ count: 10, viewStorageKey: false });
    await first.createView({ tenantId: 'acme', view: { name: 'Logins', scope: 'personal', state: { query: {} } } });
    expect(await createMockAdapter({ count: 10, viewStorageKey: false }).listViews({ tenantId: 'acme' })).toEqual([]);
    expect(await first.listViews({ tenantId: 'acme' })).toHaveLength(1);
  });
});
