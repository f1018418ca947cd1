import {
  CHECK_DEEP,
  CHECK_OK,
  capEventDepth,
  checkEventInto,
  safeNormalizeAuditEvent,
  toAuditEvent,
  type AuditEvent,
  type EventFacts,
  type JsonValue,
} from '../core/intake.js';
import { fieldPath, getFieldValue } from '../core/fields.js';
import type { SkippedEvent } from '../core/page.js';
import { toIsoUtc } from '../core/time.js';
import type { EventReader } from './eventPaths.js';

/** An event that was left out, with where it stood in the input. */
export interface IngestSkippedEvent extends SkippedEvent {
  /** Its position in the array handed in. */
  index: number;
  /** The tenant it named, when it named one. */
  tenantId?: string;
}

/** Per-event state: not yet checked in full, sound, or left out (malformed, or a repeated id). */
const UNCHECKED = 0;
const SOUND = 1;
const EXCLUDED = 2;

/**
 * One tenant's events, held as the host sent them (by reference, never copied or mutated) plus compact
 * columns for what the index needs: time, severity label and rank, id. Intake reads only those; the full
 * check of each event (its other properties, JSON depth, a repeated id) runs in a later pass, in idle
 * slices, or for a single event when it is first shown, so a million events are indexed in about a
 * second. `AuditEvent` objects are built only for the rows a caller asks for.
 */
export class EventStore {
  private records: Record<string, unknown>[] = [];
  private ids: string[] = [];
  private times = new Float64Array(0);
  private ranks = new Int32Array(0);
  private labelOf = new Int32Array(0);
  private states = new Uint8Array(0);
  private origins = new Int32Array(0);
  /** 1 where the record is in our shape already (created here, or a host's event cut or normalized by its check). */
  private ours = new Uint8Array(0);
  private labels: string[] = [];
  private labelIndex = new Map<string, number>();
  private lastLabel = '\u0000';
  private lastLabelIndex = 0;
  private byId = new Map<string, number>();
  /** Events `[0, verified)` are checked in full and in `byId`. */
  private verified = 0;
  private length = 0;
  /** Custom fields whose value lives elsewhere than `fields.<name>`: name → path. */
  private paths = new Map<string, string>();
  /** Changes whenever events are added or removed or fields move: cached query results go stale. */
  version = 0;
  /** Counts events left out after intake (a query's matches drop them without starting again). */
  exclusions = 0;
  readonly skipped: IngestSkippedEvent[] = [];
  private readonly facts: EventFacts = { id: '', tenantId: '', time: 0, severity: { label: '', rank: 0 } };
  /**
   * The event `checkAt` last built through the reader, and where: the next read of it (the search text, a row)
   * takes this one rather than building it again. One slot, used once; nothing more is kept per event.
   */
  private built: { i: number; record: AuditEvent } | null = null;

  /** @param reader how to read events of another shape (`EventPaths`); none: they are `AuditEventInput`s. */
  constructor(
    readonly tenantId: string,
    private readonly reader?: EventReader,
  ) {}

  get size(): number {
    return this.length;
  }

  /**
   * Adds an event whose id, time and severity are read (`facts`); the rest is checked later.
   * `origin` is its position in the host's array, for reports.
   */
  push(record: Record<string, unknown>, facts: EventFacts, origin = -1, checked = false): void {
    const i = this.length;
    if (i === this.times.length) this.grow(Math.max(1024, i * 2));
    this.records.push(record);
    this.ids.push(facts.id);
    this.times[i] = facts.time;
    this.ranks[i] = facts.severity.rank;
    const name = facts.severity.label;
    let label = name === this.lastLabel ? this.lastLabelIndex : this.labelIndex.get(name);
    if (label === undefined) {
      label = this.labels.length;
      this.labels.push(name);
      this.labelIndex.set(name, label);
    }
    this.lastLabel = name;
    this.lastLabelIndex = label;
    this.labelOf[i] = label;
    this.states[i] = checked ? SOUND : UNCHECKED;
    this.origins[i] = origin;
    this.ours[i] = checked ? 1 : 0;
    this.length = i + 1;
    if (checked && this.verified === i) {
      this.byId.set(facts.id, i);
      this.verified = i + 1;
    }
    this.version++;
  }

  /**
   * Checks events in order, indexing their ids, until all are checked or `more()` says stop (asked every
   * 256 events). Returns whether all are checked.
   */
  verify(more: () => boolean = () => true): boolean {
    for (let i = this.verified; i < this.length; i++) {
      if (this.checkAt(i)) {
        const id = this.ids[i]!;
        if (this.byId.has(id)) this.exclude(i, [`id: "${id}" appears more than once`]);
        else this.byId.set(id, i);
      }
      this.verified = i + 1;
      if ((i & 255) === 255 && i + 1 < this.length && !more()) return false;
    }
    return true;
  }

