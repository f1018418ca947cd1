/**
 * The stores: PGlite (PostgreSQL in WebAssembly, in this process: nothing to install) and a PostgreSQL server
 * through `pg`. Both run the same SQL. Their drivers are optional peer dependencies, loaded when a store is made.
 */
import type { SqlClient } from './sql.js';
import { COPY_SQL, copyQuery, STAGED_COPY } from './pgCopy.js';
import { sqlStore } from './sqlStore.js';
import type { AuditLogStore, StoreOptions } from './store.js';

/** A driver module, loaded by name at run time (an optional peer: absent until the host installs it). */
async function load<T>(name: string): Promise<T> {
  try {
    return (await import(/* @vite-ignore */ name)) as T;
  } catch (error) {
    throw new Error(`react-audit-logs/server: this store needs the package "${name}" (npm install ${name}).`, { cause: error });
  }
}

/** The statement timeout in whole milliseconds (a number spliced into SET: never text). */
const timeoutOf = (options: StoreOptions) => Math.max(1, Math.trunc(Number(options.statementTimeoutMs ?? 30_000)) || 30_000);

interface PGliteLike extends SqlClient {
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PgliteStoreOptions extends StoreOptions {
  /** Where PGlite keeps its files (`./audit-data`), or nothing for memory only. @default memory */
  dataDir?: string;
  /** A PGlite instance you made yourself. */
  db?: PGliteLike;
}

/** The embedded store: PostgreSQL in this process (`@electric-sql/pglite`), in memory or in a directory. */
export async function pgliteStore(options: PgliteStoreOptions = {}): Promise<AuditLogStore> {
  const db =
    options.db ??
    (await (async () => {
      const { PGlite } = await load<{ PGlite: new (dataDir?: string) => PGliteLike }>('@electric-sql/pglite');
      const made = new PGlite(options.dataDir);
      await made.query(`SET statement_timeout = ${timeoutOf(options)}`);
      return made;
    })());
  return sqlStore(db, { ...options, transaction: (work) => db.transaction(work), close: options.db ? undefined : () => db.close() });
}

/** What `postgresStore` needs of a `pg` Pool. */
export interface PgPoolLike extends SqlClient {
  connect(): Promise<SqlClient & { release(): void }>;
  end(): Promise<void>;
}

/** A PostgreSQL server through `pg`: your pool, or a connection string (a pool is made and closed with the store). */
export interface PostgresStoreOptions extends StoreOptions {
  /**
   * `'trigram'`: a pg_trgm GIN index on the search text, which search's substring match uses (it needs the
   * extension, in PostgreSQL's contrib, and the right to create it). Without it search reads the tenant's rows.
   */
  searchIndex?: 'trigram';
  /**
   * Events go to the server by `COPY … FROM STDIN` (about twice as fast for PostgreSQL as INSERT), on the pool's
   * connections through `pg`'s query objects; a batch with ids the caller chose goes through a temporary table
   * whose INSERT skips an id already there (it needs the right to create temporary tables, every role's by
   * default). `false`: INSERT only, for a pool that is not `pg`'s, a role without that right, or a database
   * without COPY FROM STDIN.
   * @default true
   */
  copy?: boolean;
}

export async function postgresStore(options: ({ pool: PgPoolLike } | { connectionString: string }) & PostgresStoreOptions): Promise<AuditLogStore> {
  const own = !('pool' in options);
  const pool =
    'pool' in options
      ? options.pool
      : await (async () => {
          const pg = await load<{ default?: { Pool: new (o: object) => PgPoolLike }; Pool?: new (o: object) => PgPoolLike }>('pg');
          const Pool = (pg.Pool ?? pg.default?.Pool)!;
          return new Pool({ connectionString: options.connectionString, statement_timeout: timeoutOf(options) });
        })();
  return sqlStore(pool, {
    ...options,
    // Three writes at once: the server works on two batches while this process encodes the next (1,000,000
    // events: 38,600 a second against 34,400 with two, and steadier; four no faster).
    parallel: 3,
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    copy: options.copy === false ? undefined : (rows, staged) => copyOn(pool, rows, staged),
    close: own ? () => pool.end() : undefined,
  });
}

/** PostgreSQL's SQLSTATE for a right the role lacks. */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Runs a COPY FROM STDIN on one of the pool's connections (pg's `client.query(submittable)`): into the events, or
 * `staged` through a temporary table in one transaction, undone when a statement fails.
 */
async function copyOn(pool: PgPoolLike, rows: Buffer, staged: boolean): Promise<void> {
  const client = await pool.connect();
  let open = false;
  try {
    if (staged) {
      open = true;
      try {
        for (const statement of STAGED_COPY.before) await client.query(statement);
      } catch (error) {
        if ((error as { code?: unknown }).code !== INSUFFICIENT_PRIVILEGE) throw error;
        throw new Error(
          'react-audit-logs/server: events with ids of yours go through a temporary table, and this role may not create one: GRANT TEMPORARY ON DATABASE to it, or pass copy: false to postgresStore.',
          { cause: error },
        );
      }
    }
    const { query, done } = copyQuery(staged ? STAGED_COPY.copy : COPY_SQL, rows);
    const returned = (client as unknown as { query(submittable: object): unknown }).query(query);
    // pg hands the query object back; a driver that made a promise of it instead does not run COPY this way.
    if (returned && typeof (returned as Promise<unknown>).then === 'function') {
      done.catch(() => {});
      const cause = await (returned as Promise<unknown>).then(
        () => undefined,
        (error: unknown) => error,
      );
      throw new Error('react-audit-logs/server: this pool does not run COPY FROM STDIN as pg does; pass copy: false to postgresStore.', { cause });
    }
    await done;
    if (staged) for (const statement of STAGED_COPY.after) await client.query(statement);
    open = false;
  } catch (error) {
    // The connection goes back to the pool outside any transaction (a ROLLBACK that fails too leaves the error
    // that came first to the caller).
    if (open) await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
