// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { fieldNameOf } from '../../src/api/http/dialects/frontegg';
import { startMockServer, type MockServer } from '../../src/mock/server/node';
import { NOW } from '../fixtures/events';

const TENANT = 'acme';

describe('the Frontegg dialect in full', () => {
  let server: MockServer;
  let adapter: AuditLogsAdapter;

  beforeAll(async () => {
    server = await startMockServer({
      dialect: 'frontegg',
      count: 300,
      seed: 9,
      now: NOW,
      vocabulary: 'frontegg',
      fields: [{ name: 'plan', displayName: 'Plan', type: 'string', showInDetails: false }],
    });
    adapter = createHttpAdapter({ baseUrl: server.url, dialect: 'frontegg', now: () => NOW });
  });
  afterAll(() => server.close());

  it('reads /metadata: showInMoreInfo as the string it is, and a severity filter in Frontegg’s words', async () => {
    const raw = await (await fetch(`${server.url}/metadata?entityName=audits`, { headers: { 'frontegg-tenant-id': TENANT } })).json();
    expect(raw.rows[0].properties.find((p: { name: string }) => p.name === 'plan').showInMoreInfo).toBe('false');
    const { fields } = await adapter.getDataStructure({ tenantId: TENANT });
    expect(fields.find((f) => f.name === 'plan')).toMatchObject({ custom: true, showInDetails: false });
    expect(fields.find((f) => f.name === 'severity')).toMatchObject({
      filterable: true,
      options: ['Info', 'Medium', 'High', 'Critical', 'Error'],
    });
  });

  it('shows /audits/stats in the activity summary, with the tenant header', async () => {
    const activity = await adapter.activity!({ tenantId: TENANT });
    expect(activity.totalToday).toBeGreaterThanOrEqual(0);
    expect(activity.severeThisWeek).toBeGreaterThan(0);
    expect(server.handler.requests.at(-1)).toMatchObject({ path: '/audits/stats', headers: { 'frontegg-tenant-id': TENANT } });
  });

  it('creates with POST /audits/ and reads the event back', async () => {
    const created = await adapter.create!({ tenantId: TENANT, event: { action: 'invoice.paid', severity: 'High', timestamp: NOW - 1000 } });
    expect(created).toMatchObject({ tenantId: TENANT, action: 'invoice.paid', severity: 'High' });
    expect(server.handler.requests.at(-1)).toMatchObject({ method: 'POST', path: '/audits/', headers: { 'frontegg-tenant-id': TENANT } });
    expect((await adapter.get({ tenantId: TENANT, id: created.id })).action).toBe('invoice.paid');
  });

  it('gives vendor property names our fields cannot take a safe name, the same for metadata and rows', () => {
    expect(fieldNameOf('plan-tier')).toBe('plan_tier');
    expect(fieldNameOf('2fa.method')).toBe('f_2fa_method');
    expect(fieldNameOf('createdAt')).toBe('timestamp');
  });
});