  /** Whether the event at `i` is sound, checking it in full the first time. */
  checkAt(i: number): boolean {
    const state = this.states[i];
    if (state !== UNCHECKED) return state === SOUND;
    const record = this.record(i) as unknown as Record<string, unknown>;
    if (!this.ours[i] && this.reader) this.built = { i, record: record as unknown as AuditEvent };
    const defaults = { tenantId: this.tenantId, id: this.ids[i] };
    let status = checkEventInto(record, defaults, undefined, this.facts);
    if (status === CHECK_DEEP) {
      // Values nested too deeply are cut off in a copy; the host's object stays as it is.
      const capped = capEventDepth(record) as Record<string, unknown>;
      status = checkEventInto(capped, defaults, undefined, this.facts);
      if (status === CHECK_OK) this.keep(i, capped);
    }
    if (status === CHECK_OK) {
      this.states[i] = SOUND;
      return true;
    }
    const result = safeNormalizeAuditEvent(record, defaults);
    if (result.ok) {
      // The schema accepts what the fast checks did not: keep its normalized form.
      this.keep(i, result.event as unknown as Record<string, unknown>);
      this.states[i] = SOUND;
      return true;
    }
    this.exclude(i, result.issues);
    return false;
  }

  isExcluded(i: number): boolean {
    return this.states[i] === EXCLUDED;
  }

  /** Where custom fields read their values (their `valueFrom`); cached query results go stale. */
  setValuePaths(paths: ReadonlyMap<string, string>): void {
    this.paths = new Map(paths);
    this.version++;
  }

  /** Where the event with this id is, if it is here (checks every event first). */
  indexOf(id: string): number | undefined {
    this.verify();
    const i = this.byId.get(id);
    return i === undefined || this.states[i] === EXCLUDED ? undefined : i;
  }

  removeAt(i: number): void {
    this.verify();
    this.built = null;
    const n = this.length;
    this.records.splice(i, 1);
    this.ids.splice(i, 1);
    for (const column of [this.times, this.ranks, this.labelOf, this.states, this.origins, this.ours]) column.copyWithin(i, i + 1, n);
    this.length = n - 1;
    this.verified = this.length;
    // Indices after `i` moved down.
    this.byId = new Map();
    for (let j = 0; j < this.length; j++) if (this.states[j] !== EXCLUDED) this.byId.set(this.ids[j]!, j);
    this.version++;
  }

  id(i: number): string {
    return this.ids[i]!;
  }

  time(i: number): number {
    return this.times[i]!;
  }

  /** Times of every event, by index (a view, valid until the store changes). */
  timeColumn(): Float64Array {
    return this.times.subarray(0, this.length);
  }

  rank(i: number): number {
    return this.ranks[i]!;
  }

  severity(i: number): string {
    return this.labels[this.labelOf[i]!]!;
  }

  /** A number for event `i`'s severity label, the same for every event with that label. */
  labelIndexAt(i: number): number {
    return this.labelOf[i]!;
  }

  /**
   * The stored record: the host's event (or its depth-capped copy). Once `checkAt(i)` is true, its
   * properties other than id, time and severity are as a normalized event has them.
   */
  record(i: number): AuditEvent {
    const record = this.records[i]!;
    if (!this.reader || this.ours[i]) return record as unknown as AuditEvent;
    const built = this.built;
    if (built) {
      this.built = null;
      if (built.i === i) return built.record;
    }
    // Events of another shape are read through their paths (a new object; the host's is kept as is).
    return this.reader.event(record) as unknown as AuditEvent;
  }

  /** Replaces the record at `i` with one in our shape. */
  private keep(i: number, record: Record<string, unknown>): void {
    this.records[i] = record;
    this.ours[i] = 1;
  }

  /** A field's value as a normalized event would have it, without building the event. */
  value(i: number, field: string): JsonValue | undefined {
    switch (field) {
      case 'id':
        return this.ids[i];
      case 'timestamp':
        return toIsoUtc(this.times[i]!);
      case 'severity':
        return this.severity(i);
      default: {
        if (!this.checkAt(i)) return undefined;
        const valueFrom = this.paths.get(field);
        // A host's event of another shape: read where the paths say, without building our event for it.
        const direct = this.reader && !this.ours[i] ? this.reader.at(fieldPath(field, valueFrom)) : null;
        return direct ? (direct(this.records[i]!) as JsonValue | undefined) : getFieldValue(this.record(i), field, valueFrom);
      }
    }
  }

  /** The normalized event at an index (a new object each call), or undefined when it was left out. */
  event(i: number): AuditEvent | undefined {
    if (!this.checkAt(i)) return undefined;
    return toAuditEvent(this.record(i) as unknown as Record<string, unknown>, {
      id: this.ids[i]!,
      tenantId: this.tenantId,
      time: this.times[i]!,
      severity: { label: this.severity(i), rank: this.ranks[i]! },
    });
  }

  private exclude(i: number, issues: string[]): void {
    this.states[i] = EXCLUDED;
    this.exclusions++;
    this.skipped.push({ index: this.origins[i]!, id: this.ids[i]!, tenantId: this.tenantId, issues });
  }

  private grow(capacity: number): void {
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.length) as never);
      return next;
    };
    this.times = grown(this.times, (n) => new Float64Array(n));
    this.ranks = grown(this.ranks, (n) => new Int32Array(n));
    this.labelOf = grown(this.labelOf, (n) => new Int32Array(n));
    this.states = grown(this.states, (n) => new Uint8Array(n));
    this.origins = grown(this.origins, (n) => new Int32Array(n));
    this.ours = grown(this.ours, (n) => new Uint8Array(n));
  }
}
