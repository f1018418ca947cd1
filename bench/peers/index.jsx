// Our <AuditLogs /> as a contender of the shared peer bench, reading the dataset through `paths` (no copy of each
// event into our shape). Use it in a copy of the peer bench: `cp bench/peers/index.jsx <copy>/ours/index.jsx`.
// The filter is the controlled query's search, so the UI's 250 ms typing debounce is not counted.
import { useMemo, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuditLogs as Viewer, createMemoryAdapter } from 'react-audit-logs';
import 'react-audit-logs/styles.css';

const FIELDS = [
  { name: 'region', displayName: 'Region', type: 'string', visible: true, width: 120 },
  { name: 'sessionId', displayName: 'Session', type: 'string', visible: true, width: 150 },
  { name: 'clientVersion', displayName: 'Client', type: 'string', visible: true, width: 100 },
];

// The dataset's own shape, read where it is (no copy): the actor's email is `user`, the custom values are at the
// top, and the dataset's tenants become one custom field (the viewer shows them all as tenant "bench").
const PATHS = {
  'actor.email': 'user', tenantId: null, 'fields.region': 'region', 'fields.sessionId': 'sessionId',
  'fields.clientVersion': 'clientVersion', 'fields.tenant': 'tenantId',
};

export function AuditLogs({ events, filterText = '' }) {
  const [client] = useState(() => new QueryClient());
  const adapter = useMemo(() => createMemoryAdapter(events, { tenantId: 'bench', fields: FIELDS, paths: PATHS }), [events]);
  const query = useMemo(() => (filterText ? { search: filterText } : {}), [filterText]);
  return (
    <QueryClientProvider client={client}>
      <div style={{ height: '100%' }}>
        <Viewer adapter={adapter} tenantId="bench" query={query} onQueryChange={() => {}} newEventsInterval={0} theme="light" />
      </div>
    </QueryClientProvider>
  );
}

export const benchConfig = {
  rowSelector: '[role="row"][aria-rowindex]:not(:has([role="columnheader"])):not([aria-busy="true"])',
  scrollSelector: '.ral-table__scroller',
  notes: 'react-audit-logs (packed tarball) over createMemoryAdapter(events); filter = controlled query.search',
};
