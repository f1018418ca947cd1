import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import type { HttpDialect } from '../src/api/http/createHttpAdapter.ts';
import { createMockHandler } from '../src/mock/server/handler.ts';
import { nodeListener } from '../src/mock/server/node.ts';
import { serverApi } from './serverApi.ts';

const dirname = path.dirname(fileURLToPath(import.meta.url));
const DIALECTS: HttpDialect[] = ['native', 'frontegg', 'fsh', 'logging'];

/** The mock server in every dialect, on the dev server itself: /mock-api/native, /mock-api/frontegg, … */
function mockApi(): Plugin {
  return {
    name: 'react-audit-logs:mock-api',
    configureServer(server) {
      for (const dialect of DIALECTS) {
        const listener = nodeListener(createMockHandler({ dialect, seed: 42, count: 100_000, latencyMs: [60, 200] }));
        server.middlewares.use(`/mock-api/${dialect}`, (req, res, next) => {
          listener(req, res).catch(next);
        });
      }
    },
  };
}

/**
 * The playground `npm start` serves: the library's sources over the mock backend, in-memory or over HTTP.
 * `npm run demo:server` (mode "server") adds react-audit-logs/server on PGlite at /api/audit and opens on it.
 */
export default defineConfig(({ mode }) => ({
  root: dirname,
  plugins: [react(), mockApi(), ...(mode === 'server' ? [serverApi()] : [])],
  server: { host: 'localhost', port: 5173 },
  preview: { host: 'localhost', port: 4173 },
}));
