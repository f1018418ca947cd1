import { own } from '../../../core/own.js';
/**
 * The logging API's `/filters` answer is documented only as an "open metadata object": which filters
 * exist, their labels and allowed values, which fields sort. This reads the shapes such objects take
 * (a list or a map of filters, values as strings or `{ value, label }`), maps the server's names onto
 * our fields, and never throws: what it cannot read falls back to the documented names.
 */

export interface FilterMetadata {
  /** Our field → the server's query parameter. */
  paramOf: Map<string, string>;
  /** Our field → the server's sort key. */
  sortParamOf: Map<string, string>;
  /** Our field → the server's label for it. */
  labelOf: Map<string, string>;
  /** Our field → its allowed values. */
  valuesOf: Map<string, string[]>;
  /** The severity words the server uses, lowest first. */
  severities: string[];
  /** A severity label as the server spells it. */
  severityValue(label: string): string;
}

/** The server's names (either spelling) for our fields. */
const ALIASES: Record<string, string> = {
  action: 'action',
  event: 'action',
  resource_type: 'resource',
  resource: 'resource',
  resource_id: 'resourceId',
  actor_email: 'actor.email',
  'actor.email': 'actor.email',
  email: 'actor.email',
  user_email: 'actor.email',
  actor_id: 'actor.id',
  'actor.id': 'actor.id',
  user_id: 'actor.id',
  actor_name: 'actor.name',
  'actor.name': 'actor.name',
  ip_address: 'ip',
  ip: 'ip',
  source: 'source',
  severity: 'severity',
  level: 'severity',
  timestamp: 'timestamp',
  created_at: 'timestamp',
  correlation_id: 'correlationId',
  user_agent: 'userAgent',
};

/** The documented names, used when the metadata cannot be read. */
const DOCUMENTED_FILTERS = ['action', 'resource_type', 'actor_email', 'actor_id', 'ip_address', 'source', 'severity'];
const DOCUMENTED_SEVERITIES = ['debug', 'info', 'warning', 'error', 'critical'];

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 80) : undefined);

function valuesOf(spec: Record<string, unknown>): string[] | undefined {
  const raw = [spec.values, spec.choices, spec.options, spec.enum].find(Array.isArray) as unknown[] | undefined;
  if (!raw) return undefined;
  const values = raw
    .map((v) => text(v) ?? text(obj(v)?.value) ?? (typeof v === 'number' ? String(v) : undefined))
    .filter((v): v is string => v !== undefined);
  return values.length ? values.slice(0, 200) : undefined;
}

/** `[name, spec]` pairs from a list of filters or a map of them. */
function filterSpecs(body: Record<string, unknown>): [string, Record<string, unknown>][] {
  const source = body.filters ?? body.fields ?? body.filterable_fields;
  if (Array.isArray(source)) {
    return source.flatMap((item): [string, Record<string, unknown>][] => {
      if (typeof item === 'string') return [[item, {}]];
      const spec = obj(item);
      const name = spec && (text(spec.name) ?? text(spec.field) ?? text(spec.key) ?? text(spec.param));
      return spec && name ? [[name, spec]] : [];
    });
  }
  const map = obj(source);
  return map ? Object.entries(map).map(([name, spec]) => [name, obj(spec) ?? {}]) : [];
}

function sortKeys(body: Record<string, unknown>): string[] {
  const source = [body.sortable, body.sort_fields, body.sort_by, body.ordering, body.ordering_fields].find(Array.isArray) as unknown[] | undefined;
  return (source ?? []).map((v) => text(v)?.replace(/^-/, '')).filter((v): v is string => v !== undefined);
}

function build(filters: [string, Record<string, unknown>][], sorts: string[]): FilterMetadata {
  const paramOf = new Map<string, string>();
  const labelOf = new Map<string, string>();
  const values = new Map<string, string[]>();
  for (const [name, spec] of filters) {
    const field = own(ALIASES, name.toLowerCase());
    if (!field || paramOf.has(field)) continue;
    paramOf.set(field, name);
    const label = text(spec.label) ?? text(spec.display_name) ?? text(spec.title);
    if (label) labelOf.set(field, label);
    const allowed = valuesOf(spec);
    if (allowed) values.set(field, allowed);
  }
  const sortParamOf = new Map<string, string>([['timestamp', 'timestamp']]);
  for (const key of sorts) {
    const field = own(ALIASES, key.toLowerCase());
    if (field) sortParamOf.set(field, key);
  }
  const severities = values.get('severity') ?? DOCUMENTED_SEVERITIES;
  return {
    paramOf,
    sortParamOf,
    labelOf,
    valuesOf: values,
    severities,
    severityValue: (label) => severities.find((s) => s.toLowerCase() === label.toLowerCase()) ?? label,
  };
}

/** The documented filter names and severities. */
export function fallbackMetadata(): FilterMetadata {
  return build(DOCUMENTED_FILTERS.map((name) => [name, {}]), []);
}

/** Whatever `/filters` answered, read as far as it can be; the documented names otherwise. */
export function readFilterMetadata(body: unknown): FilterMetadata {
  const root = obj(body);
  if (!root) return fallbackMetadata();
  const filters = filterSpecs(root);
  const known = filters.filter(([name]) => own(ALIASES, name.toLowerCase()));
  return known.length ? build(filters, sortKeys(root)) : fallbackMetadata();
}
