'use client';
// The client part: the viewer and its adapter (functions cannot cross from the server).
import { useState } from 'react';
import { AuditLogs, type AuditQuery } from 'react-audit-logs';
import { createMockAdapter } from 'react-audit-logs/mock';

export function AuditLogsSection({ initialQuery }: { initialQuery: AuditQuery }) {
  // One adapter for the page's life (a new adapter object starts a new cache).
  const [adapter] = useState(() => createMockAdapter({ count: 5_000, seed: 7 }));
  return <AuditLogs adapter={adapter} tenantId="acme" defaultQuery={initialQuery} />;
}
