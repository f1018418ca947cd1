// @vitest-environment node
/**
 * react-audit-logs/server on a real PostgreSQL server: a throwaway one started from this machine's binaries,
 * read through `pg`, each store in a database of its own.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { postgresStore } from '../../src/server';
import { describeServerStore } from './describeServerStore';
import { describeTenantIsolation } from './tenantIsolation';
import { describeKeptCounts } from './keptCounts';
import { ALL_SCOPES, serve } from './serve';
import { normalized, schemaFile } from './schemaFiles';
import { SCHEMA } from '../../src/server/sql';
import { COUNTS_SCHEMA } from '../../src/server/sqlCounts';
import { POSTGRES_BIN, startPostgres, type PostgresServer } from './postgresServer';

vi.setConfig({ hookTimeout: 60_000, testTimeout: 60_000 });

// Skipped only where PostgreSQL is not installed (`.ci/run` installs it and sets REQUIRE_POSTGRES, so CI fails
// rather than skips).
if (!POSTGRES_BIN && process.env.REQUIRE_POSTGRES) throw new Error('REQUIRE_POSTGRES is set but no PostgreSQL binaries were found');
describe.skipIf(!POSTGRES_BIN)('PostgreSQL', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server?.stop());

  describeServerStore('PostgreSQL', async () => ({ store: await postgresStore({ connectionString: await server.createDatabase() }) }));
  // A search page looks through the newest events first: with a window this small, both ways are taken.
  describeTenantIsolation('PostgreSQL, searching the newest 60 events first', async () => ({
    store: await postgresStore({ connectionString: await server.createDatabase(), searchWindow: 60 }),
  }));

  describe('kept counts', () => {
    describeKeptCounts(async () => {
      const pool = new pg.Pool({ connectionString: await server.createDatabase() });
      const store = await postgresStore({ pool });
      return {
        store,
        db: pool,
        reopen: (options) => postgresStore({ pool, ...options }),
        dispose: async () => {
          await store.close();
          await pool.end();
        },
      };
    });
  });

  it('answers 503 naming the timeout when a statement runs past statement_timeout, and tells the host', async () => {
    const connectionString = await server.createDatabase();
    // The schema is made first without the short timeout: on a busy machine its statements could pass it. The
    // store's own first query (are the counts kept?) once took more than 50 ms on a loaded run, so 1 s.
    await (await postgresStore({ connectionString })).close();
    const pool = new pg.Pool({ connectionString, statement_timeout: 1000 });
    const store = await postgresStore({ pool, migrate: false });
    // A list that waits in the database longer than the pool allows: PostgreSQL's own cancel, code 57014.
    const slow = { ...store, list: async (...args: Parameters<typeof store.list>) => (await pool.query('SELECT pg_sleep(3)'), store.list(...args)) };
    const errors: unknown[] = [];
    const { url, close } = await serve(slow, { onError: (error) => errors.push(error) });
    const response = await fetch(`${url}/events?limit=5`, { headers: { authorization: `Bearer acme|${ALL_SCOPES}` } });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { kind: string; message: string } }).error).toEqual({ kind: 'timeout', message: expect.stringMatching(/took too long/) });
    expect(errors).toEqual([expect.objectContaining({ code: '57014' })]);
    await close();
    await store.close();
    await pool.end();
  });

  it('ships its schema as SQL: the file is what the store runs, and a store told migrate: false works on it', async () => {
    const { text, statements } = schemaFile('postgres');
    expect(normalized(statements)).toEqual(normalized([...SCHEMA, ...COUNTS_SCHEMA]));
    const pool = new pg.Pool({ connectionString: await server.createDatabase() });
    await pool.query(text);
    await pool.query(text); // idempotent: rerunning the file migrates nothing twice
    const store = await postgresStore({ pool, migrate: false });
    await store.record({ tenantId: 'acme', action: 'user.login' });
    expect((await store.get('acme', (await store.list('acme', {}, [], { type: 'offset', offset: 0, limit: 1 }, Date.now())).events[0]!.id))?.action).toBe('user.login');
    await store.close();
    await pool.end();
  });

  it('makes a trigram index for search when asked, and search finds the same through it', async () => {
    const connectionString = await server.createDatabase();
    const store = await postgresStore({ connectionString, searchIndex: 'trigram' });
    await store.record([
      { tenantId: 'acme', action: 'invoice.paid', message: "O'Brien paid 100% of it" },
      { tenantId: 'acme', action: 'user.login' },
    ]);
    const pool = new pg.Pool({ connectionString });
    const { rows } = await pool.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'audit_events'");
    expect(rows.map((r) => r.indexname)).toContain('audit_events_search');
    const found = await store.list('acme', { search: "o'brien paid 100%" }, [], { type: 'offset', offset: 0, limit: 10 }, Date.now());
    expect(found.events.map((e) => e.action)).toEqual(['invoice.paid']);
    await store.close();
    await pool.end();
  });

  describe('a pool the host made', () => {
    it('is used as it is, left open for the host, and the schema is made once however many stores start', async () => {
      const pool = new pg.Pool({ connectionString: await server.createDatabase() });
      const [a, b] = await Promise.all([postgresStore({ pool }), postgresStore({ pool })]);
      await a.record({ tenantId: 'acme', action: 'user.login' });
      await a.close();
      await b.close();
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
      expect(rows[0]!.n).toBe(1);
      await pool.end();
    });
  });
});
