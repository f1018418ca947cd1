/**
 * The size budget's page: what a host ships for `<AuditLogs />` over `createHttpAdapter` (React, React
 * Query and every dependency included, minified and gzipped). The mock must not be in it.
 */
import { createRoot } from 'react-dom/client';
import { AuditLogs, createHttpAdapter } from '../../src/index.ts';

const adapter = createHttpAdapter({ baseUrl: '/api', dialect: 'native' });
createRoot(document.getElementById('root')!).render(<AuditLogs adapter={adapter} tenantId="acme" />);
