import type { AuditEventInput } from '../src/core/event';
import { createMemoryAdapter } from '../src/memory/createMemoryAdapter';
import { STORY_NOW } from './data';

const minutes = (n: number) => new Date(STORY_NOW - n * 60_000).toISOString();

/**
 * A small log a designer can read at a glance: a role change with before/after values, a payload, three
 * events sharing a correlation id, custom fields, and values far longer than a cell.
 */
export const designerEvents: AuditEventInput[] = [
  {
    id: 'd1', tenantId: 'acme', timestamp: minutes(2), severity: 'High', action: 'member.role_changed', resource: 'membership',
    actor: { id: 'u1', name: 'Ada Lovelace', email: 'ada@acme.example' }, ip: '203.0.113.7', correlationId: 'cor-7f3a',
    changes: [
      { field: 'role', before: 'Member', after: 'Owner' },
      { field: 'team', before: 'Ops', after: 'Ops' },
      { field: 'permissions', before: ['read'], after: ['read', 'write', 'admin'] },
    ],
    payload: { request: { method: 'PATCH', path: '/members/42', headers: { 'user-agent': 'Mozilla/5.0' } }, reason: 'Quarterly access review' },
    fields: { region: 'eu-west-1', plan: 'enterprise' },
  },
  {
    id: 'd2', tenantId: 'acme', timestamp: minutes(3), severity: 'Info', action: 'user.login', resource: 'session',
    actor: { id: 'u1', name: 'Ada Lovelace', email: 'ada@acme.example' }, ip: '203.0.113.7', correlationId: 'cor-7f3a',
    fields: { region: 'eu-west-1', plan: 'enterprise' },
  },
  {
    id: 'd3', tenantId: 'acme', timestamp: minutes(4), severity: 'Critical', action: 'api_key.leaked_detected', resource: 'api-key',
    actor: { id: 'system', name: 'System' }, correlationId: 'cor-7f3a', message: 'A key was found in a public repository and revoked.',
    fields: { region: 'us-east-1', plan: 'enterprise' },
  },
  {
    id: 'd4', tenantId: 'acme', timestamp: minutes(9), severity: 'Error', action: 'webhook.delivery_failed'.repeat(6), resource: 'webhook',
    actor: { id: 'svc-billing-sync-with-a-very-long-service-account-name', name: 'Billing synchronisation service account with an unusually long display name' },
    message: `Delivery failed: ${'upstream timed out after 30 s; '.repeat(40)}`,
    payload: { body: 'x'.repeat(3_000), attempts: Array.from({ length: 120 }, (_, i) => ({ attempt: i + 1, status: 502 })) },
    fields: { region: 'ap-southeast-2', plan: 'team' },
  },
  {
    id: 'd5', tenantId: 'acme', timestamp: minutes(15), severity: 'Medium', action: 'settings.updated', resource: 'settings',
    actor: { id: 'u2', name: 'Grace Hopper', email: 'grace.hopper.with.a.long.mailbox.name@subsidiary.acme.example' }, ip: '2001:db8:85a3:8d3:1319:8a2e:370:7348',
    changes: [{ field: 'sso.enforced', before: false, after: true }],
    fields: { region: 'eu-west-1', plan: 'enterprise' },
  },
  ...Array.from({ length: 40 }, (_, i): AuditEventInput => ({
    id: `d${i + 6}`, tenantId: 'acme', timestamp: minutes(20 + i * 37), severity: ['Info', 'Info', 'Medium', 'High', 'Error'][i % 5]!,
    action: ['user.login', 'invoice.exported', 'user.logout', 'role.assigned', 'webhook.delivery_failed'][i % 5]!, resource: 'session',
    actor: { id: `u${(i % 4) + 3}`, name: ['Katherine Johnson', 'Alan Turing', 'Radia Perlman', 'Linus Torvalds'][i % 4]! },
    fields: { region: ['eu-west-1', 'us-east-1'][i % 2]!, plan: ['team', 'enterprise'][i % 2]! },
  })),
];

/** The designer log behind a memory adapter, with its custom fields as columns. */
export function designerAdapter() {
  return createMemoryAdapter(designerEvents, {
    now: STORY_NOW,
    fields: [
      { name: 'region', displayName: 'Region', type: 'string', filterable: true, sortable: true },
      { name: 'plan', displayName: 'Plan', type: 'enum', options: ['team', 'enterprise'], filterable: true, sortable: true },
    ],
  });
}
