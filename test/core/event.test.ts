import { describe, expect, it } from 'vitest';
import {
  AuditEventError,
  auditEventChecker,
  normalizeAuditEvent,
  safeNormalizeAuditEvent,
} from '../../src/core/event';
import { parseTimestamp } from '../../src/core/time';
import { check } from '../../src/core/check';

describe('normalizeAuditEvent', () => {
  it('carries a Frontegg row: user, email, resource, action, severity, ip, json and custom keys', () => {
    const event = normalizeAuditEvent({
      id: 'f1',
      tenantId: 't',
      timestamp: '2026-03-01T10:00:00.000Z',
      severity: 'Medium',
      action: 'Updated profile',
      resource: 'profile',
      actor: { name: 'Jane', email: 'jane@x.example' },
      ip: '1.2.3.4',
      payload: { nested: { ok: true } },
      fields: { department: 'Sales' },
    });
    expect(check(auditEventChecker, event)).toEqual({ ok: true, value: event });
    expect(event).toMatchObject({ severity: 'Medium', severityRank: 40, fields: { department: 'Sales' } });
  });

  it("carries a fullstackhero entry: numeric severity, ids, tags, entity changes with before/after", () => {
    const event = normalizeAuditEvent({
      id: 'h1',
      tenantId: 't',
      timestamp: '2026-03-01T10:00:00.1234567', // .NET DateTime, no offset: UTC
      severity: 5, // AuditSeverity.Error
      action: 'Update',
      eventType: 'EntityChange',
      actor: { id: 'user-1', name: 'jdoe' },
      source: 'Catalog.Api',
      correlationId: 'c',
      traceId: 't',
      requestId: 'r',
      tags: ['PII', 'Sensitive'],
      changes: [{ field: 'Price', before: 10, after: 12.5 }, { field: 'Name', before: null, after: 'New' }],
    });
    expect(event.timestamp).toBe('2026-03-01T10:00:00.123Z');
    expect(event).toMatchObject({ severity: 'Error', severityRank: 60 });
    expect(event.changes).toHaveLength(2);
  });

  it('normalizes timestamps with offsets and epoch ms to canonical UTC', () => {
    const a = normalizeAuditEvent({ id: 'a', tenantId: 't', timestamp: '2026-03-01T12:00:00+02:00', action: 'x' });
    const b = normalizeAuditEvent({ id: 'b', tenantId: 't', timestamp: Date.UTC(2026, 2, 1, 10), action: 'x' });
    expect(a.timestamp).toBe('2026-03-01T10:00:00.000Z');
    expect(b.timestamp).toBe(a.timestamp);
  });

  it('rejects a malformed event with a message naming each bad property', () => {
    const result = safeNormalizeAuditEvent({ id: 'x', tenantId: 't', timestamp: 'yesterday', action: 7 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.some((i) => i.startsWith('timestamp:') && i.includes('yesterday'))).toBe(true);
      expect(result.issues.some((i) => i.startsWith('action:'))).toBe(true);
    }
    expect(() => normalizeAuditEvent({ action: 'x', timestamp: '2026-01-01' })).toThrow(AuditEventError);
    expect(() => normalizeAuditEvent({ action: 'x', timestamp: '2026-01-01' })).toThrow(/id: required/);
  });

  it('takes the id and tenant from defaults when the input has none', () => {
    const e = normalizeAuditEvent({ action: 'x', timestamp: '2026-01-01' }, { id: 'gen', tenantId: 'acme' });
    expect(e).toMatchObject({ id: 'gen', tenantId: 'acme', timestamp: '2026-01-01T00:00:00.000Z' });
  });
});

describe('parseTimestamp', () => {
  it('rejects what is not ISO 8601, including calendar overflow', () => {
    expect(parseTimestamp('2026-02-31')).toBeUndefined();
    expect(parseTimestamp('March 3rd')).toBeUndefined();
    expect(parseTimestamp('2026-13-01T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp(Number.NaN)).toBeUndefined();
    expect(parseTimestamp('2026-01-01T00:00:00+0530')).toBe(Date.UTC(2025, 11, 31, 18, 30));
  });
});
