import { useEffect, useMemo, useState } from 'react';
import { SeverityBadge, type EventPage } from '../src/index';
import { createMockAdapter } from '../src/mock/index';

const TENANTS = ['acme', 'globex', 'initech'];

/** A first look at the mock backend: the newest events of a tenant. The full viewer replaces this list. */
export function App() {
  const adapter = useMemo(() => createMockAdapter({ seed: 42, count: 100_000, latencyMs: [80, 250] }), []);
  const [tenantId, setTenantId] = useState('acme');
  const [search, setSearch] = useState('');
  const [result, setResult] = useState<{ tenantId: string; page: EventPage } | { error: string } | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    adapter
      .list({ tenantId, query: { search }, page: { type: 'offset', offset: 0, limit: 50 } }, { signal: controller.signal })
      .then(
        (page) => setResult({ tenantId, page }),
        (error: unknown) => {
          if (!controller.signal.aborted) setResult({ error: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => controller.abort();
  }, [adapter, tenantId, search]);

  const page = result && 'page' in result && result.tenantId === tenantId ? result.page : undefined;
  return (
    <main>
      <section className="ral-root" aria-label="Audit logs" style={{ padding: 16, borderRadius: 8 }}>
        <h1 style={{ marginTop: 0 }}>Audit logs (mock backend, 100,000 events per tenant)</h1>
        <p style={{ display: 'flex', gap: 12 }}>
          <label>
            Tenant{' '}
            <select value={tenantId} onChange={(e) => setTenantId(e.target.value)}>
              {TENANTS.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <input type="search" aria-label="Search" placeholder="Search" value={search} onChange={(e) => setSearch(e.target.value)} />
          <span aria-live="polite">{page ? `${page.total?.toLocaleString('en-US')} events` : 'Loading…'}</span>
        </p>
        {result && 'error' in result ? <p role="alert">{result.error}</p> : null}
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th align="left">Time (UTC)</th>
              <th align="left">Severity</th>
              <th align="left">User</th>
              <th align="left">Action</th>
              <th align="left">Resource</th>
            </tr>
          </thead>
          <tbody>
            {page?.events.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.timestamp}>{e.timestamp.replace('T', ' ').slice(0, 19)}</time>
                </td>
                <td>
                  <SeverityBadge label={e.severity} rank={e.severityRank} />
                </td>
                <td>{e.actor?.name ?? e.actor?.email ?? '—'}</td>
                <td>{e.action}</td>
                <td>{e.resource ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
