import type { AuditEvent } from '../core/eventSchema.js';
import { readPath } from '../core/fields.js';
import { hasOwn } from '../core/own.js';

/** The parts of an event a path can name (`fields.<name>` for a custom field). */
export type EventPath =
  | 'id'
  | 'timestamp'
  | 'tenantId'
  | 'severity'
  | 'severityRank'
  | 'action'
  | 'resource'
  | 'resourceId'
  | 'message'
  | 'actor'
  | 'actor.id'
  | 'actor.email'
  | 'actor.name'
  | 'actor.type'
  | 'ip'
  | 'userAgent'
  | 'eventType'
  | 'source'
  | 'correlationId'
  | 'traceId'
  | 'requestId'
  | 'tags'
  | 'changes'
  | 'payload'
  | 'fields'
  | `fields.${string}`;

/**
 * Where each part of an event is in the host's own objects, for events shaped otherwise than `AuditEventInput`:
 * by our event's path, a dotted path in the host's object (`{ 'actor.email': 'user', 'fields.region': 'geo.region' }`),
 * or `null` where the host's objects hold nothing for that part (a `tenantId` then comes from the adapter's
 * option). Parts not named are read where `AuditEventInput` has them; a part some of whose members are named
 * (`actor` with `actor.email`) holds what its own path holds, with those members put in or taken out. The host's
 * objects are kept as they are, never copied: what the table shows is read through the paths when it is shown.
 */
export type EventPaths = Partial<Record<EventPath, string | null>>;

const TOP_LEVEL = [
  'id',
  'timestamp',
  'tenantId',
  'severity',
  'severityRank',
  'action',
  'resource',
  'resourceId',
  'message',
  'actor',
  'ip',
  'userAgent',
  'eventType',
  'source',
  'correlationId',
  'traceId',
  'requestId',
  'tags',
  'changes',
  'payload',
  'fields',
] as const;
const ACTOR = ['id', 'email', 'name', 'type'] as const;
const NAME = /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/;

type Read = (host: Record<string, unknown>) => unknown;

/** Reads one path (`undefined` when a step is missing; never an inherited property). */
function reader(path: string | null): Read {
  if (path === null) return () => undefined;
  if (!path.includes('.')) return (host) => (hasOwn(host, path) ? host[path] : undefined);
  return (host) => readPath(host as unknown as AuditEvent, path);
}

/** How the store reads events of another shape: the facts at intake, the whole event when it is needed. */
export interface EventReader {
  /** Id, tenant, time and severity (what intake reads of every event), as `AuditEventInput` has them. */
  facts(host: Record<string, unknown>): Record<string, unknown>;
  /** The event as `AuditEventInput` (a new object; the host's stays as it is). */
  event(host: Record<string, unknown>): Record<string, unknown>;
  /**
   * Reads what `event(host)` holds at a path of our event straight from the host's object, without building the
   * event; null where that takes building it (a path above parts the paths move, such as `actor` with `actor.email`).
   */
  at(path: string): ((host: Record<string, unknown>) => unknown) | null;
}

/** Checks `paths` and compiles them; a clear error names each part that is not one of an event's. */
export function compileEventPaths(paths: EventPaths): EventReader {
  const problems: string[] = [];
  for (const [part, path] of Object.entries(paths)) {
    const known = (TOP_LEVEL as readonly string[]).includes(part) || /^actor\.(id|email|name|type)$/.test(part) || /^fields\.[^.]+$/.test(part);
    if (!known) problems.push(`"${part}" is not a part of an audit event`);
    else if (path !== null && (typeof path !== 'string' || !NAME.test(path))) problems.push(`"${part}": ${JSON.stringify(path)} is not a dotted path`);
  }
  if (problems.length) throw new TypeError(`react-audit-logs: paths: ${problems.join('; ')}.`);
  const of = (part: string): Read => reader(hasOwn(paths, part) ? (paths as Record<string, string | null>)[part]! : part);
  const top = TOP_LEVEL.map((key) => [key, of(key)] as const);
  const actor = ACTOR.filter((key) => hasOwn(paths, `actor.${key}`)).map((key) => [key, of(`actor.${key}`)] as const);
  const fields = Object.keys(paths)
    .filter((part) => part.startsWith('fields.'))
    .map((part) => [part.slice('fields.'.length), of(part)] as const);
  const id = of('id');
  const timestamp = of('timestamp');
  const tenantId = of('tenantId');
  const severity = of('severity');
  const severityRank = of('severityRank');
  const direct = new Map<string, Read | null>();
  const at = (path: string): Read | null => {
    // Our event has nothing outside its own parts, whatever the host's object holds there.
    if (!(TOP_LEVEL as readonly string[]).includes(path.split('.')[0]!)) return () => undefined;
    const mapped = Object.keys(paths);
    if (mapped.some((part) => part.startsWith(`${path}.`))) return null;
    // The closest part the paths move: `actor.email` before `actor`.
    const above = mapped.filter((part) => path === part || path.startsWith(`${part}.`)).sort((a, b) => b.length - a.length)[0];
    if (above === undefined) return reader(path);
    const to = (paths as Record<string, string | null>)[above]!;
    return to === null ? () => undefined : reader(to + path.slice(above.length));
  };
  return {
    at(path) {
      let read = direct.get(path);
      if (read === undefined) direct.set(path, (read = at(path)));
      return read;
    },
    facts: (host) => ({ id: id(host), timestamp: timestamp(host), tenantId: tenantId(host), severity: severity(host), severityRank: severityRank(host) }),
    event(host) {
      const out: Record<string, unknown> = {};
      for (const [key, read] of top) {
        const value = read(host);
        if (value !== undefined) out[key] = value;
      }
      if (actor.length) {
        const base = out.actor;
        const copy: Record<string, unknown> = base && typeof base === 'object' && !Array.isArray(base) ? { ...base } : {};
        for (const [key, read] of actor) {
          const value = read(host);
          if (value === undefined) delete copy[key];
          else copy[key] = value;
        }
        if (Object.keys(copy).length) out.actor = copy;
        else delete out.actor;
      }
      if (fields.length) {
        const base = out.fields;
        const copy: Record<string, unknown> = base && typeof base === 'object' && !Array.isArray(base) ? { ...base } : {};
        for (const [name, read] of fields) {
          const value = read(host);
          if (value === undefined) delete copy[name];
          else copy[name] = value;
        }
        if (Object.keys(copy).length) out.fields = copy;
        else delete out.fields;
      }
      return out;
    },
  };
}
