// @vitest-environment node
/**
 * The Frontegg dialect against a server that answers as Frontegg's own public material shows, written apart
 * from our mock server:
 * - `GET /metadata?entityName=audits` → `{ rows: [ { entityName: 'audits', properties } ] }`: `@frontegg/rest-api`
 *   (`metadata/index.ts`, `getMetadata` returns `rows[0]`, its `IAuditsMetadata` has `entityName`, `id`,
 *   `vendorId`, `properties`, `theme`), and frontegg-react's audits UI tests, which stub this request with
 *   `{ rows: auditsMetadata }` and another entity with `{ rows: [] }`.
 * - The properties as in frontegg-react's audits demo metadata: `type` words (`Timestamp`, `Email`,
 *   `AlphaNumeric`, `IpAddress`, `Severity`, `Json`), `showInMoreInfo: 'Always'`, `chosen`, `selected`,
 *   `isPredefined`.
 * - `GET /audits` → `{ data, total }` with rows as `@frontegg/rest-api`'s `AuditRowData` (`_id`, `time`,
 *   `createdAt`, `updatedAt`, `__v`, `vendorId`, `tenantId`) and the demo's `createdAt: '2021-04-07 10:50:40.201'`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { FRONTEGG_DEFAULT_PROPERTIES } from '../../src/api/http/dialects/frontegg';
import { sendJson, startRawServer, type RawServer } from '../fixtures/jsonServer';

const auditsMetadata = {
  id: 'c0e6d4f2-metadata',
  entityName: 'audits',
  vendorId: 'my-vendor-id',
  createdAt: '2021-04-01T10:00:00.000Z',
  updatedAt: '2021-04-01T10:00:00.000Z',
  theme: { id: 't', name: 'default', styles: {} },
  properties: [
    { showInTable: true, name: 'createdAt', displayName: 'Time', type: 'Timestamp', sortable: true, filterable: true, showInMoreInfo: 'Always', chosen: false, selected: false, isPredefined: false },
    { showInTable: true, name: 'email', displayName: 'User', type: 'Email', filterable: true, sortable: true, isPredefined: true, chosen: false, selected: false },
    { showInTable: true, name: 'action', displayName: 'Action', type: 'AlphaNumeric', sortable: true, filterable: true, showInMoreInfo: 'Always', chosen: false, selected: false, isPredefined: true },
    { showInTable: true, name: 'description', type: 'AlphaNumeric', sortable: false, filterable: false, displayName: 'Description', isPredefined: true, chosen: false, selected: false },
    { showInTable: true, name: 'ip', displayName: 'IP Address', type: 'IpAddress', sortable: true, filterable: true, showInMoreInfo: 'Always', chosen: false, selected: false, isPredefined: true },
    { showInTable: false, name: 'severity', displayName: 'Severity', type: 'Severity', sortable: true, filterable: true, showInMoreInfo: 'Always', chosen: false, selected: false, isPredefined: true },
    { showInTable: false, name: 'userAgent', displayName: 'User Agent', type: 'AlphaNumeric', filterable: true, sortable: true, isPredefined: true, chosen: false, selected: false },
    { showInTable: false, name: 'json', type: 'Json', sortable: true, filterable: true, displayName: 'Json Data', showInMoreInfo: 'Always', isPredefined: false },
  ],
};

const row = (i: number) => ({
  _id: `60c9e1f0a1b2c3d4e5f6a7${String(i).padStart(2, '0')}`,
  ip: '198.143.51.1',
  email: 'user@frontegg.com',
  action: 'User logged in',
  description: 'User logged in to the product',
  severity: 'Info',
  json: { key1: 'value1' },
  tenantId: 'my-tenant-id',
  vendorId: 'my-vendor-id',
  userAgent: 'Mozilla/5.0',
  time: `2021-04-07 10:${50 - i}:40.201`,
  createdAt: `2021-04-07 10:${50 - i}:40.201`,
  updatedAt: `2021-04-07 10:${50 - i}:40.201`,
  __v: 0,
});

let server: RawServer | undefined;
afterEach(() => server?.close());

async function fronteggServer(metadata: unknown) {
  server = await startRawServer((_req, res, url) => {
    if (url.pathname === '/metadata') return sendJson(res, url.searchParams.get('entityName') === 'audits' ? metadata : { rows: [] });
    if (url.pathname === '/audits') return sendJson(res, { data: [row(1), row(2), row(3)], total: 3 });
    sendJson(res, { errors: ['not found'] }, 404);
  });
  return createHttpAdapter({ baseUrl: server.url, dialect: 'frontegg' });
}

describe('Frontegg as Frontegg answers', () => {
  it('reads the audits entry of { rows: [...] }: names, types, flags', async () => {
    const adapter = await fronteggServer({ rows: [auditsMetadata] });
    const { fields } = await adapter.getDataStructure({ tenantId: 'my-tenant-id' });
    const byName = new Map(fields.map((f) => [f.name, f]));
    expect(byName.get('timestamp')).toMatchObject({ displayName: 'Time', type: 'datetime', visible: true, sortable: true });
    expect(byName.get('actor.email')).toMatchObject({ displayName: 'User', type: 'email', visible: true });
    expect(byName.get('description')).toMatchObject({ displayName: 'Description', custom: true, visible: true, sortable: false });
    expect(byName.get('ip')).toMatchObject({ displayName: 'IP Address', type: 'ip' });
    expect(byName.get('severity')).toMatchObject({ visible: false, filterable: true });
    expect(byName.get('payload')).toMatchObject({ displayName: 'Json Data', visible: false, showInDetails: true });
    expect(server!.requests[0]!.url).toBe('/metadata?entityName=audits');
  });

  it('takes the audits row among other entities, and the bare { properties } of one entry', async () => {
    const other = { entityName: 'notifications', properties: [{ name: 'x', displayName: 'X' }] };
    let adapter = await fronteggServer({ rows: [other, auditsMetadata] });
    expect((await adapter.getDataStructure({ tenantId: 't' })).fields.some((f) => f.name === 'description')).toBe(true);
    await server!.close();
    adapter = await fronteggServer({ properties: auditsMetadata.properties });
    expect((await adapter.getDataStructure({ tenantId: 't' })).fields.find((f) => f.name === 'description')?.visible).toBe(true);
  });

  it('shows the default fields when the vendor has configured none ({ rows: [] })', async () => {
    const adapter = await fronteggServer({ rows: [] });
    const { fields } = await adapter.getDataStructure({ tenantId: 't' });
    const shown = fields.filter((f) => f.visible).map((f) => f.displayName);
    expect(shown).toEqual(FRONTEGG_DEFAULT_PROPERTIES.filter((p) => p.showInTable).map((p) => p.displayName));
  });

  it('reads { data, total } rows as Frontegg stores them (bookkeeping keys are not fields; a space before the time)', async () => {
    const adapter = await fronteggServer({ rows: [auditsMetadata] });
    const page = await adapter.list({ tenantId: 'my-tenant-id', query: {}, page: { type: 'offset', offset: 0, limit: 20 } });
    expect(page.total).toBe(3);
    expect(page.skipped ?? []).toEqual([]);
    expect(page.events[0]).toMatchObject({
      id: '60c9e1f0a1b2c3d4e5f6a701',
      timestamp: '2021-04-07T10:49:40.201Z',
      actor: { email: 'user@frontegg.com' },
      fields: { description: 'User logged in to the product' },
      payload: { key1: 'value1' },
    });
    expect(Object.keys(page.events[0]!.fields!)).toEqual(['description']);
  });

  it('keeps a property whose name is a member of Object.prototype as data', async () => {
    const hostile = ['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];
    const adapter = await fronteggServer({
      rows: [{ ...auditsMetadata, properties: [...auditsMetadata.properties, ...hostile.map((name) => ({ name, displayName: name, type: 'AlphaNumeric', showInTable: true }))] }],
    });
    const { fields } = await adapter.getDataStructure({ tenantId: 't' });
    for (const name of ['valueOf', 'f___proto__', 'toString', 'hasOwnProperty']) {
      expect(fields.find((f) => f.name === name), name).toMatchObject({ custom: true, type: 'string' });
    }
    expect(fields.every((f) => typeof f.name === 'string')).toBe(true);
  });
});
