import type { AuditActor, AuditEvent, JsonValue } from '../core/event.js';
import { normalizeSeverity, type SeverityLevel } from '../core/severity.js';
import { DAY, MINUTE, toIsoUtc } from '../core/time.js';
import { createRandom, hashString, weightedPicker, type Random } from './random.js';
import {
  FIRST_NAMES,
  LAST_NAMES,
  REGIONS,
  SCENARIOS,
  USER_AGENTS,
  VOCABULARY_LABELS,
  type Scenario,
  type SeverityVocabulary,
} from './vocabulary.js';

export interface GenerateEventsOptions {
  tenantId: string;
  /** How many events. */
  count: number;
  /** Same seed and tenant, same events. @default 1 */
  seed?: number;
  /** Epoch ms the newest events lead up to. @default Date.now() */
  now?: number;
  /** How far back events go. @default 90 */
  days?: number;
  /** Severity labels in Frontegg's or fullstackhero's words. @default by tenant */
  vocabulary?: SeverityVocabulary;
}

interface Person {
  actor: AuditActor;
  ips: string[];
  agent: string;
  region: string;
}

function ipv4(r: Random): string {
  return `${r.pick([34, 52, 81, 91, 145, 185, 203])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

function ipv6(r: Random): string {
  return `2001:db8:${r.hex(4)}:${r.hex(4)}::${r.hex(3)}`;
}

function people(r: Random, tenantId: string): Person[] {
  const domain = `${tenantId.toLowerCase().replace(/[^a-z0-9-]/g, '') || 'tenant'}.example`;
  const count = r.int(14, 40);
  const out: Person[] = [];
  const used = new Set<string>();
  while (out.length < count) {
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    if (used.has(local)) continue;
    used.add(local);
    const ips = [r.chance(0.25) ? ipv6(r) : ipv4(r)];
    if (r.chance(0.4)) ips.push(ipv4(r));
    out.push({
      actor: { id: `usr_${r.hex(10)}`, email: `${local}@${domain}`, name: `${first} ${last}`, type: 'user' },
      ips,
      agent: r.pick(USER_AGENTS.slice(0, 5)),
      region: r.pick(REGIONS),
    });
  }
  for (const name of ['Terraform', 'Data warehouse sync']) {
    out.push({
      actor: { id: `key_${r.hex(10)}`, name: `API key: ${name}`, type: 'api-key' },
      ips: [ipv4(r)],
      agent: r.pick(USER_AGENTS.slice(5)),
      region: r.pick(REGIONS),
    });
  }
  out.push({ actor: { id: 'system', name: 'System', type: 'system' }, ips: [], agent: '', region: 'us-east-1' });
  return out;
}

/**
 * Generates a tenant's believable audit log, oldest first: people and API keys doing logins, role
 * changes, API key creation, invoice exports, settings updates with before/after values, failures;
 * related events share a correlation id. Deterministic: the same seed, tenant, count and `now` give
 * the same events on any machine.
 */
export function generateAuditEvents(options: GenerateEventsOptions): AuditEvent[] {
  const { tenantId, count } = options;
  const now = options.now ?? Date.now();
  const span = (options.days ?? 90) * DAY;
  const r = createRandom(hashString(tenantId) ^ (options.seed ?? 1));
  const vocabulary = options.vocabulary ?? (hashString(tenantId) % 2 === 0 ? 'fsh' : 'frontegg');
  const labels = VOCABULARY_LABELS[vocabulary];
  // The rank follows the label, as it does for real data: Frontegg's "Info" is one level however it came about.
  const ranks = Object.fromEntries(
    Object.entries(labels).map(([level, label]) => [level, normalizeSeverity(label).rank]),
  ) as Record<SeverityLevel, number>;
  const crew = people(r, tenantId);
  const humans = crew.filter((p) => p.actor.type === 'user');
  const machines = crew.filter((p) => p.actor.type !== 'user');
  const pickScenario = weightedPicker(SCENARIOS.map((s) => [s, s.weight] as const));
  const pickSize = weightedPicker(SESSION_SIZES);
  // Session start times, drawn up front and sorted, so events come out nearly in time order and
  // the final sort is close to linear.
  const sessions = Math.ceil(count / 2) + 1;
  const starts = new Float64Array(sessions);
  for (let k = 0; k < sessions; k++) starts[k] = now - Math.floor(r.next() * span);
  starts.sort();
  const requests = new Map<string, JsonValue>();
  const fieldsOf = new Map<Person, Record<string, JsonValue>>();
  const events: AuditEvent[] = [];
  const isoFormatter = createIsoFormatter();
  for (let s = 0; events.length < count; s++) {
    const correlationId = `cor_${r.hex(12)}`;
    const traceId = r.chance(0.6) ? r.hex(32) : undefined;
    const size = Math.min(count - events.length, pickSize(r));
    let t = starts[Math.min(s, sessions - 1)]!;
    // One person and one machine actor per session: a person's actions and what they set off.
    const human = r.pick(humans);
    const machine = r.pick(machines);
    for (let k = 0; k < size; k++) {
      const scenario: Scenario = pickScenario(r);
      const person = scenario.machine ? machine : human;
      const place = scenario.resource(r);
      const ip = person.ips.length ? r.pick(person.ips) : undefined;
      // Objects shared between events (actor, tags, custom fields, request line) are never mutated.
      let fields = fieldsOf.get(person);
      if (!fields) fieldsOf.set(person, (fields = { region: person.region }));
      const requestKey = `${scenario.eventType}/${place.resource}`;
      let request = requests.get(requestKey);
      if (!request) {
        request = { method: scenario.eventType === 'EntityChange' ? 'PATCH' : 'POST', path: `/${place.resource}` };
        requests.set(requestKey, request);
      }
      const failed = scenario.level === 'error' || scenario.level === 'critical';
      const details = scenario.payload?.(r);
      // One literal with every key, so all events share one object shape (smaller, faster at 1M).
      const event: AuditEvent = {
        id: `evt_${r.hex(16)}`,
        timestamp: isoFormatter(Math.min(t, now)),
        tenantId,
        severity: labels[scenario.level],
        severityRank: ranks[scenario.level],
        action: scenario.action,
        resource: place.resource,
        resourceId: place.resourceId,
        message: scenario.message?.(r),
        actor: person.actor,
        ip,
        userAgent: person.agent || undefined,
        eventType: scenario.eventType,
        source: scenario.source,
        correlationId,
        traceId,
        requestId: `req_${r.hex(12)}`,
        tags: scenario.tags.length ? (scenario.tags as string[]) : undefined,
        changes: scenario.changes?.(r),
        payload:
          details === undefined
            ? { request, status: failed ? 'failure' : 'success' }
            : { request, status: failed ? 'failure' : 'success', details },
        fields,
      };
      events.push(event);
      t += r.int(1, 90) * 1000 + (r.chance(0.1) ? r.int(1, 20) * MINUTE : 0);
    }
  }
  return events.sort((a, b) =>
    a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

const SESSION_SIZES = [
  [1, 5],
  [2, 3],
  [3, 2],
  [5, 1],
] as const;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `toISOString` for many nearby times: the date part is cached per day, the rest is arithmetic. */
function createIsoFormatter(): (ms: number) => string {
  const days = new Map<number, string>();
  return (ms) => {
    const day = Math.floor(ms / DAY);
    let prefix = days.get(day);
    if (prefix === undefined) days.set(day, (prefix = toIsoUtc(day * DAY).slice(0, 11)));
    const rest = ms - day * DAY;
    const h = Math.floor(rest / 3_600_000);
    const m = Math.floor((rest % 3_600_000) / 60_000);
    const sec = Math.floor((rest % 60_000) / 1000);
    return `${prefix}${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}.${pad(rest % 1000, 3)}Z`;
  };
}
