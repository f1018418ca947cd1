import { useMemo, useState } from 'react';
import { AuditLogs } from '../src/index';
import { createMockAdapter } from '../src/mock/index';

const TENANTS = ['acme', 'globex', 'initech'];
type Theme = 'light' | 'dark' | 'system';

/** The playground: the full viewer over the mock backend, 100,000 events per tenant. */
export function App() {
  const adapter = useMemo(() => createMockAdapter({ seed: 42, count: 100_000, latencyMs: [60, 200] }), []);
  const [tenantId, setTenantId] = useState('acme');
  const [theme, setTheme] = useState<Theme>('system');
  return (
    <main className="demo" data-theme={theme}>
      <header className="demo__bar">
        <h1>react-audit-logs</h1>
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
        <span className="demo__hint">Mock backend: 100,000 events per tenant, 60–200 ms latency</span>
      </header>
      <div className="demo__viewer">
        <AuditLogs adapter={adapter} tenantId={tenantId} theme={theme} />
      </div>
    </main>
  );
}
