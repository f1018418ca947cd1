// @vitest-environment node
/**
 * How the PostgreSQL store writes events on a real server (a throwaway one from this machine's binaries): by COPY,
 * through a temporary table for ids the caller chose, by INSERT with `copy: false`, and what a failure leaves.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { generateAuditEvents } from '../../src/mock/generator';
import { postgresStore } from '../../src/server';
import { POSTGRES_BIN, startPostgres, type PostgresServer } from './postgresServer';

vi.setConfig({ hookTimeout: 60_000, testTimeout: 60_000 });

// Skipped only where PostgreSQL is not installed (`.ci/run` installs it and sets REQUIRE_POSTGRES, so CI fails
// rather than skips).
if (!POSTGRES_BIN && process.env.REQUIRE_POSTGRES) throw new Error('REQUIRE_POSTGRES is set but no PostgreSQL binaries were found');
describe.skipIf(!POSTGRES_BIN)('PostgreSQL, writing', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server?.stop());

  it('throws the error of a statement that fails in a large record call, once the others have settled', async () => {
    const pool = new pg.Pool({ connectionString: await server.createDatabase() });
    const store = await postgresStore({ pool });
    // The host's pool refuses the second insert statement of the call (a full disk, a dropped connection).
    let inserts = 0;
    const failing = Object.assign(Object.create(pool) as pg.Pool, {
      query: (text: unknown, values?: unknown) => {
        if (typeof text === 'string' && text.startsWith('INSERT INTO audit_events ') && ++inserts === 2) return Promise.reject(new Error('disk full'));
        return pool.query(text as string, values as unknown[]);
      },
    });
    // By INSERT (copy: false): the statements go through the pool's query, which refuses the second.
    const flaky = await postgresStore({ pool: failing, migrate: false, copy: false });
    const events = generateAuditEvents({ tenantId: 'acme', count: 5000, seed: 2, now: Date.now() });
    await expect(flaky.record(events)).rejects.toThrow('disk full');
    // The statements in flight beside it (three at once: the first 1,000 and the third) finish; none of the
    // other two is sent.
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    expect(rows[0]!.n).toBe(2000);
    expect(inserts).toBe(3);
    await store.close();
    await pool.end();
  });

  describe('writing by COPY', () => {
    /** A pg pool whose connections note the text of every statement they run. */
    const spied = async (options: Omit<Parameters<typeof postgresStore>[0], 'pool' | 'connectionString'> = {}, poolOptions: pg.PoolConfig = {}) => {
      const pool = new pg.Pool({ connectionString: await server.createDatabase(), ...poolOptions });
      const statements: string[] = [];
      const connect = pool.connect.bind(pool);
      const watched = Object.assign(Object.create(pool) as pg.Pool, {
        // pg's own pool.query takes a connection by callback: reads go to the pool as it is.
        query: pool.query.bind(pool),
        connect: async () => {
          const client = await connect();
          const query = client.query.bind(client) as (...args: unknown[]) => unknown;
          return Object.assign(Object.create(client) as pg.PoolClient, {
            query: (q: unknown, ...rest: unknown[]) => (statements.push(typeof q === 'string' ? q : String((q as { text: string }).text)), query(q, ...rest)),
          });
        },
      });
      const store = await postgresStore({ pool: watched, ...options });
      const copies = () => statements.filter((s) => s.startsWith('COPY audit_events')).length;
      return { pool, store, copies, statements, end: async () => (await store.close(), await pool.end()) };
    };
    // COPY's text format gives a meaning to tab, line break, carriage return and backslash (\N is NULL, \. ends
    // the data): each must arrive as it was given.
    const odd = 'a\tb\nc\rd\\e \\N \\.\n\\.\r\n"q" \'s\' 😀 ü';

    it('writes events without ids by COPY, every character as it was given, and search finds them', async () => {
      const { store, copies, end } = await spied();
      const given = [
        { tenantId: 'acme', action: `user.${odd}`, severity: 'Info', message: odd, actor: { email: `x${odd}@y`, name: odd }, fields: { region: odd, n: 3 }, tags: [odd], changes: [{ field: odd, before: odd, after: { deep: odd } }] },
        { tenantId: 'acme', action: 'user.nul', message: 'a\u0000b, half \ud800 a pair' },
        { tenantId: 'acme', action: 'user.login' },
      ];
      const { recorded, skipped } = await store.record(given);
      expect(skipped).toEqual([]);
      expect(copies()).toBe(1);
      for (const event of recorded) expect(await store.get('acme', event.id)).toEqual(event);
      expect(recorded[0]).toMatchObject({ message: odd, fields: { region: odd }, tags: [odd] });
      expect(recorded[1]!.message).toBe('a\uFFFDb, half \uFFFD a pair');
      const found = await store.list('acme', { search: 'd\\e \\n \\.\n\\.' }, [], { type: 'offset', offset: 0, limit: 10 }, Date.now());
      expect(found.events.map((e) => e.id)).toEqual([recorded[0]!.id]);
      await end();
    });

    it('sends a batch larger than one COPY message in parts, characters split between them arriving whole', async () => {
      const { store, copies, end } = await spied();
      // 3 MiB of two- and four-byte characters after one odd byte: the 1 MiB parts end inside characters.
      const message = `x${'ü😀'.repeat(3 * 174_763)}`;
      const { recorded } = await store.record([{ tenantId: 'acme', action: 'file.uploaded', message }, { tenantId: 'acme', action: 'user.login' }]);
      expect(copies()).toBe(1);
      expect((await store.get('acme', recorded[0]!.id))?.message).toBe(message);
      await end();
    });

    it('writes events whose ids the caller chose by COPY through a table that skips ids already there; copy: false writes all by INSERT', async () => {
      const { store, statements, end } = await spied();
      const event = { id: 'evt_mine', tenantId: 'acme', action: 'user.login' };
      const odd1 = { id: `evt_${odd}`, tenantId: 'acme', action: `user.${odd}`, message: odd };
      await store.record([event, { tenantId: 'acme', action: 'user.logout' }, event, odd1]);
      await store.record([event, odd1]);
      // Both calls by COPY, each into the connection's own table first; nothing by INSERT … jsonb_to_recordset.
      expect(statements.filter((s) => s.startsWith('COPY audit_events_incoming'))).toHaveLength(2);
      expect(statements.some((s) => s.includes('jsonb_to_recordset'))).toBe(false);
      const page = await store.list('acme', {}, [], { type: 'offset', offset: 0, limit: 10 }, Date.now());
      expect(page.total).toBe(3);
      expect(await store.get('acme', odd1.id)).toMatchObject({ id: odd1.id, action: odd1.action, message: odd });
      await end();
      const inserting = await spied({ copy: false });
      await inserting.store.record([{ tenantId: 'acme', action: `user.${odd}` }]);
      expect(inserting.copies()).toBe(0);
      expect((await inserting.store.list('acme', {}, [], { type: 'offset', offset: 0, limit: 10 }, Date.now())).events[0]!.action).toBe(`user.${odd}`);
      await inserting.end();
    });

    it('fails the call with the error of a COPY the server refuses, frees its connection, and writes again after', async () => {
      // One connection: the statements after the refused one go where its rows were still arriving (they are sent
      // with the statement, not after the server asks), and the server drops those rows.
      const { pool, store, copies, end } = await spied({}, { max: 1 });
      await pool.query("ALTER TABLE audit_events ADD CONSTRAINT no_refused CHECK (event->>'message' IS DISTINCT FROM 'refused')");
      const events = generateAuditEvents({ tenantId: 'acme', count: 2500, seed: 4, now: Date.now() }).map(({ id: _id, ...e }) => e);
      events[1000] = { ...events[1000]!, message: 'refused' };
      await expect(store.record(events)).rejects.toThrow(/no_refused/);
      // Each COPY is all or nothing: the refused one's 1,000 events are not there; the first's are, and the last
      // 500's when that statement was sent before the refusal came back.
      const count = async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0]!.n;
      expect([1000, 1500]).toContain(await count());
      expect(pool.idleCount).toBe(pool.totalCount);
      const before = copies();
      await store.record(events.slice(0, 10));
      expect(copies()).toBe(before + 1);
      expect([1010, 1510]).toContain(await count());
      // The same with ids of the caller's: the refusal comes from the INSERT out of the connection's own table; its
      // transaction is undone and the connection is free for the next write.
      const chosen = generateAuditEvents({ tenantId: 'acme', count: 20, seed: 5, now: Date.now() });
      chosen[10] = { ...chosen[10]!, message: 'refused' };
      const counted = await count();
      await expect(store.record(chosen)).rejects.toThrow(/no_refused/);
      expect(await count()).toBe(counted);
      expect(pool.idleCount).toBe(pool.totalCount);
      await store.record(chosen.filter((_, i) => i !== 10));
      expect(await count()).toBe(counted + 19);
      await end();
    });

    it('names the way out when the role may not create the temporary table that events with ids go through', async () => {
      const connectionString = await server.createDatabase();
      const owner = new pg.Pool({ connectionString });
      await postgresStore({ pool: owner }).then((s) => s.close());
      const database = new URL(connectionString).pathname.slice(1);
      // A role that may write the events but not create temporary tables (PostgreSQL grants that to every role
      // by default: a host may have taken it away).
      await owner.query(`CREATE ROLE writer LOGIN; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO writer;
        REVOKE TEMPORARY ON DATABASE ${database} FROM PUBLIC`);
      const asWriter = new pg.Pool({ connectionString: connectionString.replace('postgres@', 'writer@') });
      const writer = await postgresStore({ pool: asWriter, migrate: false });
      await writer.record({ tenantId: 'acme', action: 'user.login' });
      await expect(writer.record({ id: 'evt_mine', tenantId: 'acme', action: 'user.login' })).rejects.toThrow(/GRANT TEMPORARY.*copy: false/);
      expect(asWriter.idleCount).toBe(asWriter.totalCount);
      const inserting = await postgresStore({ pool: asWriter, migrate: false, copy: false });
      await inserting.record({ id: 'evt_mine', tenantId: 'acme', action: 'user.login' });
      expect((await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0]!.n).toBe(2);
      await asWriter.end();
      await owner.end();
    });

    it('names the problem when a pool does not run pg query objects', async () => {
      const pool = new pg.Pool({ connectionString: await server.createDatabase() });
      // A pg-like pool whose query takes only text and values: a query object's text alone reaches the server.
      const textOnly = {
        query: pool.query.bind(pool),
        end: async () => {},
        connect: async () => {
          const client = await pool.connect();
          return { query: (q: string | { text: string }, values?: unknown[]) => client.query(typeof q === 'string' ? q : q.text, values), release: () => client.release() };
        },
      };
      const store = await postgresStore({ pool: textOnly });
      await expect(store.record({ tenantId: 'acme', action: 'user.login' })).rejects.toThrow(/copy: false/);
      await expect(store.record({ id: 'evt_chosen', tenantId: 'acme', action: 'user.login' })).rejects.toThrow(/copy: false/);
      const fallback = await postgresStore({ pool: textOnly, copy: false, migrate: false });
      await fallback.record([{ tenantId: 'acme', action: 'user.logout' }, { id: 'evt_chosen', tenantId: 'acme', action: 'user.login' }]);
      expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0]!.n).toBe(2);
      await pool.end();
    });
  });
});
