/**
 * The stores: PGlite (PostgreSQL in WebAssembly, in this process: nothing to install) and a PostgreSQL server
 * through `pg`. Both run the same SQL. Their drivers are optional peer dependencies, loaded when a store is made.
 */
import type { SqlClient } from './sql.js';
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
    // Two inserts at once: the server works on one batch while this process encodes the next.
    parallel: 2,
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
    close: own ? () => pool.end() : undefined,
  });
}
