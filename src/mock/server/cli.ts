/**
 * `react-audit-logs-mock-server`: the mock backend as a real HTTP server from one command, for a front end
 * under development.
 *
 *   npx react-audit-logs-mock-server --port 8787 --dialect native --cors http://localhost:5173
 */
import { parseArgs } from 'node:util';
import type { HttpDialect } from '../../api/http/createHttpAdapter.js';
import { startMockServer, type MockServerOptions } from './node.js';

const DIALECTS: readonly HttpDialect[] = ['native', 'frontegg', 'fsh', 'logging'];

export const CLI_USAGE = `Usage: react-audit-logs-mock-server [options]

  --port <n>        port to listen on (0 picks a free one)           default 8787
  --host <host>     address to listen on                             default 127.0.0.1
  --dialect <name>  native | frontegg | fsh | logging                default native
  --count <n>       generated events per tenant                      default 1000
  --seed <n>        same seed, same events                           default 1
  --cors <origins>  comma-separated origins a browser page may call it from, or *
                    (leave it out when your dev server proxies to it)
  --help            this text`;

/** The server options a command line asks for, or the reason it cannot be read. */
export function parseCliArgs(argv: readonly string[]): { options: MockServerOptions & { port: number } } | { help: true } | { error: string } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        dialect: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        cors: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { help: true };
  const int = (name: string, fallback: number, max: number): number | string => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    return Number.isInteger(n) && n >= 0 && n <= max ? n : `--${name} must be a whole number from 0 to ${max}, not "${String(raw)}"`;
  };
  const port = int('port', 8787, 65_535);
  const count = int('count', 1000, 1_000_000);
  const seed = int('seed', 1, 2 ** 31);
  for (const v of [port, count, seed]) if (typeof v === 'string') return { error: v };
  const dialect = (values.dialect ?? 'native') as HttpDialect;
  if (!DIALECTS.includes(dialect)) return { error: `--dialect must be one of ${DIALECTS.join(', ')}, not "${dialect}"` };
  const corsText = typeof values.cors === 'string' ? values.cors.trim() : undefined;
  const cors = corsText === undefined ? undefined : corsText === '*' ? ('*' as const) : corsText.split(',').map((o) => o.trim()).filter(Boolean);
  return {
    options: {
      port: port as number,
      host: typeof values.host === 'string' ? values.host : '127.0.0.1',
      dialect,
      count: count as number,
      seed: seed as number,
      ...(cors && { cors }),
    },
  };
}

/** Runs the command: starts the server and prints where it listens; `close` stops it. */
export async function runCli(argv: readonly string[], out: (line: string) => void = console.log): Promise<{ url: string; close(): Promise<void> } | undefined> {
  const parsed = parseCliArgs(argv);
  if ('help' in parsed) {
    out(CLI_USAGE);
    return undefined;
  }
  if ('error' in parsed) {
    out(`${parsed.error}\n\n${CLI_USAGE}`);
    process.exitCode = 2;
    return undefined;
  }
  const server = await startMockServer(parsed.options);
  out(`Mock audit-log server (${parsed.options.dialect ?? 'native'} dialect) at ${server.url}`);
  const { cors } = parsed.options;
  out(cors ? `Browser pages from ${cors === '*' ? 'any origin' : String(cors)} may call it.` : 'Same origin only: proxy to it from your dev server, or pass --cors <origin>.');
  return server;
}
