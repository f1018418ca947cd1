// A server component: it reads the viewer's query from the URL on the server, with the library's pure
// helpers (no "use client" on them), and hands it to the client part as plain data.
import { normalizeSeverity, queryFromSearchParams } from 'react-audit-logs';
import { AuditLogsSection } from './AuditLogsSection';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  const { query, issues } = queryFromSearchParams(params);
  const severities = (query.severities ?? []).map((s) => normalizeSeverity(s).label);
  const summary = [
    query.search ? `search "${query.search}"` : 'no search',
    severities.length ? `severity ${severities.join(', ')}` : '',
    issues.length ? `${issues.length} part(s) left out` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <main style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
      <p data-testid="server-summary" style={{ margin: 8 }}>
        {`From the link: ${summary}`}
      </p>
      <AuditLogsSection initialQuery={query} />
    </main>
  );
}
