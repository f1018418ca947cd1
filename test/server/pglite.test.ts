// @vitest-environment node
/**
 * react-audit-logs/server on PGlite (PostgreSQL in WebAssembly, in this process): the suite every store passes,
 * and a PGlite the host made itself (the store leaves closing it to the host).
 */
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it, vi } from 'vitest';
import { pgliteStore } from '../../src/server';
import { describeServerStore } from './describeServerStore';
import { describeTenantIsolation } from './tenantIsolation';
import { describeKeptCounts } from './keptCounts';

// PGlite starts its WebAssembly PostgreSQL in each setup: seconds on a busy 2-core machine.
vi.setConfig({ hookTimeout: 60_000, testTimeout: 60_000 });

describeServerStore('PGlite', async () => ({ store: await pgliteStore() }));
// A search page looks through the newest events first: with a window this small, both ways are taken.
describeTenantIsolation('PGlite, searching the newest 60 events first', async () => ({ store: await pgliteStore({ searchWindow: 60 }) }));

describe('a PGlite the host made', () => {
  it('is used as it is and left open for the host', async () => {
    const db = new PGlite();
    const store = await pgliteStore({ db });
    await store.record({ tenantId: 'acme', action: 'user.login' });
    await store.close();
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    expect(rows[0]!.n).toBe(1);
    await db.close();
  });
});

describe('PGlite’s kept counts', () => {
  describeKeptCounts(async () => {
    const db = new PGlite();
    const store = await pgliteStore({ db });
    return {
      store,
      db,
      reopen: (options) => pgliteStore({ db, ...options }),
      dispose: async () => {
        await store.close();
        await db.close();
      },
    };
  });
});
