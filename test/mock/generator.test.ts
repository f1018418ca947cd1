import { describe, expect, it } from 'vitest';
import { auditEventChecker } from '../../src/core/event';
import { check } from '../../src/core/check';
import { normalizeSeverity } from '../../src/core/severity';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';

const events = generateAuditEvents({ tenantId: 'acme', count: 3000, seed: 42, now: NOW });

describe('generateAuditEvents', () => {
  it('gives the same events for the same seed, tenant and now', () => {
    const again = generateAuditEvents({ tenantId: 'acme', count: 3000, seed: 42, now: NOW });
    expect(again).toEqual(events);
    // A fingerprint pinned in the test: the same on any machine, not just twice on this one.
    expect(events.slice(0, 3).map((e) => e.id)).toMatchInlineSnapshot(`
      [
        "evt_90d802d2ebad5160",
        "evt_7d6b9abf1cb68734",
        "evt_1bdf9a11e657cea5",
      ]
    `);
  });

  it('gives different events for another seed or tenant', () => {
    const other = generateAuditEvents({ tenantId: 'acme', count: 50, seed: 43, now: NOW });
    const globex = generateAuditEvents({ tenantId: 'globex', count: 50, seed: 42, now: NOW });
    expect(other[0]!.id).not.toBe(events[0]!.id);
    expect(globex.every((e) => e.tenantId === 'globex')).toBe(true);
  });

  it('produces valid events, oldest first, spread over the last 90 days', () => {
    expect(events).toHaveLength(3000);
    for (const e of events) expect(check(auditEventChecker, e).ok).toBe(true);
    const times = events.map((e) => Date.parse(e.timestamp));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(times[0]).toBeGreaterThanOrEqual(NOW - 90 * 86_400_000);
    expect(times.at(-1)).toBeLessThanOrEqual(NOW);
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(80 * 86_400_000);
    expect(new Set(events.map((e) => e.id)).size).toBe(3000);
  });

  it('looks like a real tenant log', () => {
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['user.login', 'user.role.changed', 'api_key.created', 'invoice.exported', 'settings.updated']) {
      expect(actions).toContain(a);
    }
    expect(events.some((e) => e.ip?.includes(':'))).toBe(true); // IPv6
    expect(events.some((e) => /^\d+\.\d+\.\d+\.\d+$/.test(e.ip ?? ''))).toBe(true); // IPv4
    expect(events.some((e) => e.changes?.some((c) => c.before !== undefined && c.after !== undefined))).toBe(true);
    expect(events.some((e) => e.actor?.type === 'api-key')).toBe(true);
    expect(events.every((e) => !e.actor?.email || e.actor.email.endsWith('@acme.example'))).toBe(true);
    // Related events share a correlation id and an actor.
    const byCorrelation = new Map<string | undefined, typeof events>();
    for (const e of events) byCorrelation.set(e.correlationId, [...(byCorrelation.get(e.correlationId) ?? []), e]);
    const related = [...byCorrelation.values()].filter((group) => group.length > 1);
    expect(related.length).toBeGreaterThan(100);
    for (const group of related) {
      expect(new Set(group.filter((e) => e.actor?.type === 'user').map((e) => e.actor?.id)).size).toBeLessThanOrEqual(1);
    }
  });

  it('uses every severity of its vocabulary', () => {
    const frontegg = generateAuditEvents({ tenantId: 'x', count: 3000, seed: 1, now: NOW, vocabulary: 'frontegg' });
    const fsh = generateAuditEvents({ tenantId: 'x', count: 3000, seed: 1, now: NOW, vocabulary: 'fsh' });
    expect(new Set(frontegg.map((e) => e.severity))).toEqual(new Set(['Info', 'Medium', 'High', 'Error', 'Critical']));
    expect(new Set(fsh.map((e) => e.severity))).toEqual(
      new Set(['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical']),
    );
    // One label, one rank (so one colour), exactly as if the events had come from a server.
    for (const e of [...frontegg, ...fsh]) expect(e.severityRank).toBe(normalizeSeverity(e.severity).rank);
  });
});
