/// <reference types="vite/client" />
import { useMemo, useState } from 'react';
import { AuditLogs, createHttpAdapter, useAuditQueryUrl, type HttpDialect } from '../src/index';
import { createMockAdapter } from '../src/mock/index';

const TENANTS = ['acme', 'globex', 'initech'];
type Theme = 'light' | 'dark' | 'system';
type Backend = 'memory' | 'server' | HttpDialect;

/** `npm run demo:server` serves react-audit-logs/server on PGlite at /api/audit. */
const WITH_SERVER = import.meta.env.MODE === 'server';

const BACKENDS: { value: Backend; label: string }[] = [
  ...(WITH_SERVER ? [{ value: 'server' as const, label: 'react-audit-logs/server on PGlite' }] : []),
  { value: 'native', label: 'HTTP: native protocol' },
  { value: 'frontegg', label: 'HTTP: Frontegg audits' },
  { value: 'fsh', label: 'HTTP: fullstackhero' },
  { value: 'logging', label: 'HTTP: cursor-paged logging API' },
  { value: 'memory', label: 'In-memory mock adapter' },
];

/** The playground: the viewer over the mock backend (100,000 events per tenant), through the real HTTP adapter. */
export function App() {
  const [backend, setBackend] = useState<Backend>(WITH_SERVER ? 'server' : 'native');
  const [tenantId, setTenantId] = useState('acme');
  const [theme, setTheme] = useState<Theme>('system');
  const url = useAuditQueryUrl({ prefix: 'log_' });
  const adapter = useMemo(
    () =>
      backend === 'memory'
        ? createMockAdapter({ seed: 42, count: 100_000, latencyMs: [60, 200] })
        : backend === 'server'
          ? createHttpAdapter({ baseUrl: '/api/audit', dialect: 'native' })
          : createHttpAdapter({ baseUrl: `/mock-api/${backend}`, dialect: backend }),
    [backend],
  );
  return (
    <main className="demo" data-theme={theme}>
      <header className="demo__bar">
        <h1>react-audit-logs</h1>
        <label>
          Backend{' '}
          <select value={backend} onChange={(e) => setBackend(e.target.value as Backend)}>
            {BACKENDS.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tenant{' '}
          <select value={tenantId} onChange={(e) => setTenantId(e.target.value)}>
            {TENANTS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Theme{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <span className="demo__hint">
          {backend === 'server' ? 'react-audit-logs/server on PGlite: 100,000 events for acme' : 'Mock backend: 100,000 events per tenant, 60–200 ms latency'}
        </span>
      </header>
      <div className="demo__viewer">
        <AuditLogs
          key={backend}
          adapter={adapter}
          tenantId={tenantId}
          theme={theme}
          query={url.query}
          onQueryChange={url.setQuery}
          queryIssues={url.issues}
          // The demo's viewer is a tenant admin: it may delete where the backend can.
          permissions={{ export: true, manageFields: true, delete: true }}
        />
      </div>
    </main>
  );
}
