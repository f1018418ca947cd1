/**
 * A throwaway PostgreSQL server from this machine's binaries: `initdb` in a temporary directory (as the
 * `postgres` user when run as root, since PostgreSQL refuses to run as root), `pg_ctl` on 127.0.0.1 and a free
 * port, stopped and removed afterwards. The binaries come from `PG_BIN`, else the newest
 * `/usr/lib/postgresql/<version>/bin`, else the PATH.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function binDir(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return join(root, newest, 'bin');
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return found ? join(found, '..') : undefined;
}

/** Where `initdb` and `pg_ctl` are, or undefined when this machine has no PostgreSQL. */
export const POSTGRES_BIN = binDir();

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface PostgresServer {
  /** A connection string to a new, empty database on this server. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
  /** Stops at once without waiting for clients (for a process's exit). */
  stopSync(): void;
}

export async function startPostgres(): Promise<PostgresServer> {
  if (!POSTGRES_BIN) throw new Error('no PostgreSQL binaries on this machine (set PG_BIN, or apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'audit-pg-'));
  const root = process.getuid?.() === 0;
  // As root, run the server as postgres, which must own the directory.
  const asOwner = (bin: string, args: string[]) => {
    const [cmd, all] = root ? ['runuser', ['-u', 'postgres', '--', join(POSTGRES_BIN!, bin), ...args]] : [join(POSTGRES_BIN!, bin), args];
    execFileSync(cmd as string, all as string[], { stdio: 'pipe', cwd: dir });
  };
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const data = join(dir, 'data');
  asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // -F: no fsync (a throwaway server); the socket lives in the directory, TCP on 127.0.0.1 only.
  asOwner('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -h 127.0.0.1 -F`, '-l', join(dir, 'log'), '-w', 'start']);
  const { default: pg } = await import('pg');
  let n = 0;
  const stopSync = () => {
    try {
      asOwner('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return {
    async createDatabase() {
      const name = `audit_${++n}`;
      // A connection per database made: nothing stays open between them to keep a process alive.
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      stopSync();
    },
    stopSync,
  };
}
