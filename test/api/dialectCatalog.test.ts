// @vitest-environment node
/**
 * The named dialects other than `native` load on their first request; until then the adapter answers from the
 * catalog. The catalog must say what each dialect does: its capabilities and the methods its adapter has.
 */
import { describe, expect, it, vi } from 'vitest';
import { HttpClient } from '../../src/api/http/client';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { LAZY_DIALECTS } from '../../src/api/http/dialects/catalog';
import { isAuditApiError } from '../../src/api/errors';

describe('the dialect catalog', () => {
  it.each(Object.keys(LAZY_DIALECTS) as (keyof typeof LAZY_DIALECTS)[])('says what %s does', async (name) => {
    const entry = LAZY_DIALECTS[name];
    const dialect = await entry.load();
    expect(entry.capabilities).toBe(dialect.capabilities);
    const methods = Object.keys(dialect.create(new HttpClient({ baseUrl: 'http://127.0.0.1:9' })));
    expect([...entry.methods].sort()).toEqual(methods.sort());
    // An adapter made by name offers those methods at once, before the dialect's code has loaded.
    const adapter = createHttpAdapter({ baseUrl: 'http://127.0.0.1:9', dialect: name });
    expect(Object.keys(adapter).filter((k) => k !== 'capabilities').sort()).toEqual(methods.sort());
    expect(adapter.capabilities).toEqual(dialect.capabilities);
  });
});

describe('a dialect that cannot be loaded', () => {
  it('fails that request with a typed network error, and the next request loads it again', async () => {
    const load = vi.spyOn(LAZY_DIALECTS.logging, 'load').mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const adapter = createHttpAdapter({ baseUrl: 'http://127.0.0.1:9', dialect: 'logging', retries: 0 });
      const first = await adapter.getDataStructure({ tenantId: 'acme' }).catch((error: unknown) => error);
      expect(isAuditApiError(first) && first.kind).toBe('network');
      expect(String((first as Error).message)).toContain('"logging" protocol could not be loaded');
      await adapter.getDataStructure({ tenantId: 'acme' }).catch(() => undefined);
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      load.mockRestore();
    }
  });
});
