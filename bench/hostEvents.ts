/**
 * Events as a host holds them: plain objects, each its own, as `JSON.parse` makes them (flat strings,
 * no shared parts), no `severityRank`, three custom fields. Shared by the ingest bench (Node) and the
 * viewer bench page (Chromium).
 */
import type { AuditEventInput } from '../src/core/event.ts';
import { generateAuditEvents } from '../src/mock/generator.ts';

export const BENCH_NOW = Date.UTC(2026, 10, 1);
const PLANS = ['free', 'team', 'business', 'enterprise'];

export function hostEvents(count: number, tenantId = 'acme'): AuditEventInput[] {
  const generated = generateAuditEvents({ tenantId, count, seed: 42, now: BENCH_NOW });
  const out: AuditEventInput[] = new Array(generated.length);
  for (let i = 0; i < generated.length; i++) {
    const { severityRank: _rank, fields, actor, payload, changes, tags, ...rest } = generated[i]!;
    const event = {
      ...rest,
      actor,
      tags,
      changes,
      payload,
      fields: { region: String(fields?.region ?? 'eu-west-1'), plan: PLANS[i % 4]!, seats: (i * 7) % 500 },
    };
    out[i] = JSON.parse(JSON.stringify(event)) as AuditEventInput;
  }
  return out;
}
